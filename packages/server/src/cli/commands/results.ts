import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isAppError } from '../../app/errors.js';
import { exportPeriodScenario } from '../../modules/results/index.js';
import type { Actor } from '../../policies/index.js';
import { CliError, openCliContext, type CliContext } from '../context.js';
import { commandGroup } from './org.js';

/** The CLI reads as the built-in system administrator. */
const cliActor: Actor = { accountId: 0, username: 'cli', personId: null, unitId: null, roles: ['admin'], leaderUnitIds: [] };

function positiveInteger(value: string, what: string): number {
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new CliError(`${what}: must be a positive whole number, not ${value}`, 2);
  return Number(value);
}

/**
 * `baton export scenario <periodId> [--version N] [-o file]`: the same JSON as
 * `GET /api/periods/:id/scenario` — a published version's exact input (by default the published one),
 * or before publicity the scenario built from current data. `baton evaluate` on it reproduces the
 * version's results. `open` is the database context (tests pass their own).
 */
export function registerResultCommands(program: Command, open: () => Promise<Pick<CliContext, 'deps' | 'close'>> = openCliContext) {
  commandGroup(program, 'export', 'export data to a file')
    .command('scenario <periodId>')
    .description("print a period's scenario (docs/product.md §3.1) as the engine evaluated it; `baton evaluate` on it gives the published results")
    .option('--version <n>', 'a published result version (default: the published one; before publicity: current data)')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (periodArg: string, opts: { version?: string; output?: string }) => {
      const periodId = positiveInteger(periodArg, 'periodId');
      const version = opts.version === undefined ? undefined : positiveInteger(opts.version, '--version');
      const { deps, close } = await open();
      try {
        const exported = await exportPeriodScenario(deps, cliActor, periodId, { version });
        if (opts.output === undefined) process.stdout.write(`${exported.json}\n`);
        else {
          await writeFile(opts.output, exported.json);
          process.stderr.write(`scenario of period ${periodId}${exported.version === null ? ' (current data)' : `, version ${exported.version}`} written to ${opts.output}\n`);
        }
      } catch (err) {
        if (isAppError(err)) throw new CliError(err.message, err.statusCode < 500 ? 2 : 1);
        throw err;
      } finally {
        await close();
      }
    });
}

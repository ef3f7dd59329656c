import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { isAppError, type AppError } from '../../app/errors.js';
import { seedDemoOrganization } from '../../db/seed/demo.js';
import { canSeedDemo, markDemoSeeded } from '../../db/seed/seed.repository.js';
import { generatePassword } from '../../modules/auth/index.js';
import { buildOrgTemplate, exportOrgRoster, type ImportIssue, type OrgImportResult, startOrgImport } from '../../modules/imports/index.js';
import { waitForJob } from '../../modules/jobs/index.js';
import type { Actor } from '../../policies/index.js';
import { CliError, openCliContext } from '../context.js';

/** The CLI acts as the built-in system administrator; its changes are audited as "cli". */
const cliActor: Actor = { accountId: 0, username: 'cli', personId: null, unitId: null, roles: ['admin'], leaderUnitIds: [] };

/** A command group (`template`, `import`, `export`) that several feature modules add subcommands to. */
export function commandGroup(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** Terminal columns of a string: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** The error table of an invalid file, as the UI shows it: sheet, row, column, message. */
export function formatIssueTable(issues: ImportIssue[]): string {
  const rows = [['sheet', 'row', 'column', 'message'], ...issues.map((i) => [i.sheet, i.row === undefined ? '' : String(i.row), i.column ?? '', i.message])];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => displayWidth(r[c]!))));
  return rows.map((r) => [pad(r[0]!, widths[0]!), pad(r[1]!, widths[1]!), pad(r[2]!, widths[2]!), r[3]].join('  ')).join('\n');
}

/** A rejected file exits 2 with the whole error table; anything else is an ordinary failure. */
function failOnFile(error: AppError | { code: string; message: string; details?: unknown }): never {
  const details = (error.details ?? []) as ImportIssue[];
  if (details.length > 0 && 'sheet' in details[0]!) console.error(formatIssueTable(details));
  const status = isAppError(error) ? error.statusCode : error.code.startsWith('import.') ? 400 : 500;
  throw new CliError(error.message, status < 500 ? 2 : 1);
}

const count = (c: { created: number; updated: number; unchanged: number }) => `${c.created} new, ${c.updated} changed, ${c.unchanged} unchanged`;

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function registerOrgCommands(program: Command) {
  commandGroup(program, 'template', 'write an empty import template')
    .command('org [file]')
    .description('write the .xlsx template of the organization import (units and people), with example rows')
    .action(async (file: string | undefined) => {
      const template = await buildOrgTemplate({ now: () => new Date() }, cliActor);
      const target = file ?? template.asciiFileName;
      await writeFile(target, template.content);
      console.log(`template written to ${target}`);
    });

  commandGroup(program, 'import', 'import data from a file')
    .command('org <file>')
    .description('import units and people from an .xlsx workbook (exit 2 with the error table if the file is invalid)')
    .option('--passwords <file>', 'where to write the temporary passwords of new accounts (CSV; default <file>-passwords.csv)')
    .action(async (file: string, opts: { passwords?: string }) => {
      let content: Buffer;
      try {
        content = await readFile(file);
      } catch (err) {
        throw new CliError(`cannot read ${file}: ${(err as Error).message}`, 2);
      }
      const { deps, close } = await openCliContext();
      try {
        process.stderr.write(`checking ${file} …\n`);
        let jobId: string;
        try {
          ({ jobId } = await startOrgImport(deps, cliActor, { fileName: basename(file), content }));
        } catch (err) {
          if (isAppError(err)) failOnFile(err);
          throw err;
        }
        const bar = new cliProgress.SingleBar({
          format: 'importing [{bar}] {percentage}% | {value}/{total} rows | {message}', hideCursor: true, clearOnComplete: false,
        }, cliProgress.Presets.shades_classic);
        bar.start(1, 0, { message: '' });
        const job = await waitForJob(deps, jobId, (view) => {
          bar.setTotal(Math.max(view.total, 1));
          bar.update(view.done, { message: view.message ?? '' });
        });
        bar.stop();
        if (job.status === 'failed') failOnFile(job.error as { code: string; message: string; details?: unknown });
        const result = job.result as OrgImportResult;
        console.log([
          `imported ${file}:`,
          `  categories ${count(result.categories)}`,
          `  units      ${count(result.units)}`,
          `  people     ${count(result.people)} (${result.people.moved} moved to another unit, post or rank)`,
          `  accounts   ${count(result.accounts)}`,
          `  ${result.postTypesCreated} post types and ${result.postsCreated} posts created; ${result.auditRecords} audit records`,
        ].join('\n'));
        if (result.temporaryPasswords.length > 0) {
          const target = opts.passwords ?? `${file.replace(/\.xlsx$/i, '')}-passwords.csv`;
          const lines = ['工号,姓名,用户名,初始密码', ...result.temporaryPasswords.map((p) => [p.employeeNo, p.name, p.username, p.password].map(csvCell).join(','))];
          await writeFile(target, '\ufeff' + lines.join('\n') + '\n', { mode: 0o600 });
          console.log(`  ${result.temporaryPasswords.length} temporary passwords (changed at first sign-in) written to ${target}: hand them out, then delete the file`);
        }
      } finally {
        await close();
      }
    });

  commandGroup(program, 'export', 'export data to a file')
    .command('org <file>')
    .description('write the current units and people as an .xlsx in the import layout')
    .action(async (file: string) => {
      const { deps, close } = await openCliContext();
      try {
        const download = await exportOrgRoster(deps, cliActor);
        await writeFile(file, download.content);
        console.log(`roster written to ${file}`);
      } finally {
        await close();
      }
    });

  program
    .command('seed-demo')
    .description('fill an empty database with the demo district (password: BATON_DEMO_PASSWORD, or a printed one)')
    .action(async () => {
      const { deps, close } = await openCliContext();
      try {
        if (!(await canSeedDemo(deps.db))) throw new CliError('the database already has people (or the demo was seeded): seed-demo only fills an empty organization', 2);
        const demoPassword = deps.config.demoPassword ?? generatePassword(10);
        const { accounts } = await seedDemoOrganization(deps, { demoPassword });
        await markDemoSeeded(deps.db, deps.now().toISOString());
        console.log(`demo district seeded. Demo accounts share the password: ${deps.config.demoPassword ? 'BATON_DEMO_PASSWORD' : demoPassword}`);
        for (const a of accounts) console.log(`  ${a.username.padEnd(18)} ${a.role.padEnd(8)} ${a.description}`);
      } finally {
        await close();
      }
    });
}

import { Command, CommanderError } from 'commander';
import { BATON_VERSION } from '../version.js';
import { CliError } from './context.js';
import { registerServeCommands } from './commands/serve.js';
import { registerMaintenanceCommands } from './commands/maintenance.js';
import { registerUserCommands } from './commands/users.js';
import { registerFeatureCommands } from './commands/feature-commands.js';
import { registerEvaluateCommand } from './commands/evaluate.js';

const program = new Command('baton')
  .description('Baton — public-sector performance assessment (考核指挥棒)')
  .version(BATON_VERSION)
  // `baton --version` only before a command: after one, `--version` is the command's own (export scenario --version 2).
  .enablePositionalOptions()
  .exitOverride();

registerServeCommands(program);
registerMaintenanceCommands(program);
registerUserCommands(program);
registerFeatureCommands(program);
registerEvaluateCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof CliError) {
    console.error(`baton: ${err.message}`);
    process.exit(err.exitCode);
  }
  console.error(err);
  process.exit(1);
}

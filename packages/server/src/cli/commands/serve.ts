import type { Command } from 'commander';
import { loadConfig } from '../../app/config.js';
import { bootstrap } from '../../app/bootstrap.js';
import { buildServer } from '../../app/server.js';
import { openCliContext } from '../context.js';
import { deleteExpiredSessions } from '../../modules/auth/index.js';
import { startRedBlackScheduler } from '../../modules/red-black/index.js';
import { startSummaryReminderScheduler } from '../../modules/reviews/index.js';

export function registerServeCommands(program: Command) {
  program
    .command('serve')
    .description('start the HTTP server (migrates, creates admin and the demo organization on first start)')
    .action(async () => {
      const config = loadConfig();
      const { deps, close } = await openCliContext(config);
      const report = await bootstrap(deps);
      const app = await buildServer(deps, { logger: true });
      const sweep = setInterval(() => void deleteExpiredSessions(deps.db, new Date().toISOString()).catch(() => undefined), 15 * 60_000);
      sweep.unref();
      // Every app server runs the scheduler; each run is claimed once in the database (scheduled_runs).
      const scheduler = startRedBlackScheduler(deps, {
        intervalMs: config.schedulerIntervalMs,
        onError: (error) => app.log.error({ err: error }, 'red/black list scheduler'),
      });
      // Reminders of personal summaries due tomorrow (claimed once per day across app servers, likewise).
      const reminders = startSummaryReminderScheduler(deps, {
        intervalMs: config.schedulerIntervalMs,
        onError: (error) => app.log.error({ err: error }, 'summary reminder scheduler'),
      });
      const shutdown = async () => {
        await scheduler.stop();
        await reminders.stop();
        await app.close();
        await close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      await app.listen({ port: config.port, host: config.host });

      const url = `http://localhost:${config.port}`;
      const lines = [
        '',
        `  Baton is running at ${url}   (API docs: ${url}/docs)`,
        `  Database: ${deps.dialect === 'sqlite' ? `SQLite ${config.sqliteFile}` : 'PostgreSQL'}`,
        '',
        `  Sign in as admin with ${report.generatedAdminPassword ? `the password: ${report.generatedAdminPassword}   (generated now and shown once; set BATON_ADMIN_PASSWORD to choose it)` : config.adminPassword ? 'the password in BATON_ADMIN_PASSWORD' : 'the password printed on first start'}`,
      ];
      if (report.demoSeeded) {
        lines.push('', `  A demo organization was created. Demo accounts share the password: ${report.demoPasswordGenerated ? report.demoPassword : 'BATON_DEMO_PASSWORD'}`);
        const width = Math.max(...report.demoAccounts.map((a) => a.username.length)) + 2;
        for (const a of report.demoAccounts) lines.push(`    ${a.username.padEnd(width)} ${a.role.padEnd(8)} ${a.description}`);
      }
      console.log(lines.join('\n') + '\n');
    });
}

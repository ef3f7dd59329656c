import { existsSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import SQLite from 'better-sqlite3';
import type { Command } from 'commander';
import { loadConfig } from '../../app/config.js';
import { migrateToLatest, openDatabase } from '../../db/kysely.js';
import { verifyAuditChain } from '../../modules/audit/index.js';
import { CliError, openCliContext } from '../context.js';

export function registerMaintenanceCommands(program: Command) {
  program
    .command('migrate')
    .description('apply database migrations')
    .action(async () => {
      const config = loadConfig();
      const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
      const result = await migrateToLatest(handle.db);
      for (const r of result.results ?? []) console.log(`${r.status}: ${r.migrationName}`);
      if (!result.results?.length) console.log('the database is up to date');
      await handle.destroy();
    });

  program
    .command('audit')
    .description('audit log tools')
    .command('verify')
    .description('check the hash chain of the audit log: exit 1 if a record was altered or deleted')
    .action(async () => {
      const { deps, close } = await openCliContext();
      const result = await verifyAuditChain(deps);
      await close();
      if (result.ok) {
        console.log(`audit log intact: ${result.records} records, head ${result.headHash}`);
        return;
      }
      for (const p of result.problems) console.error(`record ${p.seq}: ${p.message}`);
      throw new CliError(`audit log tampered: ${result.problems.length} problem(s) in ${result.records} records`, 1);
    });

  program
    .command('backup <file>')
    .description('online backup of the SQLite database to <file> (PostgreSQL: use pg_dump, see README)')
    .action(async (file: string) => {
      const { handle, close } = await openCliContext();
      if (!handle.sqlite) {
        await close();
        throw new CliError('backup works on the embedded SQLite database; on PostgreSQL use pg_dump (see README)', 2);
      }
      let lastPercent = -1;
      await handle.sqlite.backup(file, {
        progress: ({ totalPages, remainingPages }) => {
          const percent = Math.floor(((totalPages - remainingPages) / Math.max(totalPages, 1)) * 100);
          if (percent !== lastPercent && percent % 10 === 0) process.stderr.write(`backup ${percent}%\n`);
          lastPercent = percent;
          return 200;
        },
      });
      await close();
      console.log(`backup written to ${file}`);
    });

  program
    .command('restore <file>')
    .description('replace the SQLite database with a backup file (stop the server first)')
    .action(async (file: string) => {
      const config = loadConfig();
      if (config.databaseUrl) throw new CliError('restore works on the embedded SQLite database; on PostgreSQL use pg_restore/psql (see README)', 2);
      if (!existsSync(file)) throw new CliError(`no such file: ${file}`, 2);
      // Opened read-only and as it is (no WAL switch), so checking a backup never changes it.
      try {
        const probe = new SQLite(file, { readonly: true, fileMustExist: true });
        try {
          const check = probe.pragma('quick_check', { simple: true });
          if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`);
          probe.prepare('select seq from audit_log limit 1').all();
        } finally {
          probe.close();
        }
      } catch (err) {
        throw new CliError(`${file} is not a Baton backup: ${(err as Error).message}`, 2);
      }
      for (const suffix of ['-wal', '-shm']) await rm(config.sqliteFile + suffix, { force: true });
      await copyFile(file, config.sqliteFile);
      const { deps, close } = await openCliContext(config);
      const check = await verifyAuditChain(deps);
      await close();
      console.log(`restored ${config.sqliteFile} from ${file}; audit chain ${check.ok ? 'intact' : 'BROKEN'} (${check.records} records)`);
    });
}

import { loadConfig, type Config } from '../app/config.js';
import type { AppDeps } from '../app/deps.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/kysely.js';

export interface CliContext {
  deps: AppDeps;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** Opens the configured database (SQLite file or DATABASE_URL) with migrations applied. */
export async function openCliContext(config: Config = loadConfig()): Promise<CliContext> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrateToLatest(handle.db);
  const deps: AppDeps = { db: handle.db, dialect: handle.dialect, config, now: () => new Date() };
  return { deps, handle, close: () => handle.destroy() };
}

/** CLI failures print their message and exit with a status (2 = bad input, 1 = anything else). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

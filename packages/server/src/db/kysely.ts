import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, sql, type DialectAdapter, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index.js';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** Where the data lives, for messages (a file path or the PostgreSQL URL without password). */
  location: string;
  /** The raw SQLite connection (for online backup); undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when set, PostgreSQL is used. */
  databaseUrl?: string | undefined;
  /** The SQLite file (or ':memory:'), used when databaseUrl is not set. */
  sqliteFile?: string;
  /** PostgreSQL only: a schema to create and use (tests isolate themselves this way). */
  pgSchema?: string;
  pgPoolSize?: number;
  /**
   * SQLite file only (default true): checkpoint the WAL from a worker thread instead of on the
   * event loop after a commit (see startCheckpointer).
   */
  backgroundCheckpoint?: boolean;
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openSqlite(options.sqliteFile ?? ':memory:', options.backgroundCheckpoint ?? true);
}

function openSqlite(file: string, backgroundCheckpoint: boolean): DatabaseHandle {
  const inMemory = file === ':memory:';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  const connection = new SQLite(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('synchronous = NORMAL');
  const checkpointer = !inMemory && backgroundCheckpoint ? startCheckpointer(connection, file) : undefined;
  const db = new Kysely<Database>({ dialect: new TransactionalDdlSqliteDialect({ database: new StatementCachingDatabase(connection) }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    sqlite: connection,
    destroy: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/**
 * SQLite's DDL is transactional, but Kysely's SQLite adapter says it is not, so its migrator ran
 * SQLite migrations without a transaction: an upgrade stopped halfway (a crash, a full disk) left a
 * half-migrated file that no later start could migrate. Saying so makes the migrator run the pending
 * migrations in one transaction, as it does on PostgreSQL.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** Statements kept prepared at most (least recently used first out). */
export const SQLITE_STATEMENT_CACHE_SIZE = 500;

/** Statements safe to keep: queries and transaction control. Anything else may change the schema. */
const CACHEABLE_SQL = /^\s*(select|insert|update|delete|with|replace|begin|commit|rollback|savepoint|release)\b/i;

/**
 * What Kysely sees of the SQLite connection: `prepare` memoised per SQL text. Kysely prepares every
 * statement it runs, and preparing costs about as much as running a small query; Kysely's SQL for a
 * given query shape is always the same text (values are bound), so a few hundred statements cover the
 * application. better-sqlite3 statements are reusable, and SQLite re-prepares a cached statement by
 * itself when the schema changed under it. Still, any statement that is not a query or transaction
 * control (DDL, pragmas: migrations) empties the cache and is not kept. A statement still busy (an
 * unfinished `iterate`) is not handed out twice: the caller gets a fresh one.
 */
export class StatementCachingDatabase {
  private readonly statements = new Map<string, SQLite.Statement>();

  constructor(readonly connection: SQLite.Database, private readonly maxSize = SQLITE_STATEMENT_CACHE_SIZE) {}

  get size(): number {
    return this.statements.size;
  }

  prepare(sqlText: string): SQLite.Statement {
    const cached = this.statements.get(sqlText);
    if (cached && !cached.busy) {
      // Map order is the LRU order: move the hit to the end.
      this.statements.delete(sqlText);
      this.statements.set(sqlText, cached);
      return cached;
    }
    if (!CACHEABLE_SQL.test(sqlText)) {
      this.statements.clear();
      return this.connection.prepare(sqlText);
    }
    const statement = this.connection.prepare(sqlText);
    if (cached) return statement;
    if (this.statements.size >= this.maxSize) this.statements.delete(this.statements.keys().next().value!);
    this.statements.set(sqlText, statement);
    return statement;
  }

  clear(): void {
    this.statements.clear();
  }

  close(): void {
    this.statements.clear();
    this.connection.close();
  }
}

/**
 * The WAL is checkpointed (copied back into the database file, with an fsync) by a worker thread
 * with a connection of its own, every CHECKPOINT_INTERVAL_MS, instead of by SQLite's automatic
 * checkpoint, which runs on the committing connection — on the event loop — every 1 000 pages and
 * cost busy writers more than half of each commit. The main connection keeps an automatic checkpoint
 * at a much larger size as a safety net: should the worker fall behind (a passive checkpoint never
 * waits for anyone), the committing connection catches up, and lets the WAL file start over.
 * This is the arrangement SQLite's documentation suggests for applications that cannot afford the
 * checkpoint in the writer's thread. The worker stops (after a last checkpoint) when the database is
 * closed.
 */
const CHECKPOINT_INTERVAL_MS = 200;
const SAFETY_AUTOCHECKPOINT_PAGES = 10_000;

const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ error: String(error) }); }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

function startCheckpointer(connection: SQLite.Database, file: string): { stop(): Promise<void> } | undefined {
  let worker: Worker;
  try {
    worker = new Worker(CHECKPOINTER_SOURCE, {
      eval: true,
      workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file, intervalMs: CHECKPOINT_INTERVAL_MS },
    });
  } catch {
    return undefined; // SQLite's own checkpoints go on
  }
  connection.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // A worker that could not open the file, failed or died: back to SQLite's own checkpoints.
  const fallBack = () => {
    if (connection.open) connection.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('error', fallBack);
  worker.on('message', fallBack);
  let stopping = false;
  void exited.then(() => {
    if (!stopping) fallBack();
  });
  return {
    async stop() {
      if (!stopping) {
        stopping = true;
        worker.ref(); // keep the process alive until the last checkpoint is done
        worker.postMessage('stop');
        setTimeout(() => void worker.terminate(), 5_000).unref();
      }
      await exited;
    },
  };
}

function openPostgres(url: string, options: DatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    location: url.replace(/:[^:@/]*@/, ':***@'),
    destroy: () => db.destroy(),
  };
}

/**
 * Applies the migrations. On PostgreSQL, Kysely's own bookkeeping tables are kept in the current
 * schema (the first of the search path): without that, the migrator finds another schema's tables
 * and databases in different schemas of one PostgreSQL database (the tests) disturb each other.
 */
/** The migrator of Baton's migrations, keeping its bookkeeping in the connection's schema (PostgreSQL). */
export async function createMigrator(db: Db): Promise<Migrator> {
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const result = await (await createMigrator(db)).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

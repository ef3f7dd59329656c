import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index.js';
import { isPostgres } from './migrations/migration-helpers.js';
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
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openSqlite(options.sqliteFile ?? ':memory:');
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const connection = new SQLite(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    sqlite: connection,
    destroy: () => db.destroy(),
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
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

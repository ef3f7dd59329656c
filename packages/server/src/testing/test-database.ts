import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle, type DialectName } from '../db/kysely.js';

/** Arbitrary constant: the advisory lock that serialises test schemas' creation and removal. */
const SCHEMA_LOCK_KEY = 724_202;

/**
 * The databases every repository and use-case test runs on: SQLite always, PostgreSQL when
 * BATON_TEST_PG_URL is set (CI sets it). An unreachable PostgreSQL fails the run; it is never skipped.
 */
export const testDialects: DialectName[] = process.env.BATON_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** A fresh, migrated database: in-memory SQLite, or a new schema of its own in PostgreSQL. */
export async function createTestDatabase(dialect: DialectName): Promise<DatabaseHandle> {
  if (dialect === 'sqlite') {
    const handle = openDatabase({ sqliteFile: ':memory:' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const url = process.env.BATON_TEST_PG_URL;
  if (!url) throw new Error('BATON_TEST_PG_URL is not set');
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  // Kysely's migrator introspects every schema of the database; a schema dropped by another test
  // file at that moment makes it fail ("schema … does not exist"). Creating+migrating and dropping
  // therefore take one advisory lock, so they never overlap across the parallel test processes.
  const underSchemaLock = async <T>(work: () => Promise<T>): Promise<T> => {
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('select pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
      return await work();
    } finally {
      await locker.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
      await locker.end();
    }
  };
  const dropSchema = async () => {
    const cleaner = new pg.Client({ connectionString: url });
    await cleaner.connect();
    await cleaner.query(`drop schema if exists ${schema} cascade`);
    await cleaner.end();
  };
  const handle = openDatabase({ databaseUrl: url, pgSchema: schema, pgPoolSize: 4 });
  await underSchemaLock(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    try {
      await migrateToLatest(handle.db);
    } catch (err) {
      await handle.destroy();
      await dropSchema();
      throw err;
    }
  });
  return {
    ...handle,
    destroy: async () => {
      await handle.destroy();
      await underSchemaLock(dropSchema);
    },
  };
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle, type DialectName } from '../db/kysely.js';

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
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ databaseUrl: url, pgSchema: schema, pgPoolSize: 4 });
  const dropSchema = async () => {
    const cleaner = new pg.Client({ connectionString: url });
    await cleaner.connect();
    await cleaner.query(`drop schema if exists ${schema} cascade`);
    await cleaner.end();
  };
  try {
    await migrateToLatest(handle.db);
  } catch (err) {
    await handle.destroy();
    await dropSchema();
    throw err;
  }
  return {
    ...handle,
    destroy: async () => {
      await handle.destroy();
      await dropSchema();
    },
  };
}

import { describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import { createTestDatabase, testDialects } from '../testing/test-database.js';
import { openDatabase } from './kysely.js';

describe.each(testDialects)('migrations on %s', (dialect) => {
  it('creates every table of the foundation', async () => {
    const { db, destroy } = await createTestDatabase(dialect);
    try {
      const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
      expect(tables).toEqual(expect.arrayContaining(['accounts', 'audit_log', 'people', 'sessions', 'units', 'jobs', 'settings']));
      await sql`select 1`.execute(db);
    } finally {
      await destroy();
    }
  });
});

describe('migrations on sqlite', () => {
  it('run in one transaction: a migration that fails leaves the ones before it undone', async () => {
    const { db, destroy } = openDatabase({ sqliteFile: ':memory:' });
    try {
      const migrator = new Migrator({
        db,
        provider: {
          getMigrations: async () => ({
            '1-first': { up: async (trx) => { await sql`create table first_step (id integer primary key)`.execute(trx); } },
            '2-broken': { up: async (trx) => { await sql`create table second_step (id integer primary key)`.execute(trx); throw new Error('disk full'); } },
          }),
        },
      });
      const result = await migrator.migrateToLatest();
      expect(result.error).toBeInstanceOf(Error);
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      expect(tables).not.toContain('first_step');
      expect(tables).not.toContain('second_step');
    } finally {
      await destroy();
    }
  });
});

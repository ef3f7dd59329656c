import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, testDialects } from '../testing/test-database.js';

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

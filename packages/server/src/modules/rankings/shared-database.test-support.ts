import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest, type DatabaseHandle, type DialectName } from '../../db/kysely.js';
import { createTestDatabase } from '../../testing/test-database.js';

/**
 * Two database handles on ONE database, as two app servers have (tests only): two connections to one
 * SQLite file, or two pools on one PostgreSQL schema.
 */
export async function openSharedDatabases(dialect: DialectName): Promise<{ first: DatabaseHandle; second: DatabaseHandle; destroy(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'baton-shared-'));
    const file = join(dir, 'baton.sqlite');
    const first = openDatabase({ sqliteFile: file });
    await migrateToLatest(first.db);
    const second = openDatabase({ sqliteFile: file });
    return {
      first, second,
      async destroy() {
        await second.destroy();
        await first.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const first = await createTestDatabase('postgres');
  const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(first.db)).rows[0]!.schema;
  const second = openDatabase({ databaseUrl: process.env.BATON_TEST_PG_URL!, pgSchema: schema, pgPoolSize: 4 });
  return {
    first, second,
    async destroy() {
      await second.destroy();
      await first.destroy();
    },
  };
}

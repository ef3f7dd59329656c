import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Whether a database handle runs on PostgreSQL (else SQLite). Repositories branch on it only where
 * SQLite cannot do a thing the same way (CJK search, bulk writes, advisory locks).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** SQLite only: the file behind a handle ('' in memory), to tell whether two handles share a database. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function findSqliteDatabaseFile(db: Kysely<any>): Promise<string> {
  const rows = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  return rows.rows.find((r) => r.name === 'main')?.file ?? '';
}

import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Whether a database handle runs on PostgreSQL (else SQLite). Repositories branch on it only where
 * SQLite cannot do a thing the same way (CJK search, bulk writes, advisory locks).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

import { sql, type Kysely } from 'kysely';
import { isPostgres } from './migration-helpers.js';

/**
 * PostgreSQL only: the work-log search index (GIN over `search_terms`) stops collecting new entries
 * in a pending list. With `fastupdate` on, a burst of posts waits there unsorted and every search
 * scans it — searches after a busy hour took ~900 ms at p99 instead of ~30 ms (docs/performance.md).
 * Posting pays a little more per entry instead, which the group commit absorbs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter index work_logs_search_idx set (fastupdate = off)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter index work_logs_search_idx reset (fastupdate)`.execute(db);
}

import { sql, type Kysely } from 'kysely';
import { isPostgres } from './migration-helpers.js';

/**
 * The audit log's `hash` column loses its UNIQUE index. Nothing looks a record up by its hash — the
 * chain is walked by `seq` (`baton audit verify`), and each hash covers its record's `seq`, so two
 * records cannot share one anyway. The index cost every audited write a B-tree insert at a random
 * place (a SHA-256 value), and so one more page written at every commit: dropping it made posting
 * a work log ~14 % faster (docs/performance.md). Appends that race on PostgreSQL are still caught by
 * the primary key on `seq` (appendAuditRecordsWithChange).
 *
 * SQLite cannot drop a column's UNIQUE constraint: the table is rebuilt, every record copied as it
 * is, in the migrator's transaction (db/kysely.ts: a rebuild stopped halfway would otherwise leave no
 * audit_log, or a stray copy that fails every later start).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table audit_log drop constraint audit_log_hash_key`.execute(db);
    return;
  }
  await rebuildSqlite(db, 'hash text not null');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table audit_log add constraint audit_log_hash_key unique (hash)`.execute(db);
    return;
  }
  await rebuildSqlite(db, 'hash text not null unique');
}

const COLUMNS = 'seq, at, actor_id, actor_label, action, entity, entity_id, before_json, after_json, reason, prev_hash, hash';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rebuildSqlite(db: Kysely<any>, hashColumn: string): Promise<void> {
  await sql.raw(`create table audit_log_rebuilt (
    seq integer primary key autoincrement, at text not null, actor_id integer, actor_label text not null, action text not null,
    entity text not null, entity_id text, before_json text, after_json text, reason text, prev_hash text not null, ${hashColumn})`).execute(db);
  await sql.raw(`insert into audit_log_rebuilt (${COLUMNS}) select ${COLUMNS} from audit_log order by seq`).execute(db);
  await sql`drop table audit_log`.execute(db);
  await sql`alter table audit_log_rebuilt rename to audit_log`.execute(db);
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
}

import { sql, type Kysely } from 'kysely';
import { addIdColumn, isPostgres } from './migration-helpers.js';

/**
 * Work records (issue 4): work-log entries, their comments, likes, follow-up flags and attachments,
 * the organization's working-day calendar, in-app notifications and spot checks.
 *
 * Full-text search is the one dialect branch (docs/ARCHITECTURE.md "Work records" (CJK bigram search)): the content's
 * overlapping CJK bigrams and lower-cased ASCII words are indexed — on PostgreSQL in a `text[]`
 * column with a GIN index queried with `@>`; on SQLite in a contentless FTS5 table (tokenizer
 * unicode61 over the space-separated terms) whose rowid is the feed's sort key (log date, id) and
 * whose document also carries the entry's unit, person and kind as `_u12 _p34 _kroutine` tokens
 * (`_` is a token character there, and never part of a search term), so that a scoped search is
 * answered by the FTS index alone, newest first (see worklogs.repository.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);

  let logs = addIdColumn(db.schema.createTable('work_logs'), pg)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('log_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('indicator_ref', 'text')
    .addColumn('task_ref', 'text')
    .addColumn('minutes', 'integer')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
  if (pg) logs = logs.addColumn('search_terms', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`));
  await logs.execute();
  // The feed is read newest first (log date desc, id desc) by unit, by person, or across everything.
  await db.schema.createIndex('work_logs_unit_date_idx').on('work_logs').columns(['unit_id', 'log_date', 'id']).execute();
  await db.schema.createIndex('work_logs_person_date_idx').on('work_logs').columns(['person_id', 'log_date', 'id']).execute();
  await db.schema.createIndex('work_logs_date_idx').on('work_logs').columns(['log_date', 'id']).execute();
  if (pg) {
    await sql`create index work_logs_search_idx on work_logs using gin (search_terms)`.execute(db);
  } else {
    await sql`create virtual table work_log_fts using fts5(terms, content='', contentless_delete=1, tokenize="unicode61 tokenchars '_'")`.execute(db);
  }

  await addIdColumn(db.schema.createTable('work_log_comments'), pg)
    .addColumn('log_id', 'integer', (c) => c.notNull().references('work_logs.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_log_comments_log_idx').on('work_log_comments').columns(['log_id', 'id']).execute();

  await addIdColumn(db.schema.createTable('work_log_likes'), pg)
    .addColumn('log_id', 'integer', (c) => c.notNull().references('work_logs.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_log_likes_unique').on('work_log_likes').columns(['log_id', 'account_id']).unique().execute();

  await addIdColumn(db.schema.createTable('work_log_flags'), pg)
    .addColumn('log_id', 'integer', (c) => c.notNull().references('work_logs.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('resolution_note', 'text')
    .execute();
  await db.schema.createIndex('work_log_flags_log_idx').on('work_log_flags').columns(['log_id', 'id']).execute();

  await addIdColumn(db.schema.createTable('work_log_attachments'), pg)
    .addColumn('log_id', 'integer', (c) => c.notNull().references('work_logs.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_log_attachments_log_idx').on('work_log_attachments').columns(['log_id', 'id']).execute();
  await db.schema.createIndex('work_log_attachments_sha_idx').on('work_log_attachments').column('sha256').execute();

  await addIdColumn(db.schema.createTable('work_calendar'), pg)
    .addColumn('date', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await addIdColumn(db.schema.createTable('notifications'), pg)
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'integer')
    .addColumn('data_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_account_idx').on('notifications').columns(['account_id', 'id']).execute();

  await addIdColumn(db.schema.createTable('spot_checks'), pg)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    .addColumn('requested_count', 'integer', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('candidate_count', 'integer', (c) => c.notNull())
    .addColumn('candidates_sha256', 'text', (c) => c.notNull())
    .addColumn('drawn_ids_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('spot_checks_unit_idx').on('spot_checks').columns(['unit_id', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists work_log_fts`.execute(db);
  for (const table of ['spot_checks', 'notifications', 'work_calendar', 'work_log_attachments', 'work_log_flags', 'work_log_likes', 'work_log_comments', 'work_logs']) {
    await db.schema.dropTable(table).execute();
  }
}

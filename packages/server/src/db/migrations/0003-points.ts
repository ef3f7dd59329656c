import type { Kysely } from 'kysely';
import { addIdColumn, isPostgres } from './migration-helpers.js';

/**
 * Dynamic points (issue 5) and what they hang on: schemes (an engine scheme, versioned), periods
 * (a date range running one scheme version), point rules, point events (the proposal workflow),
 * the point ledger (approved movements, append-only), evidence attachments, import batches with
 * their idempotency keys, red/black lists and the scheduler's run table.
 *
 * Points are stored as integer hundredths (`*_centi`): rules allow at most two decimals, and sums
 * over millions of events stay exact in SQL on both databases (docs/product.md §3.2 rounds only at the end).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);

  await addIdColumn(db.schema.createTable('schemes'), pg)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    /** Who is scored: `person` or `unit` (a unit scheme, 高质量发展综合考核). */
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('replaces_id', 'integer', (c) => c.references('schemes.id'))
    .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schemes_code_version_unique').on('schemes').columns(['code', 'version']).unique().execute();

  await addIdColumn(db.schema.createTable('periods'), pg)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    /** Whom the period assesses: the people (or units) of this unit's subtree; null = the whole organization. */
    .addColumn('scope_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('publicity_days', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('periods_scheme_idx').on('periods').columns(['scheme_id', 'starts_on']).execute();
  await db.schema.createIndex('periods_dates_idx').on('periods').columns(['starts_on', 'ends_on']).execute();

  await addIdColumn(db.schema.createTable('point_rules'), pg)
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('default_source', 'text')
    .addColumn('default_delta_centi', 'integer', (c) => c.notNull())
    .addColumn('min_delta_centi', 'integer', (c) => c.notNull())
    .addColumn('max_delta_centi', 'integer', (c) => c.notNull())
    /** 1: the delta is per occurrence (督办超时 −1 each) and an event says how many occurred. */
    .addColumn('per_occurrence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('replaces_rule_id', 'integer', (c) => c.references('point_rules.id'))
    .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema.createIndex('point_rules_code_version_unique').on('point_rules').columns(['scheme_id', 'code', 'version']).unique().execute();

  await addIdColumn(db.schema.createTable('point_batches'), pg)
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    /** sha256 of the normalised batch: a re-sent key with other content is a conflict, not a replay. */
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await addIdColumn(db.schema.createTable('point_events'), pg)
    .addColumn('rule_id', 'integer', (c) => c.notNull().references('point_rules.id'))
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    /** The unit subject, or the person's unit on `occurred_on`: scopes and groups follow it. */
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('occurrences', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('delta_centi', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('evidence_text', 'text', (c) => c.notNull())
    .addColumn('evidence_link', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    /** A reversing event (冲正) points at the event it cancels; an event is reversed at most once. */
    .addColumn('reverses_event_id', 'integer', (c) => c.references('point_events.id').unique())
    .addColumn('batch_id', 'integer', (c) => c.references('point_batches.id'))
    .addColumn('batch_row', 'integer')
    .execute();
  await db.schema.createIndex('point_events_status_idx').on('point_events').columns(['status', 'id']).execute();
  await db.schema.createIndex('point_events_person_idx').on('point_events').columns(['person_id', 'occurred_on', 'id']).execute();
  await db.schema.createIndex('point_events_unit_idx').on('point_events').columns(['unit_id', 'occurred_on', 'id']).execute();
  await db.schema.createIndex('point_events_batch_idx').on('point_events').columns(['batch_id', 'id']).execute();
  await db.schema.createIndex('point_events_rule_idx').on('point_events').columns(['rule_id']).execute();

  await addIdColumn(db.schema.createTable('point_event_attachments'), pg)
    .addColumn('event_id', 'integer', (c) => c.notNull().references('point_events.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('point_event_attachments_event_idx').on('point_event_attachments').columns(['event_id', 'id']).execute();

  /**
   * Approved movements only, append-only: what rankings and red/black lists sum. Rows are written
   * after the audit append (which serialises writers), so their ids grow in commit order and
   * "rows after id N" is a complete change feed for other app servers.
   */
  await addIdColumn(db.schema.createTable('point_ledger'), pg)
    .addColumn('event_id', 'integer', (c) => c.notNull().unique().references('point_events.id'))
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('delta_centi', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  /**
   * Covering for the period sums rankings and red/black lists are built from (Σ delta per subject and
   * indicator of a scheme in a date range): read from the index alone, in date order, never from the
   * table. PostgreSQL also carries `id` (the ranking's "up to ledger id N"), which SQLite indexes hold anyway (rowid).
   */
  await db.schema
    .createIndex('point_ledger_scheme_date_idx')
    .on('point_ledger')
    .columns(['scheme_id', 'occurred_on', 'person_id', 'unit_id', 'indicator_id', 'delta_centi', ...(pg ? ['id'] : [])])
    .execute();
  await db.schema.createIndex('point_ledger_person_idx').on('point_ledger').columns(['person_id', 'occurred_on']).execute();
  await db.schema.createIndex('point_ledger_unit_idx').on('point_ledger').columns(['unit_id', 'occurred_on']).execute();

  await addIdColumn(db.schema.createTable('red_black_lists'), pg)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    /** `all`, `category:<id>` or `unit:<id>`. */
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('entries_json', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addColumn('generated_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'integer', (c) => c.references('accounts.id'))
    .execute();
  await db.schema.createIndex('red_black_lists_unique').on('red_black_lists').columns(['period_id', 'month', 'group_key']).unique().execute();

  /** One row per scheduled run: the unique key is what makes a run happen once across app servers. */
  await addIdColumn(db.schema.createTable('scheduled_runs'), pg)
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('run_key', 'text', (c) => c.notNull())
    .addColumn('runner', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('message', 'text')
    .execute();
  await db.schema.createIndex('scheduled_runs_unique').on('scheduled_runs').columns(['job', 'run_key']).unique().execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'scheduled_runs',
    'red_black_lists',
    'point_ledger',
    'point_event_attachments',
    'point_events',
    'point_batches',
    'point_rules',
    'periods',
    'schemes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

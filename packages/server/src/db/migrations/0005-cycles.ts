import type { Kysely } from 'kysely';
import { addIdColumn, isPostgres } from './migration-helpers.js';

/**
 * Assessment cycles (issue 6): a period's personal summaries (个人小结), the leaders' ratings
 * (审核评鉴), and its published results — each publication a numbered version holding the exact
 * scenario the engine evaluated, so `baton export scenario` and `baton evaluate` reproduce every
 * published grade. Ratings are stored as integer hundredths, like the point ledger.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);

  await db.schema
    .alterTable('periods')
    /** Last day a member should submit his summary; reminders go out before it. Null: no deadline. */
    .addColumn('summary_due_on', 'text')
    .execute();
  await db.schema.alterTable('periods').addColumn('review_due_on', 'text').execute();
  /** Set when the period enters publicity: the first and last day appeals are accepted (working days). */
  await db.schema.alterTable('periods').addColumn('publicity_starts_on', 'text').execute();
  await db.schema.alterTable('periods').addColumn('publicity_ends_on', 'text').execute();
  /** The published result version people see; null before publicity. */
  await db.schema.alterTable('periods').addColumn('result_version', 'integer').execute();

  await addIdColumn(db.schema.createTable('period_summaries'), pg)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    /** `draft` or `submitted`. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('period_summaries_unique').on('period_summaries').columns(['period_id', 'person_id']).unique().execute();

  await addIdColumn(db.schema.createTable('period_ratings'), pg)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    /** A `rating` indicator of the period's scheme. */
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    /** A rater group of the indicator (`leader` for 审核评鉴). */
    .addColumn('rater_group', 'text', (c) => c.notNull())
    .addColumn('rater_account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    /** 0 … 10 000 (0 … 100.00). */
    .addColumn('rating_centi', 'integer', (c) => c.notNull())
    /** For a dynamic indicator (动态指标): the task added during the period that was rated. */
    .addColumn('task', 'text')
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('period_ratings_unique')
    .on('period_ratings')
    .columns(['period_id', 'person_id', 'indicator_id', 'rater_group', 'rater_account_id'])
    .unique()
    .execute();

  await addIdColumn(db.schema.createTable('period_result_versions'), pg)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** `publicity` (first publication), `appeal` or `decision`. */
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    /** The exact scenario evaluated (engine input, docs/product.md §3.1) and its SHA-256. */
    .addColumn('scenario_json', 'text', (c) => c.notNull())
    .addColumn('scenario_sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('period_result_versions_unique').on('period_result_versions').columns(['period_id', 'version']).unique().execute();

  await addIdColumn(db.schema.createTable('period_results'), pg)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** The engine's subject id in the version's scenario. */
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    /** The unit subject, or the person's unit during the period: scopes follow it. */
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('total_centi', 'integer', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('group_rank', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('flags_json', 'text', (c) => c.notNull())
    /** The engine's whole result with its explanation lines. */
    .addColumn('result_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('period_results_unique').on('period_results').columns(['period_id', 'version', 'subject_key']).unique().execute();
  await db.schema.createIndex('period_results_person_idx').on('period_results').columns(['person_id', 'period_id']).execute();
  await db.schema.createIndex('period_results_unit_idx').on('period_results').columns(['period_id', 'version', 'unit_id']).execute();

  /**
   * The committee's decisions on blocks tied at a quota line (engine `decisions`): append-only; the
   * latest row of a (period, group, grade) is the one in force, and it goes into the scenario.
   */
  await addIdColumn(db.schema.createTable('period_tie_decisions'), pg)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    /** The people who take the grade, as a JSON array of person ids; empty: the block stays in the lower grade. */
    .addColumn('person_ids_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('period_tie_decisions_idx').on('period_tie_decisions').columns(['period_id', 'group_key', 'grade', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['period_tie_decisions', 'period_results', 'period_result_versions', 'period_ratings', 'period_summaries']) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['result_version', 'publicity_ends_on', 'publicity_starts_on', 'review_due_on', 'summary_due_on']) {
    await db.schema.alterTable('periods').dropColumn(column).execute();
  }
}

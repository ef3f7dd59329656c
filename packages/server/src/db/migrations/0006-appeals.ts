import { sql, type Kysely } from 'kysely';
import { addIdColumn, isPostgres } from './migration-helpers.js';

/**
 * Appeals (申诉/复核, issue 6, docs/product.md §4): a participant contests his published result during
 * publicity, with a reason and evidence; the organization department accepts (the period is
 * re-evaluated and published as the next result version, reason `appeal`) or rejects it.
 * Appeals are never deleted: a withdrawn or decided one stays with its outcome.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);

  await addIdColumn(db.schema.createTable('period_appeals'), pg)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    /** The appellant: always the submitting account's own person. */
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('submitted_by', 'integer', (c) => c.notNull().references('accounts.id'))
    /** The result version appealed (the period's published version when submitted). */
    .addColumn('result_version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    /** `pending`, `accepted`, `rejected` or `withdrawn`. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_note', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'text')
    /** The version an accepted appeal published. */
    .addColumn('decided_version', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('period_appeals_period_idx').on('period_appeals').columns(['period_id', 'status']).execute();
  await db.schema.createIndex('period_appeals_person_idx').on('period_appeals').columns(['person_id', 'period_id']).execute();
  /** At most one pending appeal per person and period (a partial unique index on both databases). */
  await db.schema
    .createIndex('period_appeals_one_pending')
    .on('period_appeals')
    .columns(['period_id', 'person_id'])
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  /** Evidence of an appeal: content-addressed files under `<dataDir>/attachments/`, like work-log attachments. */
  await addIdColumn(db.schema.createTable('period_appeal_attachments'), pg)
    .addColumn('appeal_id', 'integer', (c) => c.notNull().references('period_appeals.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('period_appeal_attachments_idx').on('period_appeal_attachments').columns(['appeal_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('period_appeal_attachments').execute();
  await db.schema.dropTable('period_appeals').execute();
}

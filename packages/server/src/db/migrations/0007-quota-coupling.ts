import type { Kysely } from 'kysely';

/**
 * 考用结合 (docs/product.md §4 "Quota coupling", issue 6): a person period whose scheme couples its
 * excellence quota to the unit's tier names the unit-assessment period (a `unit` scheme) whose
 * grades are those tiers. The tiers are read when the period is evaluated and frozen into each
 * published version's scenario (`unitTiers`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('periods').addColumn('tier_period_id', 'integer', (c) => c.references('periods.id')).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('periods').dropColumn('tier_period_id').execute();
}

import type { Db } from '../../db/kysely.js';

/** Test support: sets a period's deadlines directly (the admin's PATCH belongs to the periods module). */
export async function setPeriodDeadlinesFixture(db: Db, periodId: number, d: { summaryDueOn?: string | null; reviewDueOn?: string | null }): Promise<void> {
  await db
    .updateTable('periods')
    .set({
      ...(d.summaryDueOn !== undefined ? { summary_due_on: d.summaryDueOn } : {}),
      ...(d.reviewDueOn !== undefined ? { review_due_on: d.reviewDueOn } : {}),
    })
    .where('id', '=', periodId)
    .execute();
}

export async function countRowsFixture(db: Db, table: 'period_summaries' | 'period_ratings', periodId: number): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).where('period_id', '=', periodId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listNotificationsFixture(db: Db, kind: string) {
  return db.selectFrom('notifications').select(['account_id', 'kind', 'message', 'entity_id', 'data_json']).where('kind', '=', kind).orderBy('id').execute();
}

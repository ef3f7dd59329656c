import type { Db } from '../../db/kysely.js';
import type { RedBlackListStatus } from '../../db/schema.js';

export interface RedBlackListRow {
  id: number;
  period_id: number;
  month: string;
  group_key: string;
  size: number;
  status: RedBlackListStatus;
  entries_json: string;
  generated_at: string;
  generated_by: number | null;
  published_at: string | null;
  published_by: number | null;
}

export async function listRedBlackLists(
  db: Db,
  f: { periodId?: number | undefined; month?: string | undefined; status?: RedBlackListStatus | undefined; afterId?: number | undefined; limit: number },
): Promise<RedBlackListRow[]> {
  let q = db.selectFrom('red_black_lists').selectAll().orderBy('id').limit(f.limit);
  if (f.periodId !== undefined) q = q.where('period_id', '=', f.periodId);
  if (f.month !== undefined) q = q.where('month', '=', f.month);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.afterId !== undefined) q = q.where('id', '>', f.afterId);
  return q.execute();
}

export async function findRedBlackList(db: Db, id: number): Promise<RedBlackListRow | undefined> {
  return db.selectFrom('red_black_lists').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRedBlackListsOfMonth(db: Db, periodId: number, month: string): Promise<RedBlackListRow[]> {
  return db.selectFrom('red_black_lists').selectAll().where('period_id', '=', periodId).where('month', '=', month).orderBy('id').execute();
}

export async function deleteDraftRedBlackLists(db: Db, periodId: number, month: string): Promise<void> {
  await db.deleteFrom('red_black_lists').where('period_id', '=', periodId).where('month', '=', month).where('status', '=', 'draft').execute();
}

/** Inserts lists; a list that exists already (same period, month and group) is left alone. */
export async function insertRedBlackListsIfAbsent(
  db: Db,
  lists: { periodId: number; month: string; groupKey: string; size: number; entriesJson: string; generatedBy: number | null; now: string }[],
): Promise<number> {
  let inserted = 0;
  for (const l of lists) {
    const row = await db
      .insertInto('red_black_lists')
      .values({
        period_id: l.periodId, month: l.month, group_key: l.groupKey, size: l.size, status: 'draft', entries_json: l.entriesJson,
        generated_at: l.now, generated_by: l.generatedBy, published_at: null, published_by: null,
      })
      .onConflict((oc) => oc.columns(['period_id', 'month', 'group_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) inserted += 1;
  }
  return inserted;
}

export async function markRedBlackListPublished(db: Db, id: number, by: number, now: string): Promise<boolean> {
  const res = await db.updateTable('red_black_lists').set({ status: 'published', published_at: now, published_by: by }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Published lists of some groups, oldest month first. */
export async function listPublishedRedBlackListsOfGroups(db: Db, groupKeys: string[]): Promise<RedBlackListRow[]> {
  if (groupKeys.length === 0) return [];
  return db.selectFrom('red_black_lists').selectAll().where('status', '=', 'published').where('group_key', 'in', groupKeys).orderBy('month').orderBy('id').execute();
}

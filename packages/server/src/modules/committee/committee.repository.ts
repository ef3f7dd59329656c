import type { Db } from '../../db/kysely.js';

export async function insertTieDecision(
  db: Db,
  d: { periodId: number; groupKey: string; grade: string; personIds: number[]; reason: string; decidedBy: number; now: string },
): Promise<number> {
  const row = await db
    .insertInto('period_tie_decisions')
    .values({ period_id: d.periodId, group_key: d.groupKey, grade: d.grade, person_ids_json: JSON.stringify(d.personIds), reason: d.reason, decided_by: d.decidedBy, decided_at: d.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

import type { Db } from '../../db/kysely.js';

/**
 * The committee's decisions on ties at a quota line, as a period's scenario reads them (the committee
 * records them: modules/committee). The record is append-only: a later decision of the same group and
 * grade replaces an earlier one.
 */

export interface TieDecisionRow {
  id: number;
  period_id: number;
  group_key: string;
  grade: string;
  person_ids_json: string;
  reason: string;
  decided_by: number;
  decided_by_name: string | null;
  decided_at: string;
}

/** Every decision of a period, oldest first (the record: a later one of the same group and grade replaces an earlier one). */
export async function listTieDecisionsOfPeriod(db: Db, periodId: number): Promise<TieDecisionRow[]> {
  return db
    .selectFrom('period_tie_decisions as d')
    .leftJoin('accounts as a', 'a.id', 'd.decided_by')
    .select(['d.id', 'd.period_id', 'd.group_key', 'd.grade', 'd.person_ids_json', 'd.reason', 'd.decided_by', 'a.username as decided_by_name', 'd.decided_at'])
    .where('d.period_id', '=', periodId)
    .orderBy('d.id')
    .execute();
}

/** The decisions in force: the latest of each (group, grade). */
export function decisionsInForce(rows: readonly TieDecisionRow[]): TieDecisionRow[] {
  const latest = new Map<string, TieDecisionRow>();
  for (const row of rows) latest.set(`${row.group_key}\u0000${row.grade}`, row);
  return [...latest.values()];
}

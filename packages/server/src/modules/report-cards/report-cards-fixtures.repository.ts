import type { Db } from '../../db/kysely.js';
import type { PeriodState } from '../../db/schema.js';

export interface FixtureResult {
  personId: number;
  unitId: number;
  groupKey: string;
  total: number;
  rank: number;
  groupRank: number;
  grade: string;
  flags?: string[];
}

/**
 * Test support: stores a published result version of a period directly (as publication would: version
 * 1, one row per person, the engine's Result as JSON) and puts the period in `state`. For the periods a
 * test needs in the past — closed quarters and years — without walking each through its cycle.
 */
export async function publishResultsFixture(db: Db, periodId: number, state: PeriodState, results: FixtureResult[], indicatorIds: string[] = []): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('period_result_versions')
    .values({ period_id: periodId, version: 1, reason: 'publicity', note: null, scenario_json: '{}', scenario_sha256: '0'.repeat(64), created_by: null, created_at: at })
    .execute();
  await db
    .insertInto('period_results')
    .values(results.map((r) => ({
      period_id: periodId, version: 1, subject_key: `p${r.personId}`, person_id: r.personId, unit_id: r.unitId, total_centi: Math.round(r.total * 100),
      rank: r.rank, group_key: r.groupKey, group_rank: r.groupRank, grade: r.grade, flags_json: JSON.stringify(r.flags ?? []),
      result_json: JSON.stringify({
        subject: `p${r.personId}`, group: r.groupKey, total: r.total, rank: r.rank, groupRank: r.groupRank, grade: r.grade, flags: r.flags ?? [],
        sections: {}, indicators: Object.fromEntries(indicatorIds.map((id) => [id, { weight: null, score: 0, raw: null }])), explain: [`total: ${r.total}`],
      }),
    })))
    .execute();
  await db.updateTable('periods').set({ state, result_version: 1, publicity_starts_on: null, publicity_ends_on: null }).where('id', '=', periodId).execute();
}

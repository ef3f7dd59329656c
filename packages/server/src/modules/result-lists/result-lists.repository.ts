import type { Db } from '../../db/kysely.js';
import { PERIOD_ACTIONS } from '@baton/engine';

export interface StandingRow {
  period_id: number;
  subject_key: string;
  person_id: number;
  person_name: string;
  employee_no: string;
  unit_id: number;
  unit_name: string;
  group_key: string;
  group_rank: number;
  total_centi: number;
  grade: string;
}

export interface ClosedPeriodRow {
  id: number;
  name: string;
  starts_on: string;
  ends_on: string;
  scheme_code: string;
  scheme_name: string;
  scheme_kind: string;
}

/** Closed periods with a published version, of a scheme code or of scheme kinds, oldest first (by end, then id). */
export async function listClosedPublishedPeriods(db: Db, f: { schemeCode?: string | undefined; schemeKinds?: string[] | undefined }): Promise<ClosedPeriodRow[]> {
  let q = db
    .selectFrom('periods as pe')
    .innerJoin('schemes as s', 's.id', 'pe.scheme_id')
    .select(['pe.id', 'pe.name', 'pe.starts_on', 'pe.ends_on', 's.code as scheme_code', 's.name as scheme_name', 's.kind as scheme_kind'])
    .where('pe.state', 'in', PERIOD_ACTIONS.countAsHistory)
    .where('pe.result_version', 'is not', null)
    .where('s.subject_kind', '=', 'person');
  if (f.schemeCode !== undefined) q = q.where('s.code', '=', f.schemeCode);
  if (f.schemeKinds !== undefined) q = q.where('s.kind', 'in', f.schemeKinds.length > 0 ? f.schemeKinds : ['-']);
  return q.orderBy('pe.ends_on').orderBy('pe.id').execute();
}

/** The published results (version in force) of some periods: the standings a lagging alert or a promotion list reads. */
export async function listStandingsOfPeriods(db: Db, periodIds: number[]): Promise<StandingRow[]> {
  if (periodIds.length === 0) return [];
  return db
    .selectFrom('period_results as r')
    .innerJoin('periods as pe', (j) => j.onRef('pe.id', '=', 'r.period_id').onRef('pe.result_version', '=', 'r.version'))
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select([
      'r.period_id', 'r.subject_key', 'p.id as person_id', 'p.name as person_name', 'p.employee_no', 'r.unit_id', 'u.name as unit_name', 'r.group_key',
      'r.group_rank', 'r.total_centi', 'r.grade',
    ])
    .where('r.period_id', 'in', periodIds)
    .orderBy('r.id')
    .execute();
}

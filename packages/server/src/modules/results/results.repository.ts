import type { Db } from '../../db/kysely.js';
import type { ResultVersionReason } from '../../db/schema.js';
import { flagPrefix, PERIOD_ACTIONS } from '@baton/engine';

export interface ResultVersionRow {
  id: number;
  period_id: number;
  version: number;
  reason: ResultVersionReason;
  note: string | null;
  scenario_sha256: string;
  created_by: number | null;
  created_by_name: string | null;
  created_at: string;
}

export interface NewResultRow {
  subjectKey: string;
  personId: number | null;
  unitId: number;
  totalCenti: number;
  rank: number;
  groupKey: string;
  groupRank: number;
  grade: string;
  flagsJson: string;
  resultJson: string;
}

/** One stored result with the person and unit it belongs to. */
export interface StoredResultRow {
  id: number;
  subject_key: string;
  person_id: number | null;
  person_name: string | null;
  employee_no: string | null;
  unit_id: number;
  unit_name: string;
  group_key: string;
  result_json: string;
}

export async function findLatestResultVersionNumber(db: Db, periodId: number): Promise<number> {
  const row = await db.selectFrom('period_result_versions').select((eb) => eb.fn.max('version').as('v')).where('period_id', '=', periodId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function insertResultVersion(
  db: Db,
  v: { periodId: number; version: number; reason: ResultVersionReason; note: string | null; scenarioJson: string; scenarioSha256: string; createdBy: number | null; now: string },
): Promise<void> {
  await db
    .insertInto('period_result_versions')
    .values({
      period_id: v.periodId, version: v.version, reason: v.reason, note: v.note, scenario_json: v.scenarioJson, scenario_sha256: v.scenarioSha256,
      created_by: v.createdBy, created_at: v.now,
    })
    .execute();
}

/** Inserts a version's results in the engine's order (rank, then subject id), so ids keep that order. */
export async function insertResults(db: Db, periodId: number, version: number, rows: NewResultRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('period_results')
      .values(rows.slice(i, i + 200).map((r) => ({
        period_id: periodId, version, subject_key: r.subjectKey, person_id: r.personId, unit_id: r.unitId, total_centi: r.totalCenti, rank: r.rank,
        group_key: r.groupKey, group_rank: r.groupRank, grade: r.grade, flags_json: r.flagsJson, result_json: r.resultJson,
      })))
      .execute();
  }
}

/** Newest first. `created_by` 0 is the CLI, which has no account row. */
export async function listResultVersions(db: Db, periodId: number): Promise<ResultVersionRow[]> {
  return db
    .selectFrom('period_result_versions as v')
    .leftJoin('accounts as a', 'a.id', 'v.created_by')
    .select(['v.id', 'v.period_id', 'v.version', 'v.reason', 'v.note', 'v.scenario_sha256', 'v.created_by', 'a.username as created_by_name', 'v.created_at'])
    .where('v.period_id', '=', periodId)
    .orderBy('v.version', 'desc')
    .execute();
}

export async function findResultVersion(db: Db, periodId: number, version: number): Promise<(ResultVersionRow & { scenario_json: string }) | undefined> {
  return db
    .selectFrom('period_result_versions as v')
    .leftJoin('accounts as a', 'a.id', 'v.created_by')
    .select([
      'v.id', 'v.period_id', 'v.version', 'v.reason', 'v.note', 'v.scenario_sha256', 'v.scenario_json', 'v.created_by', 'a.username as created_by_name',
      'v.created_at',
    ])
    .where('v.period_id', '=', periodId)
    .where('v.version', '=', version)
    .executeTakeFirst();
}

export interface ResultRowFilter {
  periodId: number;
  version: number;
  groupKey?: string | undefined;
  /** Only rows of these units (a unit filter: the unit's subtree). */
  unitIds?: number[] | undefined;
  /** What the reader may see: rows of these units (a leader's subtrees) or his own row. Undefined: everything. */
  visible?: { unitIds: number[]; personId: number | null } | undefined;
}

function filterResults(db: Db, f: ResultRowFilter) {
  let q = db.selectFrom('period_results as r').where('r.period_id', '=', f.periodId).where('r.version', '=', f.version);
  if (f.groupKey !== undefined) q = q.where('r.group_key', '=', f.groupKey);
  if (f.unitIds !== undefined) q = q.where('r.unit_id', 'in', f.unitIds.length > 0 ? f.unitIds : [-1]);
  const visible = f.visible;
  if (visible !== undefined) {
    q = q.where((eb) => eb.or([
      eb('r.unit_id', 'in', visible.unitIds.length > 0 ? visible.unitIds : [-1]),
      eb('r.person_id', '=', visible.personId ?? -1),
    ]));
  }
  return q;
}

/** A page of a version's results in the engine's order (row id), after a keyset cursor. */
export async function listStoredResults(db: Db, f: ResultRowFilter & { afterId?: number | undefined; limit: number }): Promise<StoredResultRow[]> {
  let q = filterResults(db, f)
    .leftJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.subject_key', 'r.person_id', 'p.name as person_name', 'p.employee_no', 'r.unit_id', 'u.name as unit_name', 'r.group_key', 'r.result_json'])
    .orderBy('r.id')
    .limit(f.limit);
  if (f.afterId !== undefined) q = q.where('r.id', '>', f.afterId);
  return q.execute();
}

/** The group keys of the rows a filter selects (the groups whose distribution a reader is shown). */
export async function listGroupKeysOfResults(db: Db, f: ResultRowFilter): Promise<string[]> {
  const rows = await filterResults(db, f).select('r.group_key').distinct().execute();
  return rows.map((r) => r.group_key);
}

/** Per group and grade of a version: how many. */
export async function countResultsByGroupAndGrade(db: Db, periodId: number, version: number, groupKeys: string[]) {
  if (groupKeys.length === 0) return [];
  const rows = await db
    .selectFrom('period_results')
    .select(['group_key', 'grade', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('period_id', '=', periodId)
    .where('version', '=', version)
    .where('group_key', 'in', groupKeys)
    .groupBy(['group_key', 'grade'])
    .execute();
  return rows.map((r) => ({ groupKey: r.group_key, grade: r.grade, count: Number(r.n) }));
}

/** The rows of a version flagged `quota-tie:<grade>` in some groups, in the engine's order. */
export async function listQuotaTiedResults(db: Db, periodId: number, version: number, groupKeys: string[]) {
  if (groupKeys.length === 0) return [];
  return db
    .selectFrom('period_results as r')
    .leftJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.person_id', 'r.unit_id', 'p.name as person_name', 'r.group_key', 'r.flags_json'])
    .where('r.period_id', '=', periodId)
    .where('r.version', '=', version)
    .where('r.group_key', 'in', groupKeys)
    .where('r.flags_json', 'like', `%${flagPrefix('quota-tie')}%`)
    .orderBy('r.id')
    .execute();
}

// --- What a period's scenario reads (period-scenario.ts) ---------------------------------------

/** The approved person movements of a scheme's ledger indicators dated in a period, in ledger order, with their evidence text. */
export async function listPersonLedgerRowsOfPeriod(
  db: Db,
  period: { scheme_id: number; starts_on: string; ends_on: string },
  indicators: string[],
) {
  return db
    .selectFrom('point_ledger as l')
    .innerJoin('point_events as e', 'e.id', 'l.event_id')
    .select(['l.event_id', 'l.person_id', 'l.indicator_id', 'l.occurred_on', 'l.delta_centi', 'e.evidence_text'])
    .where('l.scheme_id', '=', period.scheme_id)
    .where('l.subject_kind', '=', 'person')
    .where('l.occurred_on', '>=', period.starts_on)
    .where('l.occurred_on', '<=', period.ends_on)
    .where('l.indicator_id', 'in', indicators)
    .orderBy('l.id')
    .execute();
}

/** Every stored rating of a period, oldest first. */
export async function listRatingsOfPeriod(db: Db, periodId: number) {
  return db
    .selectFrom('period_ratings')
    .select(['id', 'person_id', 'indicator_id', 'rater_group', 'rater_account_id', 'rating_centi'])
    .where('period_id', '=', periodId)
    .orderBy('id')
    .execute();
}

/**
 * The published (latest version) results of the closed routine person periods lying inside a period
 * with the same scope, by period start, period and person.
 */
export async function listRoutineResultsInside(db: Db, period: { id: number; starts_on: string; ends_on: string; scope_unit_id: number | null }) {
  let query = db
    .selectFrom('periods as p')
    .innerJoin('schemes as s', 's.id', 'p.scheme_id')
    .innerJoin('period_results as r', (join) => join.onRef('r.period_id', '=', 'p.id').onRef('r.version', '=', 'p.result_version'))
    .select(['p.id as period_id', 'p.name as period_name', 'p.starts_on', 'r.person_id', 'r.total_centi', 'r.grade'])
    .where('p.id', '!=', period.id)
    .where('p.state', 'in', PERIOD_ACTIONS.countAsHistory)
    .where('s.kind', '=', 'routine')
    .where('s.subject_kind', '=', 'person')
    .where('p.starts_on', '>=', period.starts_on)
    .where('p.ends_on', '<=', period.ends_on)
    .orderBy('p.starts_on')
    .orderBy('p.id')
    .orderBy('r.person_id');
  query = period.scope_unit_id === null ? query.where('p.scope_unit_id', 'is', null) : query.where('p.scope_unit_id', '=', period.scope_unit_id);
  return query.execute();
}

/** Names of the units and categories behind some group keys (`unit:<id>`, `category:<id>`). */
export async function listGroupEntityNames(db: Db, unitIds: number[], categoryIds: number[]) {
  const [units, categories] = await Promise.all([
    unitIds.length === 0 ? [] : db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute(),
    categoryIds.length === 0 ? [] : db.selectFrom('categories').select(['id', 'name']).where('id', 'in', categoryIds).execute(),
  ]);
  return { units: new Map(units.map((u) => [u.id, u.name])), categories: new Map(categories.map((c) => [c.id, c.name])) };
}

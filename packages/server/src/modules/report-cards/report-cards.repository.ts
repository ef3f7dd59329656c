import type { Db } from '../../db/kysely.js';
import type { PeriodState } from '../../db/schema.js';
import { type ResultVisibility } from '../../policies/index.js';
import { PERIOD_ACTIONS } from '@baton/engine';

/** The states whose published version everyone in scope may read (docs/product.md §4: publicity, closed). */
/** The states whose published results are read (the engine's PERIOD_ACTIONS.readPublishedResults). */
export const PUBLISHED_STATES: readonly PeriodState[] = PERIOD_ACTIONS.readPublishedResults;

export type { ResultVisibility };

/** A published result with its person, unit, period and scheme. */
export interface PublishedResultRow {
  id: number;
  period_id: number;
  period_name: string;
  period_kind: string;
  period_state: PeriodState;
  starts_on: string;
  ends_on: string;
  publicity_ends_on: string | null;
  version: number;
  scheme_id: number;
  scheme_code: string;
  scheme_name: string;
  scheme_kind: string;
  person_id: number;
  person_name: string;
  employee_no: string;
  unit_id: number;
  unit_name: string;
  total_centi: number;
  rank: number;
  group_key: string;
  group_rank: number;
  grade: string;
  flags_json: string;
  result_json: string;
}

/** The published results (each period's version in force) of periods in publicity or closed, with everything a card shows. */
function selectPublished(db: Db, visible: ResultVisibility) {
  let q = db
    .selectFrom('period_results as r')
    .innerJoin('periods as pe', (j) => j.onRef('pe.id', '=', 'r.period_id').onRef('pe.result_version', '=', 'r.version'))
    .innerJoin('schemes as s', 's.id', 'pe.scheme_id')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .where('pe.state', 'in', PUBLISHED_STATES)
    .select([
      'r.id', 'r.period_id', 'pe.name as period_name', 'pe.kind as period_kind', 'pe.state as period_state', 'pe.starts_on', 'pe.ends_on',
      'pe.publicity_ends_on', 'r.version', 's.id as scheme_id', 's.code as scheme_code', 's.name as scheme_name', 's.kind as scheme_kind',
      'p.id as person_id', 'p.name as person_name', 'p.employee_no', 'r.unit_id', 'u.name as unit_name', 'r.total_centi', 'r.rank', 'r.group_key',
      'r.group_rank', 'r.grade', 'r.flags_json', 'r.result_json',
    ]);
  if (visible !== undefined) {
    q = q.where((eb) => eb.or([
      eb('r.unit_id', 'in', visible.unitIds.length > 0 ? visible.unitIds : [-1]),
      eb('r.person_id', '=', visible.personId ?? -1),
    ]));
  }
  return q;
}

/** One person's published result of a period, if the reader may see it. */
export async function findPublishedResultOfPerson(db: Db, personId: number, periodId: number, visible: ResultVisibility): Promise<PublishedResultRow | undefined> {
  return selectPublished(db, visible).where('r.person_id', '=', personId).where('r.period_id', '=', periodId).executeTakeFirst() as Promise<PublishedResultRow | undefined>;
}

export interface PublishedPeriodOfPerson {
  period_id: number;
  period_name: string;
  starts_on: string;
  ends_on: string;
  scheme_code: string;
  scheme_name: string;
  scheme_kind: string;
  total_centi: number;
  grade: string;
}

/** Every published result of a person the reader may see, oldest first (by the period's end, then id). */
export async function listPublishedPeriodsOfPerson(db: Db, personId: number, visible: ResultVisibility): Promise<PublishedPeriodOfPerson[]> {
  return selectPublished(db, visible)
    .where('r.person_id', '=', personId)
    .clearSelect()
    .select(['r.period_id', 'pe.name as period_name', 'pe.starts_on', 'pe.ends_on', 's.code as scheme_code', 's.name as scheme_name', 's.kind as scheme_kind', 'r.total_centi', 'r.grade'])
    .orderBy('pe.ends_on')
    .orderBy('pe.id')
    .execute();
}

/** How many results a group has in a version (the "of n" of a group rank). */
export async function countGroupOfResult(db: Db, periodId: number, version: number, groupKey: string): Promise<number> {
  const row = await db
    .selectFrom('period_results')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('period_id', '=', periodId)
    .where('version', '=', version)
    .where('group_key', '=', groupKey)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Per group of a version: its size. */
export async function countGroupsOfVersion(db: Db, periodId: number, version: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('period_results')
    .select(['group_key', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('period_id', '=', periodId)
    .where('version', '=', version)
    .groupBy('group_key')
    .execute();
  return new Map(rows.map((r) => [r.group_key, Number(r.n)]));
}

export interface LeaderCommentRow {
  indicator_id: string;
  rating_centi: number;
  task: string | null;
  comment: string;
  rater_username: string;
  rater_name: string | null;
  updated_at: string;
}

/** The leaders' written comments on a person in a period (审核评鉴), oldest first. Ratings without a comment are left out. */
export async function listLeaderCommentsOfPerson(db: Db, periodId: number, personId: number): Promise<LeaderCommentRow[]> {
  const rows = await db
    .selectFrom('period_ratings as r')
    .innerJoin('accounts as a', 'a.id', 'r.rater_account_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select(['r.indicator_id', 'r.rating_centi', 'r.task', 'r.comment', 'a.username as rater_username', 'p.name as rater_name', 'r.updated_at'])
    .where('r.period_id', '=', periodId)
    .where('r.person_id', '=', personId)
    .where('r.rater_group', '=', 'leader')
    .where('r.comment', 'is not', null)
    .orderBy('r.updated_at')
    .orderBy('r.id')
    .execute();
  return rows.filter((r): r is LeaderCommentRow => r.comment !== null && r.comment.trim() !== '');
}

export interface PeriodBrief {
  id: number;
  name: string;
  state: PeriodState;
  starts_on: string;
  ends_on: string;
  result_version: number | null;
  scheme_id: number;
  scheme_code: string;
  scheme_name: string;
  scheme_kind: string;
  definition_json: string;
}

export async function findPeriodBrief(db: Db, periodId: number): Promise<PeriodBrief | undefined> {
  return db
    .selectFrom('periods as pe')
    .innerJoin('schemes as s', 's.id', 'pe.scheme_id')
    .select([
      'pe.id', 'pe.name', 'pe.state', 'pe.starts_on', 'pe.ends_on', 'pe.result_version', 's.id as scheme_id', 's.code as scheme_code', 's.name as scheme_name',
      's.kind as scheme_kind', 's.definition_json',
    ])
    .where('pe.id', '=', periodId)
    .executeTakeFirst();
}

/** A page of a published version's results of some units (the unit's subtree), in the engine's order (row id). */
export async function listPublishedResultsOfUnits(
  db: Db,
  f: { periodId: number; unitIds: number[] | undefined; visible: ResultVisibility; afterId?: number | undefined; limit: number },
): Promise<PublishedResultRow[]> {
  let q = selectPublished(db, f.visible).where('r.period_id', '=', f.periodId).orderBy('r.id').limit(f.limit);
  if (f.unitIds !== undefined) q = q.where('r.unit_id', 'in', f.unitIds.length > 0 ? f.unitIds : [-1]);
  if (f.afterId !== undefined) q = q.where('r.id', '>', f.afterId);
  return q.execute() as Promise<PublishedResultRow[]>;
}

export async function findUnitName(db: Db, unitId: number): Promise<string | undefined> {
  return (await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst())?.name;
}

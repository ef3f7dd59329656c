import type { Db } from '../../db/kysely.js';
import type { PeriodKind, PeriodState } from '../../db/schema.js';
import { PERIOD_ACTIONS } from '@baton/engine';

export interface PeriodRow {
  id: number;
  name: string;
  kind: PeriodKind;
  starts_on: string;
  ends_on: string;
  scheme_id: number;
  scheme_name: string;
  scope_unit_id: number | null;
  scope_unit_name: string | null;
  state: PeriodState;
  publicity_days: number;
  summary_due_on: string | null;
  review_due_on: string | null;
  publicity_starts_on: string | null;
  publicity_ends_on: string | null;
  result_version: number | null;
  tier_period_id: number | null;
  tier_period_name: string | null;
  created_at: string;
  updated_at: string;
}

function selectPeriods(db: Db) {
  return db
    .selectFrom('periods as p')
    .innerJoin('schemes as s', 's.id', 'p.scheme_id')
    .leftJoin('units as u', 'u.id', 'p.scope_unit_id')
    .leftJoin('periods as tp', 'tp.id', 'p.tier_period_id')
    .select([
      'p.id', 'p.name', 'p.kind', 'p.starts_on', 'p.ends_on', 'p.scheme_id', 's.name as scheme_name', 'p.scope_unit_id', 'u.name as scope_unit_name', 'p.state', 'p.publicity_days',
      'p.summary_due_on', 'p.review_due_on', 'p.publicity_starts_on', 'p.publicity_ends_on', 'p.result_version', 'p.tier_period_id', 'tp.name as tier_period_name',
      'p.created_at', 'p.updated_at',
    ]);
}

export async function findPeriod(db: Db, id: number): Promise<PeriodRow | undefined> {
  return selectPeriods(db).where('p.id', '=', id).executeTakeFirst();
}

/** Newest first (id desc). */
export async function listPeriods(
  db: Db,
  opts: { state?: PeriodState | undefined; schemeId?: number | undefined; states?: readonly PeriodState[] | undefined; beforeId?: number | undefined; limit: number },
): Promise<PeriodRow[]> {
  let q = selectPeriods(db).orderBy('p.id', 'desc').limit(opts.limit);
  if (opts.state !== undefined) q = q.where('p.state', '=', opts.state);
  if (opts.states !== undefined) q = q.where('p.state', 'in', opts.states.length > 0 ? opts.states : ['-' as PeriodState]);
  if (opts.schemeId !== undefined) q = q.where('p.scheme_id', '=', opts.schemeId);
  if (opts.beforeId !== undefined) q = q.where('p.id', '<', opts.beforeId);
  return q.execute();
}

export async function insertPeriod(
  db: Db,
  p: {
    name: string; kind: PeriodKind; startsOn: string; endsOn: string; schemeId: number; scopeUnitId: number | null; publicityDays: number;
    summaryDueOn: string | null; reviewDueOn: string | null; tierPeriodId: number | null; createdBy: number; now: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('periods')
    .values({
      name: p.name, kind: p.kind, starts_on: p.startsOn, ends_on: p.endsOn, scheme_id: p.schemeId, scope_unit_id: p.scopeUnitId, state: 'draft',
      publicity_days: p.publicityDays, summary_due_on: p.summaryDueOn, review_due_on: p.reviewDueOn, tier_period_id: p.tierPeriodId,
      created_by: p.createdBy, created_at: p.now, updated_at: p.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What entering a state sets besides the state: the publicity window and the published version (reviewing → publicity). */
export interface PeriodStateEffects {
  publicityStartsOn?: string;
  publicityEndsOn?: string;
}

/** Compare-and-set on the state, so two concurrent transitions cannot both succeed. */
export async function updatePeriodState(db: Db, id: number, from: PeriodState, to: PeriodState, now: string, effects: PeriodStateEffects = {}): Promise<boolean> {
  const res = await db
    .updateTable('periods')
    .set({
      state: to, updated_at: now,
      ...(effects.publicityStartsOn !== undefined ? { publicity_starts_on: effects.publicityStartsOn } : {}),
      ...(effects.publicityEndsOn !== undefined ? { publicity_ends_on: effects.publicityEndsOn } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface PeriodChanges {
  name?: string;
  summaryDueOn?: string | null;
  reviewDueOn?: string | null;
  publicityDays?: number;
  tierPeriodId?: number | null;
}

/** Edits a period's name, deadlines or publicity length, unless it has closed meanwhile (false then). */
export async function updatePeriodFields(db: Db, id: number, changes: PeriodChanges, now: string): Promise<boolean> {
  const res = await db
    .updateTable('periods')
    .set({
      updated_at: now,
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.summaryDueOn !== undefined ? { summary_due_on: changes.summaryDueOn } : {}),
      ...(changes.reviewDueOn !== undefined ? { review_due_on: changes.reviewDueOn } : {}),
      ...(changes.publicityDays !== undefined ? { publicity_days: changes.publicityDays } : {}),
      ...(changes.tierPeriodId !== undefined ? { tier_period_id: changes.tierPeriodId } : {}),
    })
    .where('id', '=', id)
    .where('state', '!=', 'closed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The result version people see (set when results are published). */
export async function setPeriodResultVersion(db: Db, id: number, version: number): Promise<void> {
  await db.updateTable('periods').set({ result_version: version }).where('id', '=', id).execute();
}

/**
 * Takes the period's row for the transaction (a no-op update while it is in `state`): appeals, their
 * decisions and tie decisions of one period run one after another and after its transitions
 * (which take the row by their compare-and-set). False when it is in another state.
 */
export async function lockPeriodInState(db: Db, periodId: number, state: PeriodState): Promise<boolean> {
  const res = await db.updateTable('periods').set({ state }).where('id', '=', periodId).where('state', '=', state).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * The periods of person schemes that are under way — open or in review — with their scheme's code,
 * name and definition; the latest first.
 */
export async function listCurrentPersonPeriods(db: Db) {
  return db
    .selectFrom('periods as p')
    .innerJoin('schemes as s', 's.id', 'p.scheme_id')
    .select(['p.scope_unit_id', 'p.starts_on', 'p.ends_on', 's.code', 's.name', 's.definition_json'])
    .where('p.state', 'in', PERIOD_ACTIONS.linkLogIndicators)
    .where('s.subject_kind', '=', 'person')
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
}

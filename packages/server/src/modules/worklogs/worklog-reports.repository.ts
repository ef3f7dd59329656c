import { sql } from 'kysely';
import type { Db } from '../../db/kysely.js';
import type { WorkLogKind } from '../../db/schema.js';
import { selectFlagViews } from './worklog-comments.repository.js';

// ---------------------------------------------------------------------------------------------
// People: accounts to notify, start dates, rosters of units.

export async function findAccountIdOfPerson(db: Db, personId: number): Promise<number | undefined> {
  const row = await db.selectFrom('accounts').select('id').where('person_id', '=', personId).where('disabled', '=', 0).executeTakeFirst();
  return row?.id;
}

/** When each person started: the first day of his first assignment (misses are not counted before it). */
export async function listStartDatesOfPeople(db: Db, personIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < personIds.length; i += 5000) {
    const rows = await db
      .selectFrom('person_assignments')
      .select(['person_id', (eb) => eb.fn.min<string>('valid_from').as('start')])
      .where('person_id', 'in', personIds.slice(i, i + 5000))
      .groupBy('person_id')
      .execute();
    for (const r of rows) out.set(r.person_id, r.start);
  }
  return out;
}

export interface RosterRow {
  id: number;
  name: string;
  employee_no: string;
  unit_id: number;
  unit_name: string;
}

/** The active people currently working in these units. */
export async function listActivePeopleOfUnits(db: Db, unitIds: number[] | null): Promise<RosterRow[]> {
  let q = db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.name', 'p.employee_no', 'p.unit_id', 'u.name as unit_name'])
    .where('p.status', '=', 'active')
    .orderBy('u.sort')
    .orderBy('p.unit_id')
    .orderBy('p.id');
  if (unitIds !== null) q = q.where('p.unit_id', 'in', unitIds.length ? unitIds : [-1]);
  return q.execute();
}

export async function findPersonBrief(db: Db, personId: number): Promise<(RosterRow & { status: string }) | undefined> {
  return db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.name', 'p.employee_no', 'p.unit_id', 'u.name as unit_name', 'p.status'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Aggregates for calendars, summaries, statistics and exports.

/** How many entries a person wrote on each date of the range. */
export async function countLogsOfPersonByDate(db: Db, personId: number, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('work_logs')
    .select(['log_date', (eb) => eb.fn.countAll<number>().as('n')])
    .where('person_id', '=', personId)
    .where('log_date', '>=', from)
    .where('log_date', '<=', to)
    .groupBy('log_date')
    .execute();
  return new Map(rows.map((r) => [r.log_date, Number(r.n)]));
}

export interface LogFacts {
  id: number;
  log_date: string;
  kind: WorkLogKind;
  indicator_ref: string | null;
  minutes: number | null;
  late: number;
}

export async function listLogFactsOfPerson(db: Db, personId: number, from: string, to: string): Promise<LogFacts[]> {
  return db
    .selectFrom('work_logs')
    .select(['id', 'log_date', 'kind', 'indicator_ref', 'minutes', 'late'])
    .where('person_id', '=', personId)
    .where('log_date', '>=', from)
    .where('log_date', '<=', to)
    .orderBy('log_date')
    .orderBy('id')
    .execute();
}

/** Comments on a person's entries of the range written by someone else (the leaders' comments). */
export async function listCommentsOnEntriesOfPerson(db: Db, personId: number, from: string, to: string) {
  return db
    .selectFrom('work_log_comments as c')
    .innerJoin('work_logs as w', 'w.id', 'c.log_id')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.log_id', 'w.log_date', 'c.account_id', sql<string>`coalesce(p.name, a.username)`.as('author_name'), 'c.content', 'c.created_at'])
    .where('w.person_id', '=', personId)
    .where('w.log_date', '>=', from)
    .where('w.log_date', '<=', to)
    .where((eb) => eb.or([eb('c.person_id', 'is', null), eb('c.person_id', '!=', personId)]))
    .orderBy('c.id')
    .execute();
}

export async function listOpenFlagsOnEntriesOfPerson(db: Db, personId: number, from: string, to: string) {
  return selectFlagViews(db)
    .innerJoin('work_logs as w', 'w.id', 'f.log_id')
    .select('w.log_date')
    .where('w.person_id', '=', personId)
    .where('w.log_date', '>=', from)
    .where('w.log_date', '<=', to)
    .where('f.resolved_at', 'is', null)
    .orderBy('f.id')
    .execute();
}

export interface UnitRangeFilter {
  /** null: every unit. */
  unitIds: number[] | null;
  from: string;
  to: string;
}

function logsInRange(db: Db, f: UnitRangeFilter) {
  let q = db.selectFrom('work_logs as w').where('w.log_date', '>=', f.from).where('w.log_date', '<=', f.to);
  if (f.unitIds !== null) q = q.where('w.unit_id', 'in', f.unitIds.length ? f.unitIds : [-1]);
  return q;
}

/** Per person and kind: entries, distinct days, minutes and late entries over the range. */
export async function countLogsByPersonAndKind(db: Db, f: UnitRangeFilter) {
  const rows = await logsInRange(db, f)
    .select(['w.person_id', 'w.kind', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('w.late').as('late')])
    .groupBy(['w.person_id', 'w.kind'])
    .execute();
  return rows.map((r) => ({ person_id: r.person_id, kind: r.kind, n: Number(r.n), late: Number(r.late ?? 0) }));
}

export async function countDaysLoggedByPerson(db: Db, f: UnitRangeFilter): Promise<Map<number, number>> {
  const rows = await logsInRange(db, f)
    .select(['w.person_id', (eb) => eb.fn.count<number>('w.log_date').distinct().as('days')])
    .groupBy('w.person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, Number(r.days)]));
}

/** Every (person, date) with at least one entry in the range: to find the missed working days of many people. */
export async function listLoggedDatesByPerson(db: Db, f: UnitRangeFilter): Promise<Map<number, Set<string>>> {
  const rows = await logsInRange(db, f).select(['w.person_id', 'w.log_date']).distinct().execute();
  const out = new Map<number, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.person_id) ?? new Set<string>();
    set.add(r.log_date);
    out.set(r.person_id, set);
  }
  return out;
}

export async function countLogsByDateAndKind(db: Db, f: UnitRangeFilter) {
  const rows = await logsInRange(db, f)
    .select(['w.log_date', 'w.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['w.log_date', 'w.kind'])
    .execute();
  return rows.map((r) => ({ log_date: r.log_date, kind: r.kind, n: Number(r.n) }));
}

export async function countCommentsByPerson(db: Db, f: UnitRangeFilter): Promise<Map<number, number>> {
  const rows = await logsInRange(db, f)
    .innerJoin('work_log_comments as c', 'c.log_id', 'w.id')
    .select(['w.person_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => eb.or([eb('c.person_id', 'is', null), eb('c.person_id', '!=', eb.ref('w.person_id'))]))
    .groupBy('w.person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
}

/** The latest log date of each person, over all time. */
export async function listLastLogDates(db: Db, personIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < personIds.length; i += 5000) {
    const rows = await db
      .selectFrom('work_logs')
      .select(['person_id', (eb) => eb.fn.max<string>('log_date').as('last')])
      .where('person_id', 'in', personIds.slice(i, i + 5000))
      .groupBy('person_id')
      .execute();
    for (const r of rows) out.set(r.person_id, r.last);
  }
  return out;
}

/** Entries of the range for an export, page by page in (date, id) order, with their comment counts. */
export async function listExportPage(db: Db, f: UnitRangeFilter, after: { date: string; id: number } | null, limit: number) {
  let q = logsInRange(db, f)
    .innerJoin('people as p', 'p.id', 'w.person_id')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .select([
      'w.id', 'w.log_date', 'p.name as person_name', 'p.employee_no', 'u.name as unit_name', 'w.kind', 'w.content', 'w.indicator_ref', 'w.task_ref',
      'w.minutes', 'w.late', 'w.created_at',
      (eb) => eb.selectFrom('work_log_comments as c').whereRef('c.log_id', '=', 'w.id').select((e) => e.fn.countAll<number>().as('n')).as('comments'),
    ])
    .orderBy('w.log_date')
    .orderBy('w.id')
    .limit(limit);
  if (after) q = q.where(({ eb, refTuple, tuple }) => eb(refTuple('w.log_date', 'w.id'), '>', tuple(after.date, after.id)));
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, comments: Number(r.comments ?? 0) }));
}

// ---------------------------------------------------------------------------------------------
// Spot checks.

/** The candidates of a draw: ids of the entries of these units in the range, ascending. */
export async function listSpotCheckCandidateIds(db: Db, f: UnitRangeFilter): Promise<number[]> {
  const rows = await logsInRange(db, f).select('w.id').orderBy('w.id').execute();
  return rows.map((r) => r.id);
}

export async function insertSpotCheck(
  db: Db,
  s: { unitId: number; from: string; to: string; count: number; seed: string; candidateCount: number; candidatesSha256: string; drawnIds: number[]; createdBy: number; now: string },
): Promise<number> {
  const row = await db
    .insertInto('spot_checks')
    .values({
      unit_id: s.unitId, date_from: s.from, date_to: s.to, requested_count: s.count, seed: s.seed, candidate_count: s.candidateCount,
      candidates_sha256: s.candidatesSha256, drawn_ids_json: JSON.stringify(s.drawnIds), created_by: s.createdBy, created_at: s.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function selectSpotChecks(db: Db) {
  return db
    .selectFrom('spot_checks as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .innerJoin('accounts as a', 'a.id', 's.created_by')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .selectAll('s')
    .select(['u.name as unit_name', sql<string>`coalesce(p.name, a.username)`.as('created_by_name')]);
}

export async function findSpotCheck(db: Db, id: number) {
  return selectSpotChecks(db).where('s.id', '=', id).executeTakeFirst();
}

export async function listSpotChecks(db: Db, opts: { unitIds: number[] | null; beforeId?: number | undefined; limit: number }) {
  let q = selectSpotChecks(db).orderBy('s.id', 'desc').limit(opts.limit);
  if (opts.unitIds !== null) q = q.where('s.unit_id', 'in', opts.unitIds.length ? opts.unitIds : [-1]);
  if (opts.beforeId !== undefined) q = q.where('s.id', '<', opts.beforeId);
  return q.execute();
}

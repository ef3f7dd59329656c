import { sql } from 'kysely';
import type { Db } from '../../db/kysely.js';
import type { RedBlackListStatus, SubjectKind } from '../../db/schema.js';
import { listSubtreeUnitIds } from '../org/org.repository.js';

/** A subject of a date range: a person with the unit he was in last within it, or a unit. */
export interface SubjectRow {
  id: number;
  name: string;
  employee_no: string | null;
  unit_id: number;
}

export interface UnitInfoRow {
  id: number;
  name: string;
  parent_id: number | null;
  category_id: number | null;
  active: number;
}

export interface CategoryInfoRow {
  id: number;
  code: string;
  name: string;
}

export interface LedgerRow {
  id: number;
  scheme_id: number;
  indicator_id: string;
  subject_kind: SubjectKind;
  person_id: number | null;
  unit_id: number;
  occurred_on: string;
  delta_centi: number;
}

export interface LedgerRange {
  schemeId: number;
  subjectKind: SubjectKind;
  from: string;
  to: string;
}

const subjectColumn = (kind: SubjectKind) => (kind === 'person' ? 'person_id' : 'unit_id');

export async function findMaxLedgerId(db: Db): Promise<number> {
  const row = await db.selectFrom('point_ledger').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Σ delta per subject and indicator of a scheme's ledger in a date range, up to a ledger id: what a ranking is built from. */
export async function sumLedgerBySubjectAndIndicator(db: Db, range: LedgerRange & { maxId: number }) {
  const column = subjectColumn(range.subjectKind);
  const rows = await db
    .selectFrom('point_ledger')
    .select([`${column} as subject_id`, 'indicator_id', (eb) => eb.fn.sum<number | string>('delta_centi').as('sum_centi')])
    .where('scheme_id', '=', range.schemeId)
    .where('occurred_on', '>=', range.from)
    .where('occurred_on', '<=', range.to)
    // `id + 0`: a filter, not a key range — SQLite would otherwise read the table by rowid range
    // (all of it) instead of the covering point_ledger_scheme_date_idx.
    .where(sql<number>`id + 0`, '<=', range.maxId)
    .groupBy([column, 'indicator_id'])
    .execute();
  return rows.map((r) => ({ subjectId: Number(r.subject_id), indicator: r.indicator_id, centi: Number(r.sum_centi) }));
}

/** Σ delta per subject of a scheme's ledger in a date range (red/black lists). */
export async function sumLedgerBySubject(db: Db, range: LedgerRange) {
  const column = subjectColumn(range.subjectKind);
  const rows = await db
    .selectFrom('point_ledger')
    .select([`${column} as subject_id`, (eb) => eb.fn.sum<number | string>('delta_centi').as('sum_centi')])
    .where('scheme_id', '=', range.schemeId)
    .where('occurred_on', '>=', range.from)
    .where('occurred_on', '<=', range.to)
    .groupBy(column)
    .execute();
  return rows.map((r) => ({ subjectId: Number(r.subject_id), centi: Number(r.sum_centi) }));
}

/** Ledger rows after a high-water mark, in id (= commit) order: the change feed across app servers. */
export async function listLedgerRowsAfter(db: Db, afterId: number, limit: number): Promise<LedgerRow[]> {
  return db
    .selectFrom('point_ledger')
    .select(['id', 'scheme_id', 'indicator_id', 'subject_kind', 'person_id', 'unit_id', 'occurred_on', 'delta_centi'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * The people assigned to a unit at some time in [from, to], each with the unit of his last assignment
 * in that range (assignments are [valid_from, valid_to)); only `personId` when given.
 */
export async function listPeopleAssignedDuring(db: Db, from: string, to: string, personId?: number): Promise<SubjectRow[]> {
  const rows = await db
    .selectFrom('person_assignments as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['p.id', 'p.name', 'p.employee_no', 'a.unit_id', 'a.valid_from'])
    .where('a.valid_from', '<=', to)
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', from)]))
    .$if(personId !== undefined, (q) => q.where('a.person_id', '=', personId!))
    .orderBy('p.id')
    .orderBy('a.valid_from')
    .orderBy('a.id')
    .execute();
  const byPerson = new Map<number, SubjectRow>();
  for (const r of rows) byPerson.set(r.id, { id: r.id, name: r.name, employee_no: r.employee_no, unit_id: r.unit_id });
  return [...byPerson.values()];
}

/**
 * The subjects a period assesses: people assigned during [from, to] (or the active units, for a unit
 * scheme), narrowed to the subtree of the period's scope unit when it has one; of the people, only
 * `personId` when given.
 */
export async function listSubjectsOfPeriod(
  db: Db,
  p: { subjectKind: SubjectKind; scopeUnitId: number | null; from: string; to: string; personId?: number | undefined },
): Promise<SubjectRow[]> {
  const subjects = p.subjectKind === 'person' ? await listPeopleAssignedDuring(db, p.from, p.to, p.personId) : await listActiveUnitSubjects(db);
  if (p.scopeUnitId === null) return subjects;
  const inScope = new Set(await listSubtreeUnitIds(db, [p.scopeUnitId]));
  return subjects.filter((s) => inScope.has(p.subjectKind === 'person' ? s.unit_id : s.id));
}

/** Unit subjects (a `unit` scheme): the active units; a unit's group unit is its parent. */
export async function listActiveUnitSubjects(db: Db): Promise<SubjectRow[]> {
  const rows = await db.selectFrom('units').select(['id', 'name', 'parent_id']).where('active', '=', 1).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, employee_no: null, unit_id: r.parent_id ?? r.id }));
}

/** Every unit, or only those of `ids`. */
export async function listUnitInfos(db: Db, ids?: readonly number[]): Promise<UnitInfoRow[]> {
  if (ids !== undefined && ids.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['id', 'name', 'parent_id', 'category_id', 'active'])
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!))
    .orderBy('id')
    .execute();
}

export async function listCategoryInfos(db: Db): Promise<CategoryInfoRow[]> {
  return db.selectFrom('categories').select(['id', 'code', 'name']).orderBy('id').execute();
}

export async function findPersonBrief(db: Db, personId: number) {
  return db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.name', 'p.employee_no', 'p.unit_id', 'u.name as unit_name'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/** Σ delta per indicator of one subject in a range (the person page's explanation). */
export async function sumLedgerOfSubjectByIndicator(db: Db, range: LedgerRange & { subjectId: number }) {
  const rows = await db
    .selectFrom('point_ledger')
    .select(['indicator_id', (eb) => eb.fn.sum<number | string>('delta_centi').as('sum_centi')])
    .where(subjectColumn(range.subjectKind), '=', range.subjectId)
    .where('scheme_id', '=', range.schemeId)
    .where('occurred_on', '>=', range.from)
    .where('occurred_on', '<=', range.to)
    .groupBy('indicator_id')
    .execute();
  return rows.map((r) => ({ indicator: r.indicator_id, centi: Number(r.sum_centi) }));
}

/** Σ delta per month (`YYYY-MM`) of one subject in a range. */
export async function sumLedgerOfSubjectByMonth(db: Db, range: LedgerRange & { subjectId: number }) {
  const month = sql<string>`substr(occurred_on, 1, 7)`;
  const rows = await db
    .selectFrom('point_ledger')
    .select([month.as('month'), (eb) => eb.fn.sum<number | string>('delta_centi').as('sum_centi')])
    .where(subjectColumn(range.subjectKind), '=', range.subjectId)
    .where('scheme_id', '=', range.schemeId)
    .where('occurred_on', '>=', range.from)
    .where('occurred_on', '<=', range.to)
    .groupBy(month)
    .orderBy(month)
    .execute();
  return rows.map((r) => ({ month: r.month, centi: Number(r.sum_centi) }));
}

export interface LedgerEventRow {
  id: number;
  subject_id: number;
  status: string;
  rule_id: number;
  rule_code: string;
  rule_name: string;
  rule_version: number;
  scheme_id: number;
  indicator_id: string;
  occurred_on: string;
  occurrences: number;
  delta_centi: number;
  source: string;
  evidence_text: string;
  evidence_link: string | null;
  decided_at: string | null;
  reverses_event_id: number | null;
  reversed_by_event_id: number | null;
}

/** The events behind ledger rows of some subjects in a range, newest first. */
export async function listLedgerEventsOfSubjects(db: Db, range: LedgerRange & { subjectIds: number[] }): Promise<LedgerEventRow[]> {
  if (range.subjectIds.length === 0) return [];
  const column = subjectColumn(range.subjectKind);
  return db
    .selectFrom('point_ledger as l')
    .innerJoin('point_events as e', 'e.id', 'l.event_id')
    .innerJoin('point_rules as r', 'r.id', 'e.rule_id')
    .leftJoin('point_events as rev', 'rev.reverses_event_id', 'e.id')
    .select([
      'e.id', `l.${column} as subject_id`, 'e.status', 'r.id as rule_id', 'r.code as rule_code', 'r.name as rule_name', 'r.version as rule_version',
      'e.scheme_id', 'e.indicator_id', 'l.occurred_on', 'e.occurrences', 'l.delta_centi', 'e.source', 'e.evidence_text', 'e.evidence_link',
      'e.decided_at', 'e.reverses_event_id', 'rev.id as reversed_by_event_id',
    ])
    .where(`l.${column}`, 'in', range.subjectIds)
    .where('l.scheme_id', '=', range.schemeId)
    .where('l.occurred_on', '>=', range.from)
    .where('l.occurred_on', '<=', range.to)
    .orderBy('l.occurred_on', 'desc')
    .orderBy('e.id', 'desc')
    .execute() as Promise<LedgerEventRow[]>;
}

export async function listAccountsOfPeople(db: Db, personIds: number[]): Promise<{ id: number; person_id: number }[]> {
  if (personIds.length === 0) return [];
  const rows = await db.selectFrom('accounts').select(['id', 'person_id']).where('person_id', 'in', personIds).where('disabled', '=', 0).execute();
  return rows.map((r) => ({ id: r.id, person_id: r.person_id! }));
}

// --- Red/black lists ---------------------------------------------------------------

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

// --- Scheduled runs ------------------------------------------------------------------

/**
 * Claims a run by inserting its (job, run_key) row; false when another runner holds it. Inside a
 * transaction the row is only visible (and the claim only final) at commit: a concurrent claimer
 * waits on the unique index (PostgreSQL) or the write lock (SQLite), then finds the row and gets false.
 */
export async function claimScheduledRun(db: Db, run: { job: string; runKey: string; runner: string; now: string }): Promise<number | undefined> {
  const row = await db
    .insertInto('scheduled_runs')
    .values({ job: run.job, run_key: run.runKey, runner: run.runner, status: 'running', started_at: run.now, finished_at: null, message: null })
    .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function finishScheduledRun(db: Db, id: number, status: 'succeeded' | 'failed', message: string | null, now: string): Promise<void> {
  await db.updateTable('scheduled_runs').set({ status, finished_at: now, message }).where('id', '=', id).execute();
}

/** SQLite only: the file behind a handle ('' in memory), to tell whether two handles share a database. */
export async function findSqliteDatabaseFile(db: Db): Promise<string> {
  const rows = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  return rows.rows.find((r) => r.name === 'main')?.file ?? '';
}

import type { Insertable } from 'kysely';
import type { Db } from '../../db/kysely.js';
import type { PeriodRatingTable, PeriodState, PeriodSummaryTable, SubjectKind, SummaryStatus } from '../../db/schema.js';

/** Longer id lists read the whole period and filter in memory (one statement, no huge parameter list). */
const MAX_IN_LIST = 500;
const inSet = (ids: number[]) => {
  const set = new Set(ids);
  return (row: { person_id: number }) => set.has(row.person_id);
};

/** What the cycle's use cases read of a period, with the deadlines of issue 6. */
export interface CyclePeriodRow {
  id: number;
  name: string;
  state: PeriodState;
  starts_on: string;
  ends_on: string;
  scheme_id: number;
  scope_unit_id: number | null;
  summary_due_on: string | null;
  review_due_on: string | null;
  subject_kind: SubjectKind;
}

function selectCyclePeriods(db: Db) {
  return db
    .selectFrom('periods as p')
    .innerJoin('schemes as s', 's.id', 'p.scheme_id')
    .select(['p.id', 'p.name', 'p.state', 'p.starts_on', 'p.ends_on', 'p.scheme_id', 'p.scope_unit_id', 'p.summary_due_on', 'p.review_due_on', 's.subject_kind']);
}

export async function findCyclePeriod(db: Db, id: number): Promise<CyclePeriodRow | undefined> {
  return selectCyclePeriods(db).where('p.id', '=', id).executeTakeFirst();
}

/** Periods whose summaries are still being written and that have a summary deadline (the reminder job). */
export async function listPeriodsWithSummaryDeadline(db: Db, states: readonly PeriodState[]): Promise<CyclePeriodRow[]> {
  return selectCyclePeriods(db).where('p.state', 'in', states).where('p.summary_due_on', 'is not', null).orderBy('p.id').execute();
}

export interface SummaryRow {
  id: number;
  period_id: number;
  person_id: number;
  content: string;
  status: SummaryStatus;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
}

export async function findSummary(db: Db, periodId: number, personId: number): Promise<SummaryRow | undefined> {
  return db.selectFrom('period_summaries').selectAll().where('period_id', '=', periodId).where('person_id', '=', personId).executeTakeFirst();
}

/** The summaries of a period, all or those of some people. */
export async function listSummariesOfPeriod(db: Db, periodId: number, personIds?: number[]): Promise<SummaryRow[]> {
  if (personIds?.length === 0) return [];
  const filtered = personIds !== undefined && personIds.length <= MAX_IN_LIST;
  const rows = await db
    .selectFrom('period_summaries')
    .selectAll()
    .where('period_id', '=', periodId)
    .$if(filtered, (q) => q.where('person_id', 'in', personIds!))
    .orderBy('person_id')
    .execute();
  return personIds === undefined || filtered ? rows : rows.filter(inSet(personIds));
}

export async function listSummaryStatuses(db: Db, periodId: number): Promise<Map<number, SummaryStatus>> {
  const rows = await db.selectFrom('period_summaries').select(['person_id', 'status']).where('period_id', '=', periodId).execute();
  return new Map(rows.map((r) => [r.person_id, r.status]));
}

export async function listSubmittedSummaryPeople(db: Db, periodId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('period_summaries').select('person_id').where('period_id', '=', periodId).where('status', '=', 'submitted').execute();
  return new Set(rows.map((r) => r.person_id));
}

export async function insertSummary(
  db: Db,
  s: { periodId: number; personId: number; content: string; status: SummaryStatus; submittedAt: string | null; now: string },
): Promise<boolean> {
  const row = await db
    .insertInto('period_summaries')
    .values({
      period_id: s.periodId, person_id: s.personId, content: s.content, status: s.status, submitted_at: s.submittedAt, created_at: s.now, updated_at: s.now,
    })
    .onConflict((oc) => oc.columns(['period_id', 'person_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Updates a draft only: a submitted summary is final, so this answers false for it. */
export async function updateDraftSummary(
  db: Db,
  id: number,
  s: { content: string; status: SummaryStatus; submittedAt: string | null; now: string },
): Promise<boolean> {
  const res = await db
    .updateTable('period_summaries')
    .set({ content: s.content, status: s.status, submitted_at: s.submittedAt, updated_at: s.now })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface RatingRow {
  id: number;
  person_id: number;
  indicator_id: string;
  rater_group: string;
  rater_account_id: number;
  rater_username: string;
  rater_name: string | null;
  rating_centi: number;
  task: string | null;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

/** The ratings of a rater group for some people of a period, oldest first, with who gave them. */
export async function listRatingsOfPeople(db: Db, periodId: number, raterGroup: string, personIds: number[]): Promise<RatingRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('period_ratings as r')
    .innerJoin('accounts as a', 'a.id', 'r.rater_account_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select([
      'r.id', 'r.person_id', 'r.indicator_id', 'r.rater_group', 'r.rater_account_id', 'a.username as rater_username', 'p.name as rater_name',
      'r.rating_centi', 'r.task', 'r.comment', 'r.created_at', 'r.updated_at',
    ])
    .where('r.period_id', '=', periodId)
    .where('r.rater_group', '=', raterGroup)
    .$if(personIds.length <= MAX_IN_LIST, (q) => q.where('r.person_id', 'in', personIds))
    .orderBy('r.updated_at')
    .orderBy('r.id')
    .execute()
    .then((rows) => (personIds.length <= MAX_IN_LIST ? rows : rows.filter(inSet(personIds))));
}

export async function listRatingsOfRater(db: Db, r: { periodId: number; personId: number; raterGroup: string; raterAccountId: number }) {
  return db
    .selectFrom('period_ratings')
    .select(['id', 'indicator_id', 'rating_centi', 'task', 'comment', 'created_at', 'updated_at'])
    .where('period_id', '=', r.periodId)
    .where('person_id', '=', r.personId)
    .where('rater_group', '=', r.raterGroup)
    .where('rater_account_id', '=', r.raterAccountId)
    .orderBy('indicator_id')
    .execute();
}

/** Replaces one rater's ratings of one person: his earlier ratings are deleted and these inserted. */
export async function replaceRatingsOfRater(
  db: Db,
  r: { periodId: number; personId: number; raterGroup: string; raterAccountId: number },
  ratings: { indicator: string; centi: number; task: string | null; comment: string | null; createdAt: string }[],
  now: string,
): Promise<void> {
  await db
    .deleteFrom('period_ratings')
    .where('period_id', '=', r.periodId)
    .where('person_id', '=', r.personId)
    .where('rater_group', '=', r.raterGroup)
    .where('rater_account_id', '=', r.raterAccountId)
    .execute();
  if (ratings.length === 0) return;
  await db
    .insertInto('period_ratings')
    .values(ratings.map((x) => ({
      period_id: r.periodId, person_id: r.personId, indicator_id: x.indicator, rater_group: r.raterGroup, rater_account_id: r.raterAccountId,
      rating_centi: x.centi, task: x.task, comment: x.comment, created_at: x.createdAt, updated_at: now,
    })))
    .execute();
}


/** The first root of the organization (lowest id): the sheet's unit when the admin names none. */
export async function findFirstRootUnitId(db: Db): Promise<number | undefined> {
  return (await db.selectFrom('units').select('id').where('parent_id', 'is', null).orderBy('id').limit(1).executeTakeFirst())?.id;
}

// --- The demo seed writes a quarter's summaries and ratings in bulk (through these, not one use case call per person). ---

/** A summary row as inserted (the table's columns but its generated id). */
export type NewSummaryRow = Omit<Insertable<PeriodSummaryTable>, 'id'>;

/** A rating row as inserted. */
export type NewRatingRow = Omit<Insertable<PeriodRatingTable>, 'id'>;

export async function insertSummariesBatch(db: Db, rows: NewSummaryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('period_summaries').values(rows.slice(i, i + 500)).execute();
}

export async function insertRatingsBatch(db: Db, rows: NewRatingRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('period_ratings').values(rows.slice(i, i + 500)).execute();
}

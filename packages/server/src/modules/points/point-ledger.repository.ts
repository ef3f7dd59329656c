import { sql } from 'kysely';
import type { Db } from '../../db/kysely.js';
import type { SubjectKind } from '../../db/schema.js';

/**
 * Reads of the point ledger (the book: approved movements only, append-only, ids in commit order), for
 * the live rankings, red/black lists and each person's points page.
 */

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

import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/kysely.js';
import { isPostgres } from '../../db/dialect.js';
import type { WorkLogKind, WorkLogTable } from '../../db/schema.js';

export interface WorkLogView {
  id: number;
  person_id: number;
  person_name: string;
  employee_no: string;
  unit_id: number;
  unit_name: string;
  log_date: string;
  kind: WorkLogKind;
  content: string;
  indicator_ref: string | null;
  task_ref: string | null;
  minutes: number | null;
  late: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

/** A new entry as inserted (its search terms are written separately, per dialect). */
export type NewWorkLogRow = Omit<Insertable<WorkLogTable>, 'id' | 'search_terms'>;

// ---------------------------------------------------------------------------------------------
// Entries and their search terms, where the two databases differ (here and in the search below: the
// only dialect branches of the module). PostgreSQL keeps the terms in `work_logs.search_terms`
// (GIN). SQLite keeps them in the FTS5 table `work_log_fts`, one row per entry: its rowid is the
// feed's sort key (log date, id) and its document carries, besides the terms, the tokens
// `_u<unit> _p<person> _k<kind>` — so a scoped search is one FTS query that walks the index newest
// first and stops after a page (see listSearchPageSqlite).

/** What the SQLite index of an entry depends on. */
export interface IndexedFacts {
  id: number;
  log_date: string;
  unit_id: number;
  person_id: number;
  kind: WorkLogKind;
}

export const KEY_SHIFT = 4_294_967_296; // 2^32: ids stay below it

/** The feed order (log date desc, id desc) as one integer: days since 1970 × 2^32 + id. */
export function feedKeyOf(date: string, id: number): number {
  return (Date.parse(`${date}T00:00:00Z`) / 86_400_000) * KEY_SHIFT + id;
}

/** The FTS5 document of an entry: its terms and its unit, person and kind tokens. */
export function ftsDocumentOf(f: IndexedFacts, terms: string[]): string {
  return [...terms, `_u${f.unit_id}`, `_p${f.person_id}`, `_k${f.kind}`].join(' ');
}

/** Inserts entries with their search terms; returns the new ids in order. Batches for the seed and benchmarks. */
export async function insertWorkLogs(db: Db, rows: { log: NewWorkLogRow; terms: string[] }[]): Promise<number[]> {
  const ids: number[] = [];
  const pg = isPostgres(db);
  const batch = pg ? 1000 : 500;
  for (let i = 0; i < rows.length; i += batch) {
    const slice = rows.slice(i, i + batch);
    const inserted = await db
      .insertInto('work_logs')
      .values(slice.map((r) => (pg ? { ...r.log, search_terms: r.terms } : r.log)))
      .returning('id')
      .execute();
    const newIds = inserted.map((r) => r.id);
    if (!pg) await insertFtsRows(db, newIds.map((id, k) => ({ facts: { ...slice[k]!.log, id }, terms: slice[k]!.terms })));
    ids.push(...newIds);
  }
  return ids;
}

/** PostgreSQL: `n` new entry ids, drawn from the identity sequence ahead of the insert (see workLogsInsertStatementPg). */
export async function allocateWorkLogIds(db: Db, n: number): Promise<number[]> {
  const { rows } = await sql<{ id: number | string }>`select nextval(pg_get_serial_sequence('work_logs', 'id')) as id from generate_series(1, ${n})`.execute(db);
  return rows.map((r) => Number(r.id));
}

const PG_INSERT_COLUMNS = [
  'id', 'person_id', 'unit_id', 'log_date', 'kind', 'content', 'indicator_ref', 'task_ref', 'minutes', 'late', 'created_by', 'created_at', 'updated_at',
  'search_terms',
] as const;

/**
 * PostgreSQL: the insert of entries whose ids were allocated (allocateWorkLogIds), with their
 * search terms, as SQL text and parameters ($1…) — to be run together with their audit records
 * in one statement (appendAuditRecordsWithChange).
 */
export function workLogsInsertStatementPg(rows: { id: number; log: NewWorkLogRow; terms: string[] }[]): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const tuples = rows.map(({ id, log, terms }) => {
    parameters.push(
      id, log.person_id, log.unit_id, log.log_date, log.kind, log.content, log.indicator_ref ?? null, log.task_ref ?? null, log.minutes ?? null,
      log.late, log.created_by, log.created_at, log.updated_at, terms,
    );
    const base = parameters.length - PG_INSERT_COLUMNS.length;
    return `(${PG_INSERT_COLUMNS.map((_, k) => `$${base + k + 1}`).join(', ')})`;
  });
  return { sql: `insert into work_logs (${PG_INSERT_COLUMNS.join(', ')}) values ${tuples.join(', ')}`, parameters };
}

async function insertFtsRows(db: Db, rows: { facts: IndexedFacts; terms: string[] }[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`insert into work_log_fts (rowid, terms) values ${sql.join(rows.map((r) => sql`(${feedKeyOf(r.facts.log_date, r.facts.id)}, ${ftsDocumentOf(r.facts, r.terms)})`))}`.execute(db);
}

export type WorkLogChanges = Partial<Pick<NewWorkLogRow, 'log_date' | 'kind' | 'content' | 'indicator_ref' | 'task_ref' | 'minutes' | 'late' | 'unit_id'>> & { updated_at: string };

/**
 * Updates an entry. `terms` (the terms of its content after the change) must be given whenever the
 * content, date, unit or kind change, so that the search index follows.
 */
export async function updateWorkLog(db: Db, before: IndexedFacts, changes: WorkLogChanges, terms?: string[]): Promise<void> {
  const pg = isPostgres(db);
  await db.updateTable('work_logs').set(pg && terms ? { ...changes, search_terms: terms } : changes).where('id', '=', before.id).execute();
  if (!pg && terms) {
    await sql`delete from work_log_fts where rowid = ${feedKeyOf(before.log_date, before.id)}`.execute(db);
    await insertFtsRows(db, [{ facts: { ...before, ...changes }, terms }]);
  }
}

function selectLogViews(db: Db) {
  return db
    .selectFrom('work_logs as w')
    .innerJoin('people as p', 'p.id', 'w.person_id')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .select([
      'w.id', 'w.person_id', 'p.name as person_name', 'p.employee_no', 'w.unit_id', 'u.name as unit_name', 'w.log_date', 'w.kind',
      'w.content', 'w.indicator_ref', 'w.task_ref', 'w.minutes', 'w.late', 'w.created_by', 'w.created_at', 'w.updated_at',
    ]);
}

export async function findWorkLogView(db: Db, id: number): Promise<WorkLogView | undefined> {
  return selectLogViews(db).where('w.id', '=', id).executeTakeFirst();
}

/** The entries with these ids, in the order of `ids`. */
export async function listWorkLogViewsByIds(db: Db, ids: number[]): Promise<WorkLogView[]> {
  if (ids.length === 0) return [];
  const rows = await selectLogViews(db).where('w.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is WorkLogView => r !== undefined);
}

/** The unit each person belonged to on a date (from person_assignments), for a batch of new entries. */
export async function findUnitsOfPeopleOn(db: Db, personIds: number[], date: string): Promise<Map<number, number>> {
  return new Map([...(await findAuthorsOn(db, personIds, date))].map(([personId, a]) => [personId, a.unit_id]));
}

/** What a new entry's view needs of its author: the unit he was in on its date, and the names. */
export interface AuthorOn {
  unit_id: number;
  unit_name: string;
  person_name: string;
  employee_no: string;
}

/**
 * The unit each person was in on a date (the latest assignment that covers it, as in
 * findUnitOfPersonOn) with the names an entry's view shows — so a new entry is presented without
 * reading it back. People without an assignment covering the date are absent.
 */
export async function findAuthorsOn(db: Db, personIds: number[], date: string): Promise<Map<number, AuthorOn>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('person_assignments as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.person_id', 'a.unit_id', 'u.name as unit_name', 'p.name as person_name', 'p.employee_no'])
    .where('a.person_id', 'in', personIds)
    .where('a.valid_from', '<=', date)
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', date)]))
    .orderBy('a.valid_from')
    .execute();
  return new Map(rows.map(({ person_id, ...author }) => [person_id, author]));
}

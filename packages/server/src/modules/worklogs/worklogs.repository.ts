import { sql, type Insertable, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/kysely.js';
import { isPostgres } from '../../db/dialect.js';
import type { Database, WorkLogAttachment, WorkLogKind, WorkLogTable } from '../../db/schema.js';
import { ftsQueryOf, type SearchPlan } from './worklogs.search.js';

/** An entry with its author's name and its unit's name, as the feed and the detail show it. */
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

const KEY_SHIFT = 4_294_967_296; // 2^32: ids stay below it

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

// ---------------------------------------------------------------------------------------------
// The feed: newest first (log date desc, id desc), keyset-paginated over both.

export interface FeedFilter {
  /** null: every unit (admin, auditor); otherwise entries of these units only. */
  unitIds: number[] | null;
  /** The caller's own entries are visible wherever they were written. */
  alsoPersonId: number | null;
  personId?: number | undefined;
  kinds?: WorkLogKind[] | undefined;
  indicator?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  search?: SearchPlan | undefined;
  flaggedOnly?: boolean | undefined;
  after?: { date: string; id: number } | undefined;
  limit: number;
}

type LogQuery = SelectQueryBuilder<Database & { w: WorkLogTable }, 'w', { id: number; log_date: string }>;

/** Above this many units, one `unit_id in (…)` walk of the date index beats a branch per unit. */
const MAX_BRANCHED_UNITS = 40;

function applyCommonFilters(q: LogQuery, f: FeedFilter, pg: boolean): LogQuery {
  let out = q;
  if (f.personId !== undefined) out = out.where('w.person_id', '=', f.personId);
  if (f.kinds?.length) out = out.where('w.kind', 'in', f.kinds);
  if (f.indicator !== undefined) out = out.where('w.indicator_ref', '=', f.indicator);
  if (f.from !== undefined) out = out.where('w.log_date', '>=', f.from);
  if (f.to !== undefined) out = out.where('w.log_date', '<=', f.to);
  if (f.after) {
    const { date, id } = f.after;
    out = out.where(({ eb, refTuple, tuple }) => eb(refTuple('w.log_date', 'w.id'), '<', tuple(date, id)));
  }
  if (f.flaggedOnly) {
    out = out.where(({ exists, selectFrom }) =>
      exists(selectFrom('work_log_flags as fl').select('fl.id').whereRef('fl.log_id', '=', 'w.id').where('fl.resolved_at', 'is', null)));
  }
  if (f.search) out = applySearch(out, f.search, pg);
  return out;
}

/**
 * The search of STYLE.md's pitfall on PostgreSQL (SQLite: listSearchPageSqlite): the query's bigrams
 * and ASCII words must all be among the entry's terms (`@>` on the GIN-indexed `text[]`); words with
 * Han characters must also occur verbatim, which is all that is left for a one-character query. On
 * PostgreSQL that check is `strpos`, not `LIKE '%…%'`, whose tiny selectivity estimate would make
 * the planner sort every match of a common word.
 */
function applySearch(q: LogQuery, plan: SearchPlan, pg: boolean): LogQuery {
  let out = q;
  if (plan.terms.length > 0) out = out.where(sql<boolean>`w.search_terms @> ${plan.terms}::text[]`);
  for (const phrase of plan.phrases) {
    out = out.where(pg ? sql<boolean>`strpos(lower(w.content), ${phrase}) > 0` : sql<boolean>`instr(lower(w.content), ${phrase}) > 0`);
  }
  return out;
}

function pageOf(q: LogQuery, limit: number): LogQuery {
  return q.orderBy('w.log_date', 'desc').orderBy('w.id', 'desc').limit(limit);
}

/**
 * One page of entry ids. A scope of a few units is read as one branch per unit (and one for the
 * caller's own entries), each walking its (unit, date, id) index for at most `limit` rows, merged by
 * the database: so a leader's page costs `units × limit` index steps, however many entries they hold.
 */
export async function listFeedPage(db: Db, f: FeedFilter): Promise<{ id: number; log_date: string }[]> {
  if (f.search && f.search.terms.length > 0 && !isPostgres(db)) return listSearchPageSqlite(db, f);
  const walk = f.search !== undefined && f.search.terms.length > 0 && (await estimateMatchesPg(db, f.search.terms)) > WALK_ABOVE_MATCHES;
  if (!walk) return readFeedPage(db, f, f.search !== undefined && f.search.terms.length > 0);
  // Common words: keep the GIN bitmap out of the plan, so the page is read along the order index
  // and stops after `limit` matches instead of fetching and sorting every match. The plan's cost
  // estimate then looks high enough for JIT compilation, which alone would take 100 ms: off too.
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_bitmapscan = off; set local jit = off`.execute(trx);
    return readFeedPage(trx, f, false);
  });
}

/**
 * `bitmapSearch`: a search for rare words on PostgreSQL, answered from the GIN index; one query for
 * the whole scope then, not a branch per unit that would each read the same posting lists again.
 */
async function readFeedPage(db: Db, f: FeedFilter, bitmapSearch: boolean): Promise<{ id: number; log_date: string }[]> {
  const pg = isPostgres(db);
  const base = () => applyCommonFilters(db.selectFrom('work_logs as w').select(['w.id', 'w.log_date']), f, pg);
  if (f.unitIds === null) return pageOf(base(), f.limit).execute();
  const branches: LogQuery[] = [];
  if (f.personId !== undefined) {
    // The person index serves it; the scope only narrows.
    const units = f.unitIds.length ? f.unitIds : [-1];
    const q = f.alsoPersonId === f.personId ? base() : base().where('w.unit_id', 'in', units);
    return pageOf(q, f.limit).execute();
  }
  if (f.unitIds.length <= MAX_BRANCHED_UNITS && !bitmapSearch) {
    for (const unitId of f.unitIds) branches.push(base().where('w.unit_id', '=', unitId));
  } else if (f.unitIds.length > 0) {
    branches.push(bitmapSearch && f.alsoPersonId !== null
      ? base().where((eb) => eb.or([eb('w.unit_id', 'in', f.unitIds!), eb('w.person_id', '=', f.alsoPersonId!)]))
      : base().where('w.unit_id', 'in', f.unitIds));
  }
  if (f.alsoPersonId !== null && !(bitmapSearch && f.unitIds.length > 0)) branches.push(base().where('w.person_id', '=', f.alsoPersonId));
  if (branches.length === 0) return [];
  if (branches.length === 1) return pageOf(branches[0]!, f.limit).execute();
  const limited = branches.map((b, i) => db.selectFrom(pageOf(b, f.limit).as(`b${i}`)).select([`b${i}.id as id`, `b${i}.log_date as log_date`]));
  let union = limited[0]!;
  for (const next of limited.slice(1)) union = union.unionAll(next);
  const rows = await db
    .selectFrom(union.as('m'))
    .select(['m.id', 'm.log_date'])
    .distinct()
    .orderBy('m.log_date', 'desc')
    .orderBy('m.id', 'desc')
    .limit(f.limit)
    .execute();
  return rows;
}

/** A PostgreSQL search expected to match more entries than this walks the order index (see applySearch). */
const WALK_ABOVE_MATCHES = 20_000;
const TERM_STATS_TTL_MS = 10 * 60_000;
const termStats = new WeakMap<Db, { at: number; rows: number; freqs: Map<string, number> }>();

/**
 * How many entries the rarest of the terms is in, from PostgreSQL's own statistics (ANALYZE keeps the
 * most common array elements with their frequencies); a term not among them counts as rare. Cached
 * for a few minutes per database.
 */
async function estimateMatchesPg(db: Db, terms: string[]): Promise<number> {
  let stats = termStats.get(db);
  if (!stats || performance.now() - stats.at > TERM_STATS_TTL_MS) {
    const [table, elems] = await Promise.all([
      sql<{ rows: number }>`select reltuples::float8 as rows from pg_class where oid = 'work_logs'::regclass`.execute(db),
      sql<{ elems: string[] | null; freqs: number[] | null }>`
        select most_common_elems::text::text[] as elems, most_common_elem_freqs::float8[] as freqs from pg_stats
        where schemaname = current_schema() and tablename = 'work_logs' and attname = 'search_terms'`.execute(db),
    ]);
    const freqs = new Map<string, number>();
    const row = elems.rows[0];
    (row?.elems ?? []).forEach((term, i) => freqs.set(term, row!.freqs![i]!));
    stats = { at: performance.now(), rows: Math.max(0, Number(table.rows[0]?.rows ?? 0)), freqs };
    termStats.set(db, stats);
  }
  const known = stats;
  return Math.min(...terms.map((t) => (known.freqs.get(t) ?? 0) * known.rows));
}

/** Beyond this many units a scope is checked on the rows rather than as FTS tokens. */
const MAX_SCOPE_TOKENS = 300;

/**
 * A search page on SQLite, answered by FTS5: the MATCH holds the query's terms and the scope (units,
 * the caller's own entries, the person and kind filters) as tokens, the rowid range holds the date
 * range and the cursor, and FTS5 returns rowids — the feed order — newest first, so the page stops
 * after `limit` matches however common the words are. The remaining filters (indicator, flags, the
 * verbatim phrases) are checked on the rows as they come.
 */
async function listSearchPageSqlite(db: Db, f: FeedFilter): Promise<{ id: number; log_date: string }[]> {
  const groups = [ftsQueryOf(f.search!.terms)];
  const rowFilters = [];
  if (f.unitIds !== null && f.personId === undefined) {
    const tokens = f.unitIds.length <= MAX_SCOPE_TOKENS ? f.unitIds.map((u) => `"_u${u}"`) : [];
    if (tokens.length || f.alsoPersonId !== null) {
      if (f.unitIds.length > MAX_SCOPE_TOKENS) {
        rowFilters.push(f.alsoPersonId !== null ? sql`(w.unit_id in (${sql.join(f.unitIds)}) or w.person_id = ${f.alsoPersonId})` : sql`w.unit_id in (${sql.join(f.unitIds)})`);
      } else {
        if (f.alsoPersonId !== null) tokens.push(`"_p${f.alsoPersonId}"`);
        groups.push(`(${tokens.join(' OR ')})`);
      }
    } else {
      return [];
    }
  }
  if (f.personId !== undefined) {
    groups.push(`"_p${f.personId}"`);
    if (f.unitIds !== null && f.alsoPersonId !== f.personId) rowFilters.push(f.unitIds.length ? sql`w.unit_id in (${sql.join(f.unitIds)})` : sql`0 = 1`);
  }
  if (f.kinds?.length) groups.push(`(${f.kinds.map((k) => `"_k${k}"`).join(' OR ')})`);
  let high = Number.MAX_SAFE_INTEGER;
  let low = 0;
  if (f.after) high = feedKeyOf(f.after.date, f.after.id);
  if (f.to !== undefined) high = Math.min(high, feedKeyOf(f.to, KEY_SHIFT));
  if (f.from !== undefined) low = feedKeyOf(f.from, 0);
  if (f.indicator !== undefined) rowFilters.push(sql`w.indicator_ref = ${f.indicator}`);
  if (f.flaggedOnly) rowFilters.push(sql`exists (select 1 from work_log_flags fl where fl.log_id = w.id and fl.resolved_at is null)`);
  for (const phrase of f.search!.phrases) rowFilters.push(sql`instr(lower(w.content), ${phrase}) > 0`);
  const extra = rowFilters.length ? sql` and ${sql.join(rowFilters, sql` and `)}` : sql``;
  const { rows } = await sql<{ id: number; log_date: string }>`
    select w.id, w.log_date from work_log_fts f cross join work_logs w on w.id = (f.rowid & ${KEY_SHIFT - 1})
    where work_log_fts match ${groups.join(' AND ')} and f.rowid < ${high} and f.rowid >= ${low}${extra}
    order by f.rowid desc limit ${f.limit}`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// What hangs off an entry: comments, likes, flags, attachments.

export interface CommentView {
  id: number;
  log_id: number;
  account_id: number;
  person_id: number | null;
  author_name: string;
  content: string;
  created_at: string;
}

function selectCommentViews(db: Db) {
  return db
    .selectFrom('work_log_comments as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.log_id', 'c.account_id', 'c.person_id', sql<string>`coalesce(p.name, a.username)`.as('author_name'), 'c.content', 'c.created_at']);
}

export async function listCommentsOfLog(db: Db, logId: number): Promise<CommentView[]> {
  return selectCommentViews(db).where('c.log_id', '=', logId).orderBy('c.id').execute();
}

export async function findCommentView(db: Db, id: number): Promise<CommentView | undefined> {
  return selectCommentViews(db).where('c.id', '=', id).executeTakeFirst();
}

export async function insertComment(db: Db, c: { logId: number; accountId: number; personId: number | null; content: string; now: string }): Promise<number> {
  const row = await db
    .insertInto('work_log_comments')
    .values({ log_id: c.logId, account_id: c.accountId, person_id: c.personId, content: c.content, created_at: c.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Accounts that commented on an entry (to tell them the author replied). */
export async function listCommenterAccountIds(db: Db, logId: number): Promise<number[]> {
  const rows = await db.selectFrom('work_log_comments').select('account_id').distinct().where('log_id', '=', logId).execute();
  return rows.map((r) => r.account_id);
}

async function countByLog(db: Db, table: 'work_log_comments' | 'work_log_likes', logIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (logIds.length === 0) return out;
  const rows = await db
    .selectFrom(table)
    .select(['log_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('log_id', 'in', logIds)
    .groupBy('log_id')
    .execute();
  for (const r of rows) out.set(r.log_id, Number(r.n));
  return out;
}

export const countCommentsOfLogs = (db: Db, logIds: number[]) => countByLog(db, 'work_log_comments', logIds);
export const countLikesOfLogs = (db: Db, logIds: number[]) => countByLog(db, 'work_log_likes', logIds);

export async function listLogIdsLikedBy(db: Db, accountId: number, logIds: number[]): Promise<Set<number>> {
  if (logIds.length === 0) return new Set();
  const rows = await db.selectFrom('work_log_likes').select('log_id').where('account_id', '=', accountId).where('log_id', 'in', logIds).execute();
  return new Set(rows.map((r) => r.log_id));
}

/** Likes an entry; false when the account had already liked it. */
export async function insertLike(db: Db, logId: number, accountId: number, now: string): Promise<boolean> {
  const res = await db
    .insertInto('work_log_likes')
    .values({ log_id: logId, account_id: accountId, created_at: now })
    .onConflict((oc) => oc.columns(['log_id', 'account_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteLike(db: Db, logId: number, accountId: number): Promise<boolean> {
  const res = await db.deleteFrom('work_log_likes').where('log_id', '=', logId).where('account_id', '=', accountId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export interface FlagView {
  id: number;
  log_id: number;
  account_id: number;
  flagged_by: string;
  note: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by_name: string | null;
  resolution_note: string | null;
}

function selectFlagViews(db: Db) {
  return db
    .selectFrom('work_log_flags as f')
    .innerJoin('accounts as a', 'a.id', 'f.account_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('accounts as ra', 'ra.id', 'f.resolved_by')
    .leftJoin('people as rp', 'rp.id', 'ra.person_id')
    .select([
      'f.id', 'f.log_id', 'f.account_id', sql<string>`coalesce(p.name, a.username)`.as('flagged_by'), 'f.note', 'f.created_at', 'f.resolved_at',
      sql<string | null>`coalesce(rp.name, ra.username)`.as('resolved_by_name'), 'f.resolution_note',
    ]);
}

export async function listFlagsOfLog(db: Db, logId: number): Promise<FlagView[]> {
  return selectFlagViews(db).where('f.log_id', '=', logId).orderBy('f.id').execute();
}

export async function listOpenFlagsOfLogs(db: Db, logIds: number[]): Promise<Map<number, FlagView>> {
  const out = new Map<number, FlagView>();
  if (logIds.length === 0) return out;
  const rows = await selectFlagViews(db).where('f.log_id', 'in', logIds).where('f.resolved_at', 'is', null).orderBy('f.id').execute();
  for (const r of rows) out.set(r.log_id, r);
  return out;
}

export async function findFlagView(db: Db, id: number): Promise<FlagView | undefined> {
  return selectFlagViews(db).where('f.id', '=', id).executeTakeFirst();
}

export async function insertFlag(db: Db, f: { logId: number; accountId: number; note: string; now: string }): Promise<number> {
  const row = await db
    .insertInto('work_log_flags')
    .values({ log_id: f.logId, account_id: f.accountId, note: f.note, created_at: f.now, resolved_at: null, resolved_by: null, resolution_note: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function resolveFlag(db: Db, id: number, r: { accountId: number; note: string | null; now: string }): Promise<void> {
  await db.updateTable('work_log_flags').set({ resolved_at: r.now, resolved_by: r.accountId, resolution_note: r.note }).where('id', '=', id).execute();
}

export async function listAttachmentsOfLogs(db: Db, logIds: number[]): Promise<Map<number, WorkLogAttachment[]>> {
  const out = new Map<number, WorkLogAttachment[]>();
  if (logIds.length === 0) return out;
  const rows = await db.selectFrom('work_log_attachments').selectAll().where('log_id', 'in', logIds).orderBy('id').execute();
  for (const r of rows) out.set(r.log_id, [...(out.get(r.log_id) ?? []), r]);
  return out;
}

export async function findAttachment(db: Db, id: number): Promise<WorkLogAttachment | undefined> {
  return db.selectFrom('work_log_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countAttachmentsOfLog(db: Db, logId: number): Promise<number> {
  const row = await db.selectFrom('work_log_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('log_id', '=', logId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countAttachmentsWithSha(db: Db, sha256: string): Promise<number> {
  const row = await db.selectFrom('work_log_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('sha256', '=', sha256).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertAttachment(
  db: Db,
  a: { logId: number; fileName: string; mimeType: string; size: number; sha256: string; storageKey: string; uploadedBy: number; now: string },
): Promise<number> {
  const row = await db
    .insertInto('work_log_attachments')
    .values({
      log_id: a.logId, file_name: a.fileName, mime_type: a.mimeType, size_bytes: a.size, sha256: a.sha256, storage_key: a.storageKey,
      uploaded_by: a.uploadedBy, created_at: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteAttachment(db: Db, id: number): Promise<void> {
  await db.deleteFrom('work_log_attachments').where('id', '=', id).execute();
}

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

// ---------------------------------------------------------------------------------------------
// Bulk writes of the demo seed and the benchmark generator.

export async function countAllWorkLogs(db: Db): Promise<number> {
  const row = await db.selectFrom('work_logs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Active people with their unit, start date and account (null without one). */
export async function listPeopleForSeeding(db: Db) {
  const rows = await db
    .selectFrom('people as p')
    .leftJoin('accounts as a', 'a.person_id', 'p.id')
    .select(['p.id', 'p.name', 'p.unit_id', 'a.id as account_id'])
    .select((eb) => eb.selectFrom('person_assignments as pa').whereRef('pa.person_id', '=', 'p.id').select((e) => e.fn.min<string>('pa.valid_from').as('s')).as('start'))
    .where('p.status', '=', 'active')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, unitId: r.unit_id, accountId: r.account_id, start: r.start ?? null }));
}

/** Accounts with the leader role, the unit each leads and their person (null for none). */
export async function listLeaderRoles(db: Db) {
  return db
    .selectFrom('account_roles as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .select(['a.id as account_id', 'a.person_id', 'r.unit_id'])
    .where('r.role', '=', 'leader')
    .where('r.unit_id', 'is not', null)
    .where('a.disabled', '=', 0)
    .orderBy('a.id')
    .execute();
}

export async function insertCommentsBatch(db: Db, rows: { log_id: number; account_id: number; person_id: number | null; content: string; created_at: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('work_log_comments').values(rows.slice(i, i + 500)).execute();
}

export async function insertLikesBatch(db: Db, rows: { log_id: number; account_id: number; created_at: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('work_log_likes').values(rows.slice(i, i + 500)).execute();
}

export async function insertFlagsBatch(
  db: Db,
  rows: { log_id: number; account_id: number; note: string; created_at: string; resolved_at: string | null; resolved_by: number | null; resolution_note: string | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('work_log_flags').values(rows.slice(i, i + 500)).execute();
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

import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/kysely.js';
import { isPostgres } from '../../db/dialect.js';
import type { Database, WorkLogKind, WorkLogTable } from '../../db/schema.js';
import { ftsQueryOf, type SearchPlan } from './worklogs.search.js';
import { feedKeyOf, KEY_SHIFT } from './worklogs.repository.js';

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
 * The search of docs/ARCHITECTURE.md "Work records" (CJK bigram search) on PostgreSQL (SQLite: listSearchPageSqlite): the query's bigrams
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

import type { IndicatorKind, Scheme } from '@baton/engine';
import { createValidationError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import { listPeriodParticipants } from '../periods/period-participants.js';

/**
 * The indicators a work-log entry links to (issue 4 "optional link to one of his indicators"): those
 * of the schemes of the CURRENT periods the member takes part in — open (DESIGN §4: facts and logs
 * accepted) or in review (the quarter's work goes on while its summaries are written; a backfill
 * still belongs to it), not a draft nor one already published. An entry stores the reference `<scheme code>:<indicator id>` — stable across the scheme's
 * versions and periods, and readable in an export — and is shown with the indicator's name.
 * Indicators that are not work (a veto, the mean of earlier periods) are not offered.
 */
export interface LogIndicator {
  ref: string;
  id: string;
  name: string;
  kind: IndicatorKind | null;
  scheme: { code: string; name: string };
}

const NOT_WORK = new Set(['veto', 'periods']);
const KIND_ORDER: Record<IndicatorKind, number> = { key: 0, regular: 1, dynamic: 2 };

export const indicatorRefOf = (schemeCode: string, indicatorId: string) => `${schemeCode}:${indicatorId}`;

function splitRef(ref: string): { code: string; id: string } | undefined {
  // A scheme code has no colon (periods.schemas.ts); an indicator id might.
  const at = ref.indexOf(':');
  return at > 0 && at < ref.length - 1 ? { code: ref.slice(0, at), id: ref.slice(at + 1) } : undefined;
}

/**
 * The member's indicators, key ones first, each once (two current periods of one scheme offer it
 * once); only those of the scheme `schemeCode` when given.
 */
export async function listLogIndicators(db: Db, personId: number, schemeCode?: string): Promise<LogIndicator[]> {
  let query = db
    .selectFrom('periods as p')
    .innerJoin('schemes as s', 's.id', 'p.scheme_id')
    .select(['p.id', 'p.scope_unit_id', 'p.starts_on', 'p.ends_on', 's.subject_kind', 's.code', 's.name', 's.definition_json'])
    .where('p.state', 'in', ['open', 'reviewing'])
    .where('s.subject_kind', '=', 'person')
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.id', 'desc');
  if (schemeCode !== undefined) query = query.where('s.code', '=', schemeCode);
  const periods = await query.execute();
  const taking = await Promise.all(periods.map(async (p) => (await listPeriodParticipants(db, p, { personId })).length > 0));
  const found = new Map<string, LogIndicator & { order: number }>();
  periods.forEach((p, i) => {
    if (!taking[i]) return;
    const scheme = JSON.parse(p.definition_json) as Scheme;
    scheme.indicators.forEach((indicator, position) => {
      const ref = indicatorRefOf(p.code, indicator.id);
      if (NOT_WORK.has(indicator.method) || found.has(ref)) return;
      const kind = indicator.kind ?? null;
      found.set(ref, { ref, id: indicator.id, name: indicator.name ?? indicator.id, kind, scheme: { code: p.code, name: p.name }, order: (kind === null ? 3 : KIND_ORDER[kind]) * 1000 + position });
    });
  });
  return [...found.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...indicator }) => indicator);
}

/** How long a member's confirmed indicators of a scheme are trusted without asking the database again. */
const CONFIRMED_FOR_MS = 60_000;
const CONFIRMED_MAX = 10_000;

/**
 * The indicators a member was found to have, per scheme, for a minute (per database, outside
 * transactions): most entries link one, and finding them reads the periods, their schemes and the
 * member's participation — that doubled the cost of a post. Only what was found is kept: a reference
 * that is not among them is always looked up again (a period opened a moment ago is seen at once);
 * one whose period ended within the minute may still be accepted for that minute.
 */
const confirmed = new WeakMap<Db, Map<string, { until: number; names: Map<string, string> }>>();

async function indicatorsOfScheme(db: Db, personId: number, schemeCode: string, ref: string): Promise<Map<string, string>> {
  const cache = db.isTransaction ? undefined : (confirmed.get(db) ?? confirmed.set(db, new Map()).get(db)!);
  const key = `${personId}:${schemeCode}`;
  const kept = cache?.get(key);
  if (kept && kept.until > Date.now() && kept.names.has(ref)) return kept.names;
  const names = new Map((await listLogIndicators(db, personId, schemeCode)).map((i) => [i.ref, i.name]));
  if (cache && names.size > 0) {
    if (cache.size >= CONFIRMED_MAX) cache.clear();
    cache.set(key, { until: Date.now() + CONFIRMED_FOR_MS, names });
  }
  return names;
}

/**
 * 400 on `/indicator` unless `ref` is one of the member's indicators; its name otherwise. Entries
 * written before a reference existed keep theirs: only a changed reference is checked.
 */
export async function checkLogIndicator(db: Db, personId: number, ref: string): Promise<string> {
  const split = splitRef(ref);
  // Only the periods of the named scheme need their participants checked.
  const name = split && (await indicatorsOfScheme(db, personId, split.code, ref)).get(ref);
  if (name === undefined) {
    const message = `${ref} is not an indicator of a current period you take part in (GET /api/logs/indicators lists them)`;
    throw createValidationError(`/indicator: ${message}`, [{ path: '/indicator', message }]);
  }
  return name;
}

/**
 * The names of indicator references, from the newest version of each named scheme that has the
 * indicator (one query for the lot); references that name nothing known are left out.
 */
export async function resolveIndicatorNames(db: Db, refs: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = new Map<string, { code: string; id: string }>();
  for (const ref of refs) {
    const split = ref === null ? undefined : splitRef(ref);
    if (split) wanted.set(ref!, split);
  }
  const names = new Map<string, string>();
  if (wanted.size === 0) return names;
  const codes = [...new Set([...wanted.values()].map((w) => w.code))];
  const schemes = await db.selectFrom('schemes').select(['code', 'definition_json']).where('code', 'in', codes).orderBy('version', 'desc').execute();
  const byRef = new Map<string, string>();
  for (const s of schemes) {
    for (const indicator of (JSON.parse(s.definition_json) as Scheme).indicators) {
      const ref = indicatorRefOf(s.code, indicator.id);
      if (!byRef.has(ref)) byRef.set(ref, indicator.name ?? indicator.id);
    }
  }
  for (const ref of wanted.keys()) {
    const name = byRef.get(ref);
    if (name !== undefined) names.set(ref, name);
  }
  return names;
}

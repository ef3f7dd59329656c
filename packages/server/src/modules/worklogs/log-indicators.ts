import type { IndicatorKind, Scheme } from '@baton/engine';
import type { LinkableIndicator } from '@baton/contract/worklogs';
import { INDICATOR_REF_MAX } from '@baton/contract/vocabulary';
import { createValidationError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import { listSubtreeUnitIds } from '../org/index.js';
import { listCurrentPersonPeriods, listPeopleAssignedDuring } from '../periods/index.js';
import { listSchemeDefinitionsByCode } from '../schemes/index.js';

/**
 * The indicators a work-log entry links to (issue 4 "optional link to one of his indicators"): those
 * of the schemes of the CURRENT periods the member takes part in — open (docs/product.md §4: facts and logs
 * accepted) or in review (the quarter's work goes on while its summaries are written; a backfill
 * still belongs to it), not a draft nor one in publicity or closed. An entry stores the reference
 * `<scheme code>:<indicator id>` — stable across the scheme's versions and periods, and readable in an
 * export — and is shown with the indicator's name. Indicators that are not work (a veto, the mean
 * of earlier periods) are not offered, nor one whose reference would be too long to store.
 */
export type LogIndicator = LinkableIndicator;

/** The longest reference an entry takes (the contract's). */
export { INDICATOR_REF_MAX };

const NOT_WORK = new Set(['veto', 'periods']);
const KIND_ORDER: Record<IndicatorKind, number> = { key: 0, regular: 1, dynamic: 2 };

export const indicatorRefOf = (schemeCode: string, indicatorId: string) => `${schemeCode}:${indicatorId}`;

function splitRef(ref: string): { code: string; id: string } | undefined {
  // A scheme code has no colon (periods.schemas.ts); an indicator id might.
  const at = ref.indexOf(':');
  return at > 0 && at < ref.length - 1 ? { code: ref.slice(0, at), id: ref.slice(at + 1) } : undefined;
}

/** A current period of a person scheme, with what deciding about a member's indicators needs. */
interface CurrentPeriod {
  startsOn: string;
  endsOn: string;
  /** The units of its scope's subtree; null: the whole organization. */
  scope: Set<number> | null;
  /** Its indicators that entries may link, in the order they are offered. */
  indicators: (LogIndicator & { order: number })[];
}

/**
 * The current periods, for a minute (per database, outside transactions): they change a few times a
 * quarter, and every linked post asks. A reference found in none of them reads them again at once, so
 * a period opened a moment ago counts; a period that moved on, or a scope that changed, within the
 * minute is still seen as it was for the rest of it. Whether the member takes part is always read.
 */
const CURRENT_FOR_MS = 60_000;
const currentPeriods = new WeakMap<Db, { until: number; periods: CurrentPeriod[] }>();

async function readCurrentPeriods(db: Db): Promise<CurrentPeriod[]> {
  return Promise.all((await listCurrentPersonPeriods(db)).map(async (p) => {
    const scheme = JSON.parse(p.definition_json) as Scheme;
    const indicators: CurrentPeriod['indicators'] = [];
    scheme.indicators.forEach((indicator, position) => {
      const ref = indicatorRefOf(p.code, indicator.id);
      if (NOT_WORK.has(indicator.method) || indicator.id === '' || ref.length > INDICATOR_REF_MAX) return;
      const kind = indicator.kind ?? null;
      indicators.push({ ref, id: indicator.id, name: indicator.name ?? indicator.id, kind, scheme: { code: p.code, name: p.name }, order: (kind === null ? 3 : KIND_ORDER[kind]) * 1000 + position });
    });
    const scope = p.scope_unit_id === null ? null : new Set(await listSubtreeUnitIds(db, [p.scope_unit_id]));
    return { startsOn: p.starts_on, endsOn: p.ends_on, scope, indicators };
  }));
}

async function loadCurrentPeriods(db: Db, now: Date, fresh: boolean): Promise<CurrentPeriod[]> {
  if (db.isTransaction) return readCurrentPeriods(db);
  const kept = currentPeriods.get(db);
  if (!fresh && kept && kept.until > now.getTime()) return kept.periods;
  const periods = await readCurrentPeriods(db);
  currentPeriods.set(db, { until: now.getTime() + CURRENT_FOR_MS, periods });
  return periods;
}

/**
 * The periods among `periods` the person takes part in, as the rankings count participants
 * (`listSubjectsOfPeriod`, with the scope's subtree kept): his unit in the period must lie in its scope.
 * One query per period (usually one: those naming the reference).
 */
async function periodsTakenPartIn(db: Db, personId: number, periods: CurrentPeriod[]): Promise<CurrentPeriod[]> {
  const units = await Promise.all(periods.map(async (p) => (await listPeopleAssignedDuring(db, p.startsOn, p.endsOn, personId))[0]?.unit_id));
  return periods.filter((p, i) => units[i] !== undefined && (p.scope === null || p.scope.has(units[i]!)));
}

function offered(periods: CurrentPeriod[]): LogIndicator[] {
  const found = new Map<string, LogIndicator & { order: number }>();
  for (const p of periods) for (const i of p.indicators) if (!found.has(i.ref)) found.set(i.ref, i);
  return [...found.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...indicator }) => indicator);
}

/**
 * The member's indicators, key ones first (then regular, dynamic and unclassified ones, each in the
 * scheme's order), each once however many current periods of its scheme he takes part in. Read
 * afresh: this is what the entry form offers.
 */
export async function listLogIndicators(db: Db, personId: number, now: Date): Promise<LogIndicator[]> {
  return offered(await periodsTakenPartIn(db, personId, await loadCurrentPeriods(db, now, true)));
}

/**
 * 400 on `/indicator` unless `ref` is one of the member's indicators; its name otherwise. Entries
 * written before a reference existed keep theirs: only a changed reference is checked.
 */
export async function checkLogIndicator(db: Db, personId: number, ref: string, now: Date): Promise<string> {
  const naming = (periods: CurrentPeriod[]) => periods.filter((p) => p.indicators.some((i) => i.ref === ref));
  let candidates = naming(await loadCurrentPeriods(db, now, false));
  // Not among the periods kept: perhaps one opened since.
  if (candidates.length === 0) candidates = naming(await loadCurrentPeriods(db, now, true));
  const indicator = offered(await periodsTakenPartIn(db, personId, candidates)).find((i) => i.ref === ref);
  if (!indicator) {
    const message = `${ref} is not an indicator of a current period you take part in (GET /api/logs/indicators lists them)`;
    throw createValidationError(`/indicator: ${message}`, [{ path: '/indicator', message }]);
  }
  return indicator.name;
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
  const schemes = await listSchemeDefinitionsByCode(db, [...new Set([...wanted.values()].map((w) => w.code))]);
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

import type { Indicator } from '@baton/engine';
import type { PointRule } from '@baton/contract/points';
import type { Scheme } from '@baton/contract/schemes';
import { toHundredths } from '../../shared/scores';

/** docs/api-points.md: points carry at most two decimals (the server stores hundredths). */
export const EVIDENCE_MAX = 2000;
export const REASON_MAX = 500;

export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

/**
 * The event's delta from the form: for a per-occurrence rule, `delta` is per occurrence and the
 * event counts `delta × occurrences` (docs/api-points.md); exact in hundredths.
 */
export function eventDelta(rule: Pick<PointRule, 'perOccurrence'>, delta: number, occurrences: number): number {
  const n = rule.perOccurrence ? Math.max(1, Math.floor(occurrences)) : 1;
  return (toHundredths(delta) * n) / 100;
}

export function deltaWithinBounds(rule: Pick<PointRule, 'minDelta' | 'maxDelta'>, delta: number): boolean {
  const d = toHundredths(delta);
  return d >= toHundredths(rule.minDelta) && d <= toHundredths(rule.maxDelta);
}

/** The `ledger` indicators of a scheme: the only ones a point rule may feed. */
export function ledgerIndicators(scheme: Pick<Scheme, 'definition'> | null | undefined): Indicator[] {
  return (scheme?.definition.indicators ?? []).filter((i) => i.method === 'ledger');
}

/** An indicator's name in its scheme ("style" → 执法作风); the id when the scheme does not name it. */
export function indicatorName(scheme: Pick<Scheme, 'definition'> | null | undefined, id: string): string {
  return scheme?.definition.indicators?.find((i) => i.id === id)?.name ?? id;
}

/** The parts of the engine's explanation of a `ledger` indicator (see packages/engine ledger.method). */
export interface LedgerExplain {
  base: number;
  sum: number;
  count: number;
  balance: number;
  /** within the bounds, capped at `max`, or raised to `min`. */
  bound: 'within' | 'capped' | 'raised';
  min: string | null;
  max: string | null;
  score: string;
}

const NUMBER = '(-?\\d+(?:\\.\\d+)?)';
const LEDGER_EXPLAIN = new RegExp(
  `^\\S+: base ${NUMBER} \\+ Σ delta ${NUMBER} \\((\\d+) events?\\) = ${NUMBER}, (?:within \\[${NUMBER}, (${NUMBER.slice(1, -1)}|∞)\\]|capped at ${NUMBER}|raised to ${NUMBER}) → (.+)$`,
);

/**
 * "style: base 30 + Σ delta -2 (1 event) = 28, within [0, 30] → 28" read into its numbers, so the
 * page can say it in the reader's language; null for any other text (shown as it is).
 */
export function parseLedgerExplain(text: string): LedgerExplain | null {
  const m = LEDGER_EXPLAIN.exec(text.trim());
  if (!m) return null;
  const [, base, sum, count, balance, withinMin, withinMax, capped, raised, score] = m;
  return {
    base: Number(base),
    sum: Number(sum),
    count: Number(count),
    balance: Number(balance),
    bound: capped !== undefined ? 'capped' : raised !== undefined ? 'raised' : 'within',
    min: raised ?? withinMin ?? null,
    max: capped ?? withinMax ?? null,
    score: score!,
  };
}

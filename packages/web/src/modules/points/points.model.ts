import dayjs from 'dayjs';
import type { PointRule, RedBlackSummary } from './points.api';
import { formatPoints, toHundredths } from '../../shared/scores';
import type { Scheme, SchemeIndicator } from '../schemes/schemes.api';
import type { Period } from '../periods/periods.api';

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
export function ledgerIndicators(scheme: Pick<Scheme, 'definition'> | null | undefined): SchemeIndicator[] {
  return (scheme?.definition.indicators ?? []).filter((i) => i.method === 'ledger');
}

/** An indicator's name in its scheme ("style" → 执法作风); the id when the scheme does not name it. */
export function indicatorName(scheme: Pick<Scheme, 'definition'> | null | undefined, id: string): string {
  return scheme?.definition.indicators?.find((i) => i.id === id)?.name ?? id;
}

/** The months (YYYY-MM) of a period that have begun by `today`, latest first. */
export function monthsOfPeriod(period: Pick<Period, 'startsOn' | 'endsOn'>, today: string): string[] {
  const months: string[] = [];
  const last = dayjs(period.endsOn).isBefore(dayjs(today)) ? dayjs(period.endsOn) : dayjs(today);
  let cursor = dayjs(period.startsOn).startOf('month');
  while (!cursor.isAfter(last, 'month')) {
    months.push(cursor.format('YYYY-MM'));
    cursor = cursor.add(1, 'month');
  }
  return months.reverse();
}

/** The month a red/black page starts on: the latest month that has ended (its lists exist), else the current one. */
export function defaultMonth(months: string[], today: string): string | null {
  return months.find((m) => dayjs(`${m}-01`).endOf('month').isBefore(dayjs(today), 'day')) ?? months[0] ?? null;
}

export interface HistogramBin {
  /** Lower bound, inclusive, in points. */
  from: number;
  /** Upper bound, exclusive (inclusive for the last bin), in points. */
  to: number;
  count: number;
}

const NICE_STEPS = [1, 2, 5];

/** A "nice" bin width (1, 2, 5 × 10^k hundredths) so that the range fits in at most `maxBins` bins. */
function niceWidth(spanHundredths: number, maxBins: number): number {
  const raw = Math.max(1, spanHundredths / maxBins);
  let magnitude = 1;
  for (;;) {
    for (const step of NICE_STEPS) {
      const width = step * magnitude;
      if (width >= raw) return width;
    }
    magnitude *= 10;
  }
}

/**
 * The distribution of points in a group: equal-width bins with round bounds, computed in integer
 * hundredths (no float drift at bin edges). One value or all equal → one bin.
 */
export function pointsHistogram(values: number[], maxBins = 12): HistogramBin[] {
  if (values.length === 0) return [];
  const cents = values.map(toHundredths);
  const min = Math.min(...cents);
  const max = Math.max(...cents);
  if (min === max) return [{ from: min / 100, to: max / 100, count: values.length }];
  const width = niceWidth(max - min, maxBins);
  const start = Math.floor(min / width) * width;
  const binCount = Math.floor((max - start) / width) + 1;
  const counts = new Array<number>(binCount).fill(0);
  for (const c of cents) counts[Math.min(binCount - 1, Math.floor((c - start) / width))]! += 1;
  return counts.map((count, i) => ({ from: (start + i * width) / 100, to: (start + (i + 1) * width) / 100, count }));
}

/** "−5 ~ −3" — a bin's label. */
export function binLabel(bin: HistogramBin): string {
  if (bin.from === bin.to) return formatPoints(bin.from);
  return `${formatPoints(bin.from)} ~ ${formatPoints(bin.to)}`;
}

/** A group key of the rankings API: `all`, `category:<id>`, `unit:<id>`. */
export type GroupKind = 'all' | 'category' | 'unit';

export function groupKindOf(key: string): GroupKind {
  if (key.startsWith('category:')) return 'category';
  if (key.startsWith('unit:')) return 'unit';
  return 'all';
}

/** The newest list of a set: the latest month, then the list of 全部, then the newest id. */
export function latestRedBlackList<L extends Pick<RedBlackSummary, 'id' | 'month' | 'group'>>(lists: L[]): L | null {
  const sorted = [...lists].sort(
    (a, b) => b.month.localeCompare(a.month) || Number(b.group.key === 'all') - Number(a.group.key === 'all') || Number(b.id) - Number(a.id),
  );
  return sorted[0] ?? null;
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

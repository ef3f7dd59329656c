import { formatPoints, toHundredths } from '../../shared/scores';

/** The pure side of the rankings: the distribution of points in a group and the group keys of the API. */

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

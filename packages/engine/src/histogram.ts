/**
 * The distribution of scores or points in a group, for the charts people read rather than a table:
 * equal-width bins with round bounds (a width of 1, 2 or 5 × 10^k hundredths), computed in integer
 * hundredths so that no value falls on the wrong side of a bin edge by float drift.
 */

export interface HistogramBin {
  /** Lower bound, inclusive, in hundredths. */
  fromCenti: number;
  /** Upper bound, exclusive (inclusive for the last bin), in hundredths. */
  toCenti: number;
  count: number;
}

const NICE_STEPS = [1, 2, 5];

/** The round widths (1, 2, 5 × 10^k hundredths) from the smallest at least `raw`, in increasing order. */
function* niceWidthsFrom(raw: number): Generator<number> {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of NICE_STEPS) if (step * magnitude >= raw) yield step * magnitude;
  }
}

/**
 * Bins of `valuesCenti` (integer hundredths): at most `maxBins` of one round width, the first
 * starting at a multiple of the width; one bin when every value is the same (or `maxBins` is 1),
 * none without values.
 */
export function histogramOfCenti(valuesCenti: ArrayLike<number>, maxBins = 12): HistogramBin[] {
  const n = valuesCenti.length;
  if (n === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i += 1) {
    const value = valuesCenti[i]!;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min === max) return [{ fromCenti: min, toCenti: max, count: n }];
  const bins = Math.max(1, Math.floor(maxBins));
  // Bin edges are multiples of the width, so 0 is always one: one bin can only be the whole range.
  if (bins === 1) return [{ fromCenti: min, toCenti: max, count: n }];
  // The first round width (it exists: a width ≥ max − min never needs more than two bins) whose bins, starting at a multiple of it, hold every value in at most `bins`.
  let width = 1;
  let start = 0;
  let binCount = 0;
  for (width of niceWidthsFrom(Math.max(1, (max - min) / bins))) {
    start = Math.floor(min / width) * width;
    binCount = Math.floor((max - start) / width) + 1;
    if (binCount <= bins) break;
  }
  const counts = new Array<number>(binCount).fill(0);
  for (let i = 0; i < n; i += 1) counts[Math.min(binCount - 1, Math.floor((valuesCenti[i]! - start) / width))]! += 1;
  return counts.map((count, i) => ({ fromCenti: start + i * width, toCenti: start + (i + 1) * width, count }));
}

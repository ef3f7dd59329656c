import { ExactRational, RATIONAL_ZERO } from './exact-rational.js';

const SCALE = 1_000_000;
const MILLION = 1_000_000n;
const LARGEST_SCALABLE = 1e9;
const LARGEST_EXACT_SUM = Number.MAX_SAFE_INTEGER;

/**
 * Exact running sums and counts of many small decimals (ledger deltas, ballots, history
 * scores), one per cell, without a Decimal per addition: a value with at most 6 decimals
 * is added as an integer count of millionths, which floats hold exactly up to 2^53. A
 * cell that meets any other value (more decimals, huge magnitudes) moves to an exact
 * rational for good; its integer slot then holds NaN. A cell's sum and count sit side by
 * side, so that recording a fact touches one cache line.
 */
export interface ScaledSums {
  /** [2 × cell] = the sum in millionths (NaN once moved to `rationals`), [2 × cell + 1] = the count. */
  readonly slots: Float64Array;
  readonly rationals: Map<number, ExactRational>;
}

export function createScaledSums(cellCount: number): ScaledSums {
  return { slots: new Float64Array(cellCount * 2), rationals: new Map() };
}

export function addToScaledSum(sums: ScaledSums, cell: number, value: number): void {
  const slots = sums.slots;
  const at = cell * 2;
  slots[at + 1] = (slots[at + 1] as number) + 1;
  const millionths = Math.round(value * SCALE);
  if (millionths / SCALE === value && Math.abs(value) < LARGEST_SCALABLE) {
    const next = (slots[at] as number) + millionths;
    if (Math.abs(next) <= LARGEST_EXACT_SUM) {
      slots[at] = next;
      return;
    }
  }
  const previous = readExactScaledSum(sums, cell);
  sums.rationals.set(cell, previous.plus(ExactRational.fromNumber(value)));
  slots[at] = Number.NaN;
}

export function countScaledSum(sums: ScaledSums, cell: number): number {
  return sums.slots[cell * 2 + 1] as number;
}

export function readScaledSum(sums: ScaledSums, cell: number): number {
  const millionths = sums.slots[cell * 2] as number;
  if (millionths === millionths) return millionths / SCALE;
  return (sums.rationals.get(cell) as ExactRational).toNumber();
}

export function readExactScaledSum(sums: ScaledSums, cell: number): ExactRational {
  const millionths = sums.slots[cell * 2] as number;
  if (millionths !== millionths) return sums.rationals.get(cell) as ExactRational;
  if (millionths === 0) return RATIONAL_ZERO;
  return ExactRational.of(BigInt(millionths), MILLION);
}

import type { Decimal } from 'decimal.js';
import { ExactDecimal, toExact } from './exact-decimal.js';
import type { QuotaRounding } from './scenario.types.js';

const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000] as const;

/**
 * Digits kept before the final rounding. A Decimal quotient that does not terminate (the caller
 * of roundScore divided 1 by 3, then added 2/3) is carried to 60 digits and can land a hair below a value
 * that is exactly x.xx5; snapping to 30 places first puts it back on the boundary.
 */
const SNAP_PLACES = 30;

function powerOfTen(places: number): number {
  const power = POWERS_OF_TEN[places];
  if (power === undefined) throw new RangeError(`unsupported number of decimal places: ${places}`);
  return power;
}

function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

/** Rounds an exact decimal half away from zero and returns it as a count of 10^-places units (an integer). */
export function roundDecimalToUnits(value: Decimal, places: number): number {
  const units = value
    .toDecimalPlaces(SNAP_PLACES, ExactDecimal.ROUND_HALF_UP)
    .times(powerOfTen(places))
    .toDecimalPlaces(0, ExactDecimal.ROUND_HALF_UP)
    .toNumber();
  return withoutNegativeZero(units);
}

export function unitsToNumber(units: number, places: number): number {
  return withoutNegativeZero(units / powerOfTen(places));
}

/** Rounds an exact decimal half away from zero to `places` decimals and returns the nearest JS number. */
export function roundExact(value: Decimal, places = 2): number {
  return unitsToNumber(roundDecimalToUnits(value, places), places);
}

/**
 * Rounds a score half away from zero to 2 decimals (docs/product.md §3.2), reading a number as the
 * decimal it was written as: roundScore(0.125) = 0.13, roundScore(80.115) = 80.12.
 */
export function roundScore(value: number | string | Decimal, places = 2): number {
  const exact = typeof value === 'number' ? toExact(value) : new ExactDecimal(value);
  return roundExact(exact, places);
}

let exactArithmeticOnly = false;

/** Runs `work` with the float fast path off, every rounding computed exactly: the reference the fast path is tested against. */
export function runWithExactArithmeticOnly<T>(work: () => T): T {
  exactArithmeticOnly = true;
  try {
    return work();
  } finally {
    exactArithmeticOnly = false;
  }
}

/**
 * The fast path of rounding: rounds a float computed from exact inputs when its error
 * cannot change the result, and returns NaN when the value is too close to a rounding
 * boundary (…5 in the next digit) to decide, so that the caller computes it exactly.
 * `magnitude` bounds the absolute values that went into the float (its error is a few
 * ulps of that, far below the margin used here).
 */
export function tryRoundFloatToUnits(value: number, places: number, magnitude: number): number {
  if (exactArithmeticOnly) return Number.NaN;
  const scale = powerOfTen(places);
  const scaled = Math.abs(value) * scale;
  if (!(scaled < 1e12)) return Number.NaN;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  // A float computed from exact inputs in a few dozen operations is off by far less than
  // 1e-13 of the largest value it went through; the margin is a hundred times that.
  const bound = Math.max(magnitude, Math.abs(value), 1);
  const margin = scale * 1e-11 * bound;
  if (Math.abs(fraction - 0.5) <= margin) return Number.NaN;
  const units = fraction > 0.5 ? whole + 1 : whole;
  return withoutNegativeZero(value < 0 ? -units : units);
}

/**
 * Seats of a quota in a group of `groupSize`: rounding(quota × n) with the product taken
 * exactly (0.28 × 25 = 7, so `ceil` gives 7, not 8); `round` rounds half up.
 */
export function computeQuotaCapacity(quota: number, groupSize: number, rounding: QuotaRounding): number {
  const product = toExact(quota).times(groupSize);
  if (rounding === 'floor') return product.floor().toNumber();
  if (rounding === 'ceil') return product.ceil().toNumber();
  return product.toDecimalPlaces(0, ExactDecimal.ROUND_HALF_UP).toNumber();
}

import Decimal from 'decimal.js';

/**
 * decimal.js set up for the engine's decimal rules: `roundScore`, quota seats, minScore
 * thresholds and the sums checked by validation. Sixty significant digits are plenty for
 * these; `ROUND_HALF_UP` in decimal.js rounds half away from zero.
 */
export const ExactDecimal = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});
export type ExactDecimal = Decimal;

/** A JSON number read as the decimal it was written as (its shortest round-trip string: 19.885 is 19.885, not 19.88499999…). */
export function toExact(value: number): Decimal {
  return new ExactDecimal(String(value));
}

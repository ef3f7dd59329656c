import { describe, expect, it } from 'vitest';
import { toExact } from './exact-decimal.js';
import { computeQuotaCapacity, roundExact, roundScore, tryRoundFloatToUnits } from './rounding.js';

describe('roundScore', () => {
  it.each([
    [0.125, 0.13],
    [80.115, 80.12],
    [-0.125, -0.13],
    [1.005, 1.01],
    [2.675, 2.68],
    [87.245, 87.25],
    [87.244999, 87.24],
    [-0.001, 0],
  ])('rounds %s half away from zero to %s', (value, rounded) => {
    expect(roundScore(value)).toBe(rounded);
  });

  it('reads a number as the decimal it was written as', () => {
    expect(roundScore(toExact(100).minus(toExact(19.885)))).toBe(80.12);
    expect(Math.round((100 - 19.885) * 100) / 100).toBe(80.11);
  });

  it('snaps the last digits of a non-terminating quotient back onto the boundary', () => {
    // (1/3 + 2/3) / 8 = 0.125 exactly, though each third is cut at 60 digits.
    const third = toExact(1).dividedBy(3);
    expect(roundExact(third.plus(third.times(2)).dividedBy(8))).toBe(0.13);
  });
});

describe('tryRoundFloatToUnits', () => {
  it('rounds a float far from a boundary and refuses one too close to call', () => {
    expect(tryRoundFloatToUnits(80.1149, 2, 100)).toBe(8011);
    expect(tryRoundFloatToUnits(100 - 19.885, 2, 100)).toBeNaN();
    expect(tryRoundFloatToUnits(0.5 * 87.25 + 50, 2, 100)).toBeNaN();
  });
});

describe('computeQuotaCapacity', () => {
  it('takes the product exactly, so that 0.28 × 25 is 7 seats under every rounding', () => {
    expect(0.28 * 25).not.toBe(7);
    expect(computeQuotaCapacity(0.28, 25, 'ceil')).toBe(7);
    expect(computeQuotaCapacity(0.28, 25, 'floor')).toBe(7);
    expect(computeQuotaCapacity(0.28, 25, 'round')).toBe(7);
  });

  it('rounds half up with round', () => {
    expect(computeQuotaCapacity(0.25, 10, 'round')).toBe(3);
    expect(computeQuotaCapacity(0.25, 10, 'floor')).toBe(2);
    expect(computeQuotaCapacity(0.25, 10, 'ceil')).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { ExactRational } from './exact-rational.js';

const of = ExactRational.fromNumber;

describe('ExactRational', () => {
  it('reads numbers as the decimals they were written as', () => {
    expect(of(19.885).equals(ExactRational.of(19885n, 1000n))).toBe(true);
    expect(of(1e-7).equals(ExactRational.of(1n, 10_000_000n))).toBe(true);
    expect(of(-2.5e21).equals(ExactRational.of(-2_500_000_000_000_000_000_000n))).toBe(true);
  });

  it('rounds half away from zero, exactly', () => {
    expect(of(100).minus(of(19.885)).roundToUnits(2)).toBe(8012);
    expect(of(-0.125).roundToUnits(2)).toBe(-13);
    expect(of(-0.001).roundToUnits(2)).toBe(0);
    expect(of(1).dividedBy(3).plus(of(2).dividedBy(3)).dividedBy(8).roundToUnits(2)).toBe(13);
  });

  it('compares by value, not by representation', () => {
    expect(ExactRational.of(2n, 4n).equals(ExactRational.of(1n, 2n))).toBe(true);
    expect(of(0.1).plus(of(0.2)).equals(of(0.3))).toBe(true);
    expect(ExactRational.of(1n, -3n).lessThan(ExactRational.of(0n))).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogramOfCenti } from './histogram.js';

describe('histogramOfCenti', () => {
  it('bins values in round widths starting at a multiple of the width', () => {
    // −3.00 … 7.50 spans 1050 hundredths: at most 6 bins needs ≥ 175 → width 200 (2.00 points)
    expect(histogramOfCenti([-300, -100, 0, 0, 250, 750], 6)).toEqual([
      { fromCenti: -400, toCenti: -200, count: 1 },
      { fromCenti: -200, toCenti: 0, count: 1 },
      { fromCenti: 0, toCenti: 200, count: 2 },
      { fromCenti: 200, toCenti: 400, count: 1 },
      { fromCenti: 400, toCenti: 600, count: 0 },
      { fromCenti: 600, toCenti: 800, count: 1 },
    ]);
  });

  it('puts equal values in one bin and gives no bin without values', () => {
    expect(histogramOfCenti([200, 200, 200])).toEqual([{ fromCenti: 200, toCenti: 200, count: 3 }]);
    expect(histogramOfCenti([])).toEqual([]);
  });

  it('keeps a value on a bin edge in the bin it starts (no float drift: 0.1 + 0.2 is 30 hundredths)', () => {
    expect(histogramOfCenti([0, 30, 100], 11).find((b) => b.fromCenti === 30)?.count).toBe(1);
  });

  it('counts every value once, within at most maxBins bins that cover it', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -100_000, max: 100_000 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (values, maxBins) => {
      const bins = histogramOfCenti(values, maxBins);
      expect(bins.length).toBeLessThanOrEqual(maxBins);
      expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(values.length);
      for (const v of values) {
        const at = bins.findIndex((b, i) => v >= b.fromCenti && (v < b.toCenti || (i === bins.length - 1 && v <= b.toCenti)));
        expect(at).toBeGreaterThanOrEqual(0);
      }
    }));
  });
});

import { describe, expect, it } from 'vitest';
import { binLabel, groupKindOf, pointsHistogram } from './rankings.model';

describe('pointsHistogram', () => {
  it('puts every value in exactly one bin with round bounds', () => {
    const values = [-6, -3, -3, 0, 0, 0, 2, 4.5];
    const bins = pointsHistogram(values, 6);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(values.length);
    expect(bins[0]!.from).toBe(-6);
    for (const bin of bins) expect((bin.to - bin.from) * 100 % 100).toBe(0);
    expect(bins.length).toBeLessThanOrEqual(7);
  });

  it('keeps equal values in one bin', () => {
    expect(pointsHistogram([2, 2, 2])).toEqual([{ from: 2, to: 2, count: 3 }]);
    expect(binLabel({ from: 2, to: 2, count: 3 })).toBe('+2');
    expect(pointsHistogram([])).toEqual([]);
  });
});

it('reads the kind of a ranking group', () => {
  expect(groupKindOf('all')).toBe('all');
  expect(groupKindOf('category:3')).toBe('category');
  expect(groupKindOf('unit:12')).toBe('unit');
});

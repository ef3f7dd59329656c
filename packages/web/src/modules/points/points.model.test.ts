import { describe, expect, it } from 'vitest';
import { binLabel, defaultMonth, deltaWithinBounds, eventDelta, groupKindOf, hasAtMostTwoDecimals, indicatorName, latestRedBlackList, monthsOfPeriod, parseLedgerExplain, pointsHistogram } from './points.model';
import { defaultPeriod } from '../periods/periods.model';

describe('point input', () => {
  it('accepts at most two decimals', () => {
    expect(hasAtMostTwoDecimals(1.25)).toBe(true);
    expect(hasAtMostTwoDecimals(0.1 + 0.2)).toBe(true);
    expect(hasAtMostTwoDecimals(1.255)).toBe(false);
  });

  it('multiplies a per-occurrence delta by the occurrences, exactly', () => {
    expect(eventDelta({ perOccurrence: true }, -0.1, 3)).toBe(-0.3);
    expect(eventDelta({ perOccurrence: false }, -3, 4)).toBe(-3);
  });

  it("checks the rule's bounds in hundredths", () => {
    expect(deltaWithinBounds({ minDelta: -5, maxDelta: -1 }, -5)).toBe(true);
    expect(deltaWithinBounds({ minDelta: -5, maxDelta: -1 }, -0.99)).toBe(false);
  });
});

describe('periods', () => {
  it('lists the months of a period that have begun, latest first', () => {
    expect(monthsOfPeriod({ startsOn: '2026-01-01', endsOn: '2026-03-31' }, '2026-02-10')).toEqual(['2026-02', '2026-01']);
    expect(monthsOfPeriod({ startsOn: '2025-10-01', endsOn: '2025-12-31' }, '2026-05-01')).toEqual(['2025-12', '2025-11', '2025-10']);
  });

  it('starts the red/black page on the latest month that has ended', () => {
    expect(defaultMonth(['2026-11', '2026-10'], '2026-11-23')).toBe('2026-10');
    expect(defaultMonth(['2026-11'], '2026-11-23')).toBe('2026-11');
    expect(defaultMonth([], '2026-11-23')).toBeNull();
  });

  it('starts on the open period, else the latest', () => {
    const periods = [
      { id: 1, state: 'closed' as const, startsOn: '2025-10-01' },
      { id: 2, state: 'open' as const, startsOn: '2026-01-01' },
      { id: 3, state: 'draft' as const, startsOn: '2026-04-01' },
    ];
    expect(defaultPeriod(periods)?.id).toBe(2);
    expect(defaultPeriod(periods.filter((p) => p.id !== 2))?.id).toBe(1);
    expect(defaultPeriod([])).toBeNull();
  });
});

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

describe('parseLedgerExplain', () => {
  it('reads the engine’s explanation of a ledger indicator', () => {
    expect(parseLedgerExplain('style: base 30 + Σ delta -2 (1 event) = 28, within [0, 30] → 28')).toEqual({
      base: 30, sum: -2, count: 1, balance: 28, bound: 'within', min: '0', max: '30', score: '28',
    });
    expect(parseLedgerExplain('commendation: base 0 + Σ delta 12.5 (5 events) = 12.5, capped at 10 → 10')).toMatchObject({ bound: 'capped', max: '10', balance: 12.5 });
    expect(parseLedgerExplain('x: base 0 + Σ delta -3 (2 events) = -3, raised to 0 → 0')).toMatchObject({ bound: 'raised', min: '0', max: null });
    expect(parseLedgerExplain('x: base 0 + Σ delta 3 (2 events) = 3, within [0, ∞] → 3')).toMatchObject({ max: '∞' });
  });

  it('leaves any other text alone', () => {
    expect(parseLedgerExplain('quality: 87 of 100')).toBeNull();
  });
});

describe('latestRedBlackList', () => {
  it('picks the latest month, the list of 全部 first', () => {
    const lists = [
      { id: 1, month: '2026-09', group: { key: 'all', name: '全部' } },
      { id: 3, month: '2026-10', group: { key: 'unit:4', name: '金沙派出所' } },
      { id: 2, month: '2026-10', group: { key: 'all', name: '全部' } },
    ];
    expect(latestRedBlackList(lists)?.id).toBe(2);
    expect(latestRedBlackList([])).toBeNull();
  });
});

describe('indicatorName', () => {
  it('names an indicator by its scheme, else by its id', () => {
    const scheme = { definition: { indicators: [{ id: 'style', name: '执法作风', method: 'ledger' }] } } as unknown as Parameters<typeof indicatorName>[0];
    expect(indicatorName(scheme, 'style')).toBe('执法作风');
    expect(indicatorName(scheme, 'quality')).toBe('quality');
    expect(indicatorName(null, 'style')).toBe('style');
  });
});

import { describe, expect, it } from 'vitest';
import { deltaWithinBounds, eventDelta, hasAtMostTwoDecimals, indicatorName, parseLedgerExplain } from './points.model';

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

describe('indicatorName', () => {
  it('names an indicator by its scheme, else by its id', () => {
    const scheme = { definition: { indicators: [{ id: 'style', name: '执法作风', method: 'ledger' }] } } as unknown as Parameters<typeof indicatorName>[0];
    expect(indicatorName(scheme, 'style')).toBe('执法作风');
    expect(indicatorName(scheme, 'quality')).toBe('quality');
    expect(indicatorName(null, 'style')).toBe('style');
  });
});

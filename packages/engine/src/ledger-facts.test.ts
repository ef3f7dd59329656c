import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { ledgerFactsOfEvents, ledgerFactsOfMovements, ledgerFactsOfSums, ledgerIndicatorIds, pointsOfCenti } from './ledger-facts.js';
import type { Scheme } from './scenario.types.js';
import { ROUTINE_GRADES } from './testing/scenario-builders.js';

const scheme: Scheme = {
  grades: ROUTINE_GRADES,
  indicators: [
    { id: 'style', method: 'ledger', weight: 50 },
    { id: 'review', method: 'rating', weight: 50, raterGroups: { leader: 1 } },
    { id: 'bonus', method: 'ledger', extra: true, base: 0, min: 0, max: 5 },
  ],
};

describe('ledgerIndicatorIds', () => {
  it('lists the ledger indicators in the scheme order', () => {
    expect(ledgerIndicatorIds(scheme)).toEqual(['style', 'bonus']);
  });

  it('reads an unvalidated definition: no indicators, or indicators without a string id, give nothing', () => {
    expect(ledgerIndicatorIds({})).toEqual([]);
    expect(ledgerIndicatorIds({ indicators: [{ method: 'ledger' }, { id: 7, method: 'ledger' }, { id: 'x', method: 'target' }] })).toEqual([]);
  });
});

describe('pointsOfCenti', () => {
  it.each([
    [-300, -3],
    [150, 1.5],
    [29, 0.29],
    [0, 0],
    [-1, -0.01],
  ])('%i hundredths are %d points', (centi, points) => {
    expect(pointsOfCenti(centi)).toBe(points);
  });
});

describe('ledgerFactsOfSums', () => {
  it('gives one delta fact per non-zero sum of a ledger indicator; other indicators and zero sums give none', () => {
    const sums = [
      { subject: '1', indicator: 'style', centi: -250 },
      { subject: '1', indicator: 'review', centi: 300 },
      { subject: '2', indicator: 'style', centi: 0 },
      { subject: '2', indicator: 'bonus', centi: 150 },
    ];
    expect(ledgerFactsOfSums(scheme, sums)).toEqual([
      { subject: '1', indicator: 'style', delta: -2.5 },
      { subject: '2', indicator: 'bonus', delta: 1.5 },
    ]);
  });

  it('takes the ledger indicators as a scheme or as a set of ids alike', () => {
    const sums = [{ subject: '1', indicator: 'style', centi: -100 }];
    expect(ledgerFactsOfSums(new Set(['style']), sums)).toEqual(ledgerFactsOfSums(scheme, sums));
  });
});

describe('ledgerFactsOfMovements', () => {
  it('gives one delta fact per movement of a ledger indicator, zero or not', () => {
    const movements = [
      { subject: '1', indicator: 'style', centi: -100 },
      { subject: '1', indicator: 'style', centi: 0 },
      { subject: '1', indicator: 'review', centi: 100 },
    ];
    expect(ledgerFactsOfMovements(scheme, movements)).toEqual([
      { subject: '1', indicator: 'style', delta: -1 },
      { subject: '1', indicator: 'style', delta: 0 },
    ]);
  });
});

describe('ledgerFactsOfEvents', () => {
  it('names the event behind each fact and notes its date and evidence', () => {
    const events = [
      { subject: 'p7', indicator: 'style', centi: -200, eventId: 41, occurredOn: '2026-02-03', evidenceText: '通报批评' },
      { subject: 'p7', indicator: 'review', centi: 100, eventId: 42, occurredOn: '2026-02-04', evidenceText: '不是台账指标' },
    ];
    expect(ledgerFactsOfEvents(scheme, events)).toEqual([
      { subject: 'p7', indicator: 'style', id: 'event:41', delta: -2, note: '2026-02-03 通报批评' },
    ]);
  });
});

describe('the three forms agree', () => {
  it('scores a subject the same from its movements, its events and their sums', () => {
    const movement = fc.record({
      subject: fc.constantFrom('a', 'b', 'c'),
      indicator: fc.constantFrom('style', 'review', 'bonus'),
      centi: fc.integer({ min: -5000, max: 5000 }),
    });
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 30 }), (movements) => {
        const sums = new Map<string, { subject: string; indicator: string; centi: number }>();
        for (const m of movements) {
          const key = `${m.subject}/${m.indicator}`;
          const sum = sums.get(key) ?? { subject: m.subject, indicator: m.indicator, centi: 0 };
          sums.set(key, { ...sum, centi: sum.centi + m.centi });
        }
        const events = movements.map((m, i) => ({ ...m, eventId: i + 1, occurredOn: '2026-01-01', evidenceText: '' }));
        const totalsOf = (facts: ReturnType<typeof ledgerFactsOfSums>) =>
          evaluate({ scheme, subjects: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], facts }).results.map((r) => [r.subject, r.total]);
        const fromSums = totalsOf(ledgerFactsOfSums(scheme, sums.values()));
        expect(totalsOf(ledgerFactsOfMovements(scheme, movements))).toEqual(fromSums);
        expect(totalsOf(ledgerFactsOfEvents(scheme, events))).toEqual(fromSums);
      }),
      { numRuns: 60 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { findConsecutiveLaggards, type PeriodStanding } from './consecutive-laggards.js';

function standing(period: string, ranks: Record<string, [string, number]>): PeriodStanding {
  return { period, results: Object.entries(ranks).map(([subject, [group, groupRank]]) => ({ subject, group, groupRank })) };
}

describe('findConsecutiveLaggards', () => {
  const history = [
    standing('Q1', { a: ['u1', 1], b: ['u1', 2], c: ['u1', 3], x: ['u2', 1], y: ['u2', 2] }),
    standing('Q2', { a: ['u1', 1], b: ['u1', 3], c: ['u1', 3], x: ['u2', 2], y: ['u2', 1] }),
    standing('Q3', { a: ['u1', 1], b: ['u1', 2], c: ['u1', 3], x: ['u2', 2], y: ['u2', 1] }),
  ];

  it('puts on the warning-talk list whoever was last in the group in the latest two closed periods', () => {
    expect(findConsecutiveLaggards(history)).toEqual([
      { subject: 'c', group: 'u1', periods: ['Q2', 'Q3'] },
      { subject: 'x', group: 'u2', periods: ['Q2', 'Q3'] },
    ]);
  });

  it('counts everyone tied for last as last, and needs m periods in a row', () => {
    expect(findConsecutiveLaggards(history, { periods: 3 })).toEqual([{ subject: 'c', group: 'u1', periods: ['Q1', 'Q2', 'Q3'] }]);
    expect(findConsecutiveLaggards(history.slice(0, 2))).toEqual([{ subject: 'c', group: 'u1', periods: ['Q1', 'Q2'] }]);
  });

  it('finds no laggard in a group where nobody is ahead', () => {
    const alone = [standing('Q1', { solo: ['u9', 1], t1: ['u8', 1], t2: ['u8', 1] }), standing('Q2', { solo: ['u9', 1], t1: ['u8', 1], t2: ['u8', 1] })];
    expect(findConsecutiveLaggards(alone)).toEqual([]);
  });
});

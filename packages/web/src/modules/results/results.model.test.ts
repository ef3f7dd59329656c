import { describe, expect, it } from 'vitest';
import { parseRatingExplain, quotaCells, splitExplain, tiesByGroup } from './results.model';

describe('flags and quotas', () => {
  it('marks a grade full when its seats are used, and the grades a tied block was kept out of', () => {
    const cells = quotaCells(
      {
        grades: [
          { name: '好', quota: 0.4, capacity: 4, used: 4 },
          { name: '较好', quota: 0.3, capacity: 3, used: 1 },
          { name: '一般', quota: null, capacity: null, used: 5 },
        ],
      },
      new Set(['较好']),
    );
    expect(cells.map((c) => [c.name, c.full, c.tie, c.percent])).toEqual([
      ['好', true, false, 100],
      ['较好', false, true, 33],
      ['一般', false, false, 0],
    ]);
  });

  it('treats a grade without seats as full', () => {
    expect(quotaCells({ grades: [{ name: '好', quota: 0.4, capacity: 0, used: 0 }] }, new Set())[0]).toMatchObject({ full: true, percent: 100 });
  });

  it('collects the tied grades per group', () => {
    const group = { key: 'unit:3', name: '川姜镇' };
    const map = tiesByGroup([
      { total: 90, grade: '较好', groupRank: 1, group, flags: ['quota-tie:好'] },
      { total: 90, grade: '较好', groupRank: 1, group, flags: ['quota-tie:好'] },
      null,
    ]);
    expect([...(map.get('unit:3') ?? [])]).toEqual(['好']);
  });
});

describe('deadlines and explanations', () => {
  it('splits an explain line at its indicator', () => {
    expect(splitExplain('review: leader 92 (1 ballot, weight 1) → 50 × 92/100 = 46')).toEqual({
      indicator: 'review',
      text: 'leader 92 (1 ballot, weight 1) → 50 × 92/100 = 46',
    });
    expect(splitExplain('no indicator here')).toEqual({ indicator: null, text: 'no indicator here' });
  });
});

describe('parseRatingExplain', () => {
  it('reads a leader rating', () => {
    expect(parseRatingExplain('key_work: leader 91 (1 ballot, weight 1) → weighted mean over 1 = 91 → 40 × 91/100 = 36.4')).toEqual({
      groups: [{ group: 'leader', mean: '91', ballots: 1, weight: '1' }],
      mean: '91',
      weight: '40',
      score: '36.4',
    });
  });

  it('reads several rater groups, one of them without ballots', () => {
    const e = parseRatingExplain('review: leader 92.5 (2 ballots, weight 0.5); peer no ballots (weight 0.3 dropped) → weighted mean over 0.5 = 92.5 → 50 × 92.5/100 = 46.25');
    expect(e).toMatchObject({ groups: [{ group: 'leader', ballots: 2 }, { group: 'peer', mean: null, ballots: 0, weight: '0.3' }], score: '46.25' });
  });

  it('knows an unrated indicator and leaves other lines alone', () => {
    expect(parseRatingExplain('review: no ratings → 0 (no-rating)')).toBe('none');
    expect(parseRatingExplain('style: base 10 + Σ delta 0 (0 events) = 10, within [0, 10] → 10')).toBeNull();
  });
});

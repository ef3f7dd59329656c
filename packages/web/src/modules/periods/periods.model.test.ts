import { describe, expect, it } from 'vitest';
import {
  defaultPeriod,
  editablePeriodFields,
  isDeadlineBeforeStart,
  knownPeriodDetail,
  periodEditValuesOf,
  periodInputOf,
  periodPatchOf,
  periodRange,
  periodRangeLabel,
  tierPeriodsOf,
} from './periods.model';

describe('periods', () => {
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

  it.each([
    ['month', 2026, 2, '2026-02-01', '2026-02-28', '2026年2月'],
    ['month', 2028, 2, '2028-02-01', '2028-02-29', '2028年2月'],
    ['quarter', 2026, 4, '2026-10-01', '2026-12-31', '2026年第4季度'],
    ['half_year', 2026, 2, '2026-07-01', '2026-12-31', '2026年下半年'],
    ['year', 2026, 1, '2026-01-01', '2026-12-31', '2026年度'],
  ] as const)('quick-picks a %s of %i (#%i)', (kind, year, index, startsOn, endsOn, label) => {
    const range = periodRange(kind, year, index);
    expect(range).toEqual({ kind, startsOn, endsOn });
    expect(periodRangeLabel(range, 'zh-CN')).toBe(label);
  });

  it('sends the optional deadlines and scope only when set', () => {
    const base = { name: ' 2026年第1季度 ', kind: 'quarter' as const, startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: 1 };
    expect(periodInputOf({ ...base, scopeUnitId: null, summaryDueOn: null, reviewDueOn: '', publicityDays: 5 })).toEqual({ ...base, name: '2026年第1季度', publicityDays: 5 });
    expect(periodInputOf({ ...base, scopeUnitId: '17', summaryDueOn: '2026-04-05' })).toEqual({ ...base, name: '2026年第1季度', scopeUnitId: 17, summaryDueOn: '2026-04-05' });
  });

  it('sends the tier period only when one is chosen', () => {
    const base = { name: 'Q1', kind: 'quarter' as const, startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: 1 };
    expect(periodInputOf({ ...base, tierPeriodId: 7 })).toEqual({ ...base, tierPeriodId: 7 });
    expect(periodInputOf({ ...base, tierPeriodId: null })).toEqual(base);
  });

  describe('tier periods (考用结合)', () => {
    const schemes = [
      { id: 1, subjectKind: 'person' as const },
      { id: 2, subjectKind: 'unit' as const },
      { id: 3, subjectKind: 'unit' as const },
    ];
    const periods = [
      { id: 10, name: '2026年第1季度平时考核', schemeId: 1, startsOn: '2026-01-01' },
      { id: 11, name: '2025年度镇街综合考核', schemeId: 2, startsOn: '2025-01-01' },
      { id: 12, name: '2026年一季度镇街考核', schemeId: 3, startsOn: '2026-01-01' },
      { id: 13, name: '未知方案的周期', schemeId: 99, startsOn: '2026-04-01' },
    ];

    it('offers the periods of unit schemes, the latest first', () => {
      expect(tierPeriodsOf(periods, schemes).map((p) => p.id)).toEqual([12, 11]);
    });

    it('never offers a period as its own tier period', () => {
      expect(tierPeriodsOf(periods, schemes, 12).map((p) => p.id)).toEqual([11]);
    });

    it('offers nothing while the schemes are unknown', () => {
      expect(tierPeriodsOf(periods, [])).toEqual([]);
    });
  });

  describe('editing a period', () => {
    const period = { state: 'open' as const, name: '2026年第2季度', startsOn: '2026-04-01', summaryDueOn: '2026-07-03', reviewDueOn: null, publicityDays: 5 };
    const values = periodEditValuesOf(period);

    it.each([
      ['draft', ['name', 'summaryDueOn', 'reviewDueOn', 'publicityDays', 'tierPeriodId']],
      ['open', ['name', 'summaryDueOn', 'reviewDueOn', 'publicityDays', 'tierPeriodId']],
      ['reviewing', ['name', 'summaryDueOn', 'reviewDueOn', 'publicityDays', 'tierPeriodId']],
      ['publicity', ['name', 'summaryDueOn', 'reviewDueOn']],
      ['closed', []],
    ] as const)('lets the admin change in state %s: %j', (state, fields) => {
      expect(editablePeriodFields(state)).toEqual(fields);
    });

    it('starts from the period as it is', () => {
      expect(values).toEqual({ name: '2026年第2季度', summaryDueOn: '2026-07-03', reviewDueOn: null, publicityDays: 5, tierPeriodId: null });
      expect(periodEditValuesOf({ name: 'x', publicityDays: 0, tierPeriod: { id: 4 } })).toEqual({ name: 'x', summaryDueOn: null, reviewDueOn: null, publicityDays: 0, tierPeriodId: 4 });
    });

    it('sends nothing when nothing changed', () => {
      expect(periodPatchOf(period, values)).toEqual({});
      // a name differing only in surrounding blanks is the same name
      expect(periodPatchOf(period, { ...values, name: ' 2026年第2季度 ' })).toEqual({});
    });

    it('sends only the changed fields, a cleared deadline as null', () => {
      expect(periodPatchOf(period, { ...values, reviewDueOn: '2026-07-08' })).toEqual({ reviewDueOn: '2026-07-08' });
      expect(periodPatchOf(period, { ...values, summaryDueOn: null, publicityDays: 7, name: ' Q2 ' })).toEqual({ name: 'Q2', summaryDueOn: null, publicityDays: 7 });
      expect(periodPatchOf(period, { ...values, summaryDueOn: '' as unknown as null })).toEqual({ summaryDueOn: null });
    });

    it('leaves a blank name or blank days alone rather than sending what the server refuses', () => {
      expect(periodPatchOf(period, { ...values, name: '   ', publicityDays: null })).toEqual({});
    });

    it('never sends the publicity days once the window is fixed, nor anything for a closed period', () => {
      expect(periodPatchOf({ ...period, state: 'publicity' }, { ...values, publicityDays: 9, reviewDueOn: '2026-07-10' })).toEqual({ reviewDueOn: '2026-07-10' });
      expect(periodPatchOf({ ...period, state: 'closed' }, { ...values, name: '改名', publicityDays: 9 })).toEqual({});
    });

    it('sends the tier period only when it changed, a cleared one as null', () => {
      const tiered = { ...period, tierPeriod: { id: 4, name: '2026年一季度镇街考核' } };
      const start = periodEditValuesOf(tiered);
      expect(periodPatchOf(tiered, start)).toEqual({});
      expect(periodPatchOf(tiered, { ...start, tierPeriodId: 9 })).toEqual({ tierPeriodId: 9 });
      expect(periodPatchOf(tiered, { ...start, tierPeriodId: null })).toEqual({ tierPeriodId: null });
      expect(periodPatchOf(period, { ...values, tierPeriodId: 4 })).toEqual({ tierPeriodId: 4 });
    });

    it('never sends the tier period once the period is in publicity (the published seats are fixed)', () => {
      expect(periodPatchOf({ ...period, state: 'publicity' }, { ...values, tierPeriodId: 4 })).toEqual({});
    });

    it('refuses a deadline before the period starts, as the server does', () => {
      expect(isDeadlineBeforeStart('2026-03-31', '2026-04-01')).toBe(true);
      expect(isDeadlineBeforeStart('2026-04-01', '2026-04-01')).toBe(false);
      expect(isDeadlineBeforeStart('2026-08-01', '2026-04-01')).toBe(false);
      expect(isDeadlineBeforeStart(null, '2026-04-01')).toBe(false);
    });

    it('reads the server field messages of a period as message keys, leaving others as they come', () => {
      expect(knownPeriodDetail('must not be before the period starts (2026-10-01)')).toEqual({ key: 'beforeStart', date: '2026-10-01' });
      expect(knownPeriodDetail('is not a date')).toEqual({ key: 'notDate' });
      expect(knownPeriodDetail('publicityDays can change only before publicity')).toEqual({ key: 'publicityFixed' });
      expect(knownPeriodDetail('the unit tiers can change only before publicity')).toEqual({ key: 'tierFixed' });
      expect(knownPeriodDetail('unknown period 999999')).toEqual({ key: 'tierUnknown' });
      expect(knownPeriodDetail('period 3 does not assess units: its grades are no unit tiers')).toEqual({ key: 'tierNotUnit' });
      expect(knownPeriodDetail('must NOT have fewer than 1 characters')).toBeNull();
    });
  });
});

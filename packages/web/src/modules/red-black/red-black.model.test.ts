import { describe, expect, it } from 'vitest';
import { defaultMonth, latestRedBlackList, monthsOfPeriod } from './red-black.model';

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

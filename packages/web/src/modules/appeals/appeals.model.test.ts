import { describe, expect, it } from 'vitest';
import type { Appeal, AppealChange } from '@baton/contract/appeals';
import {
  actorName,
  appealBlock,
  appealStatusOf,
  changeLine,
  checkText,
  describeChanges,
  diffResults,
  mayAppeal,
  mayRateRow,
  ownAppeals,
  REASON_MAX,
  splitRankOnly,
} from './appeals.model';

const period = { id: 7, name: '2026年第四季度平时考核', state: 'publicity' as const, publicityEndsOn: '2026-12-11', resultVersion: 1 };

function appeal(over: Partial<Appeal> = {}): Appeal {
  return {
    id: 1,
    period,
    person: { id: 42, name: '李明', unitId: 3, unitName: '金沙派出所' },
    status: 'pending',
    reason: '本季度的重点工作评分漏计了专项检查',
    resultVersion: 1,
    result: { total: 88, grade: '较好', groupRank: 2 },
    attachments: [],
    submittedBy: 'cy_member',
    submittedAt: '2026-12-03T02:00:00.000Z',
    decision: null,
    can: { withdraw: true, attach: true, decide: false, reRate: false },
    ...over,
  };
}

const fmt = (n: number) => String(n);

describe('who may still appeal', () => {
  const base = { period, today: '2026-12-05', personId: 42, appeals: [] as Appeal[] };

  it('lets a person appeal his own result while the period is in publicity and no appeal of his is pending', () => {
    expect(appealBlock(base)).toBeNull();
    expect(mayAppeal(base)).toBe(true);
  });

  it('still accepts an appeal on the last day of the publicity window (Shanghai date), not the day after', () => {
    expect(appealBlock({ ...base, today: '2026-12-11' })).toBeNull();
    expect(appealBlock({ ...base, today: '2026-12-12' })).toBe('windowClosed');
  });

  it('refuses outside publicity, whatever the date', () => {
    for (const state of ['draft', 'open', 'reviewing', 'closed']) expect(appealBlock({ ...base, period: { ...period, state } })).toBe('state');
  });

  it('allows one pending appeal of a period at a time; a decided or withdrawn one does not block a new one', () => {
    expect(appealBlock({ ...base, appeals: [appeal()] })).toBe('pending');
    for (const status of ['accepted', 'rejected', 'withdrawn'] as const) expect(appealBlock({ ...base, appeals: [appeal({ status })] })).toBeNull();
  });

  it("does not count someone else's pending appeal, nor one of another period", () => {
    expect(appealBlock({ ...base, appeals: [appeal({ person: { id: 43, name: '王强', unitId: 3, unitName: '金沙派出所' } })] })).toBeNull();
    expect(appealBlock({ ...base, appeals: [appeal({ period: { ...period, id: 8 } })] })).toBeNull();
  });

  it('has no window end to check when the period has no publicity days', () => {
    expect(appealBlock({ ...base, today: '2030-01-01', period: { ...period, publicityEndsOn: null } })).toBeNull();
  });
});

describe('the appeals of one person', () => {
  it('keeps his appeals of the period, newest first', () => {
    const list = [
      appeal({ id: 1, submittedAt: '2026-12-01T01:00:00Z', status: 'withdrawn' }),
      appeal({ id: 2, person: { id: 43, name: '王强', unitId: 3, unitName: '金沙派出所' } }),
      appeal({ id: 3, submittedAt: '2026-12-04T01:00:00Z' }),
      appeal({ id: 4, period: { ...period, id: 8 } }),
    ];
    expect(ownAppeals(list, 42, 7).map((a) => a.id)).toEqual([3, 1]);
  });
});

describe('re-rating during publicity (复核)', () => {
  it('rates anyone in review until the deadline, and in publicity only the people with a pending appeal', () => {
    expect(mayRateRow({ state: 'reviewing', reviewWindowClosed: false, appealPending: false })).toBe(true);
    expect(mayRateRow({ state: 'reviewing', reviewWindowClosed: true, appealPending: false })).toBe(false);
    expect(mayRateRow({ state: 'publicity', reviewWindowClosed: true, appealPending: true })).toBe(true);
    expect(mayRateRow({ state: 'publicity', reviewWindowClosed: false, appealPending: false })).toBe(false);
    expect(mayRateRow({ state: 'closed', reviewWindowClosed: false, appealPending: true })).toBe(false);
  });
});

describe('reason and note texts', () => {
  it('needs 1–2 000 characters once trimmed', () => {
    expect(checkText('  ', REASON_MAX)).toBe('empty');
    expect(checkText(undefined, REASON_MAX)).toBe('empty');
    expect(checkText('漏计', REASON_MAX)).toBeNull();
    expect(checkText(`  ${'字'.repeat(REASON_MAX)}  `, REASON_MAX)).toBeNull();
    expect(checkText('字'.repeat(REASON_MAX + 1), REASON_MAX)).toBe('tooLong');
  });
});

describe('statuses, ids and names', () => {
  it('reads only known statuses and positive ids from the address', () => {
    expect(appealStatusOf('pending')).toBe('pending');
    expect(appealStatusOf('PENDING')).toBeNull();
    expect(appealStatusOf(null)).toBeNull();
  });

  it('names an actor by the name the server sends, else a dash', () => {
    expect(actorName('cy_member')).toBe('cy_member');
    expect(actorName(null)).toBe('—');
  });
});

describe('what an accepted appeal changed', () => {
  it('lists only the fields that moved, with the total formatted', () => {
    expect(diffResults({ total: 88, grade: '较好', groupRank: 2 }, { total: 92.5, grade: '好', groupRank: 2 }, (n) => `${n}分`)).toEqual([
      { field: 'total', before: '88分', after: '92.5分' },
      { field: 'grade', before: '较好', after: '好' },
    ]);
    expect(diffResults({ total: 90, grade: '好', groupRank: 1 }, { total: 90, grade: '好', groupRank: 1 }, fmt)).toEqual([]);
  });

  it('puts the appellant first and says who entered or left the results', () => {
    const changes: AppealChange[] = [
      { personId: 43, name: '王强', unitId: 3, before: { total: 85, grade: '好', groupRank: 1 }, after: { total: 85, grade: '较好', groupRank: 2 } },
      { personId: 42, name: '李明', unitId: 3, before: { total: 88, grade: '较好', groupRank: 2 }, after: { total: 92, grade: '好', groupRank: 1 } },
      { personId: 44, name: '张三', unitId: 3, before: null, after: { total: 70, grade: '一般', groupRank: 3 } },
    ];
    const views = describeChanges(changes, fmt, 42);
    expect(views.map((v) => [v.name, v.kind])).toEqual([
      ['李明', 'changed'],
      ['王强', 'changed'],
      ['张三', 'entered'],
    ]);
    const label = (f: string) => ({ total: '总分', grade: '等次', groupRank: '组内名次' })[f] ?? f;
    expect(changeLine(views[0]!, label)).toBe('总分 88 → 92；等次 较好 → 好；组内名次 2 → 1');
    expect(changeLine(views[1]!, label)).toBe('等次 好 → 较好；组内名次 1 → 2');
    expect(changeLine(views[2]!, label)).toBe('总分 — → 70；等次 — → 一般；组内名次 — → 3');
    expect(describeChanges([{ personId: 45, name: '赵六', before: { total: 60, grade: '一般', groupRank: 4 }, after: null }], fmt)[0]!.kind).toBe('left');
  });

  it('reads first whose total or grade moved; those only passed in rank come after', () => {
    const views = describeChanges(
      [
        { personId: 42, name: '李明', before: { total: 10, grade: '较差', groupRank: 182 }, after: { total: 91.4, grade: '好', groupRank: 14 } },
        { personId: 43, name: '王强', before: { total: 85, grade: '较好', groupRank: 14 }, after: { total: 85, grade: '较好', groupRank: 15 } },
        { personId: 44, name: '张三', before: { total: 90, grade: '好', groupRank: 13 }, after: { total: 90, grade: '较好', groupRank: 14 } },
      ],
      fmt,
      42,
    );
    const { major, rankOnly } = splitRankOnly(views);
    expect(major.map((v) => v.name)).toEqual(['李明', '张三']);
    expect(rankOnly.map((v) => v.name)).toEqual(['王强']);
  });
});

import { describe, expect, it } from 'vitest';
import { composeSummaryPrefill } from './summary-prefill.js';

const period = { name: '2026年第一季度', startsOn: '2026-01-01', endsOn: '2026-03-31' };
const empty = {
  entries: 0, byKind: { routine: 0, key_task: 0, dynamic_task: 0 }, indicators: [], minutes: 0, daysLogged: 0, workingDays: 0, missedDays: [], lateEntries: 0, comments: [],
};
const comment = (i: number) => ({
  id: i, logId: i, logDate: `2026-02-${String(i).padStart(2, '0')}`, author: { accountId: 9, name: '陈镇长' }, content: `点评${i}`, createdAt: '2026-02-10T01:00:00Z',
});

describe('the personal summary prefill', () => {
  it('says plainly that nothing was logged, linked, commented or missed', () => {
    const text = composeSummaryPrefill(period, empty);
    expect(text.split('\n')).toEqual([
      '2026年第一季度个人小结（2026-01-01 至 2026-03-31）',
      '',
      '一、工作纪实：本期尚未记录工作纪实。',
      '二、关联指标：本期工作纪实未关联考核指标。',
      '三、领导点评：本期暂无领导点评。',
      '四、填报情况：截至目前应填报工作日 0 天，无漏报。',
      '',
      '五、主要成效、存在不足和下步打算：',
      '（请在此补充）',
    ]);
  });

  it('counts entries by kind, names linked indicators, quotes the latest comments and lists the first missed days', () => {
    const text = composeSummaryPrefill(period, {
      ...empty,
      entries: 12, byKind: { routine: 9, key_task: 3, dynamic_task: 0 }, minutes: 630, daysLogged: 10, lateEntries: 2,
      indicators: [{ indicator: 'routine:duty', name: '履职尽责', entries: 5, minutes: 300 }, { indicator: 'unknown_code', name: null, entries: 1, minutes: 0 }],
      workingDays: 40, missedDays: Array.from({ length: 12 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`),
      comments: Array.from({ length: 7 }, (_, i) => comment(i + 1)),
    });
    expect(text).toContain('共记录工作纪实 12 条（日常工作 9 条、重点任务 3 条），填报 10 天，累计用时约 10.5 小时，其中补报 2 条。');
    expect(text).toContain('二、关联指标：履职尽责 5 条，unknown_code 1 条。');
    expect(text).toContain('三、领导点评：共 7 条。');
    expect(text).not.toContain('点评2”');
    expect(text).toContain('2月7日，陈镇长：“点评7”');
    expect(text).toContain('（另有 2 条点评未列出）');
    expect(text).toContain('漏报 12 天（3月1日、3月2日、3月3日、3月4日、3月5日、3月6日、3月7日、3月8日、3月9日、3月10日等）');
  });
});

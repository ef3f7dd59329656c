import { describe, expect, it } from 'vitest';
import type { ReportCardIndicator } from '@baton/contract/report-cards';
import { buildTrendOption, explainText, groupIndicatorsBySection, rankOf, totalExplainText } from './report-cards.model';

const indicator = (id: string, section: string | null, extra = false): ReportCardIndicator => ({
  id, name: id, kind: null, method: extra ? 'ledger' : 'rating', section, extra, weight: 10, score: 5, raw: null, explain: `${id}: base 10 → 5`,
});

describe('report card model', () => {
  it('puts indicators under their sections in the scheme order, extras and vetoes last', () => {
    const blocks = groupIndicatorsBySection({
      sections: [{ id: 'process', weight: 0.4, score: 90 }, { id: 'result', weight: 0.6, score: 80 }],
      indicators: [indicator('a', 'result'), indicator('bonus', null, true), indicator('b', 'process'), indicator('c', 'result')],
    });
    expect(blocks.map((b) => [b.section?.id ?? null, b.indicators.map((i) => i.id)])).toEqual([
      ['process', ['b']],
      ['result', ['a', 'c']],
      [null, ['bonus']],
    ]);
  });

  it('drops the indicator and total prefixes of the explanation lines', () => {
    expect(explainText(indicator('review', 'main'))).toBe('base 10 → 5');
    expect(explainText({ id: 'x', explain: 'other: 1' })).toBe('other: 1');
    expect(explainText({ id: 'x', explain: null })).toBe('');
    expect(totalExplainText('total: 0.4 × process 97 + 0.6 × result 92 = 94')).toBe('0.4 × process 97 + 0.6 × result 92 = 94');
    expect(totalExplainText(null)).toBe('');
  });

  it('says ranks out of the group', () => {
    expect(rankOf({ groupRank: 2, groupSize: 12 })).toBe('2/12');
  });

  it('labels every trend point with its total and grade and marks the period on the card', () => {
    const option = buildTrendOption(
      [{ periodId: 1, periodName: 'Q1', endsOn: '2026-03-31', total: 94, grade: '好' }, { periodId: 2, periodName: 'Q2', endsOn: '2026-06-30', total: 88.5, grade: '较好' }],
      2,
      (n) => String(n),
    ) as { animation: boolean; xAxis: { data: string[] }; yAxis: { min: number; max: number }; series: { data: { value: number; symbolSize: number; label: { formatter: string } }[] }[] };
    expect(option.animation).toBe(false);
    expect(option.xAxis.data).toEqual(['Q1', 'Q2']);
    expect(option.series[0]!.data.map((d) => [d.value, d.label.formatter, d.symbolSize])).toEqual([[94, '94 好', 7], [88.5, '88.5 较好', 12]]);
    // The axis is rounded to tens around the totals and stops at 100.
    expect([option.yAxis.min, option.yAxis.max]).toEqual([80, 100]);
  });
});

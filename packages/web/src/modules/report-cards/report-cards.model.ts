import type { ReportCard, ReportCardIndicator, ReportCardTrendPoint } from '@baton/contract/report-cards';
import type { Id } from '../../shared/params';

export interface SectionBlock {
  /** null: the extra indicators and vetoes (in no section; DESIGN §3.2 "add straight to the total"). */
  section: ReportCard['sections'][number] | null;
  indicators: ReportCardIndicator[];
}

/** The card's indicators under their sections, in the scheme's order; extras and vetoes last. */
export function groupIndicatorsBySection(card: Pick<ReportCard, 'sections' | 'indicators'>): SectionBlock[] {
  const blocks: SectionBlock[] = card.sections.map((section) => ({ section, indicators: card.indicators.filter((i) => i.section === section.id) }));
  const known = new Set(card.sections.map((s) => s.id));
  const rest = card.indicators.filter((i) => i.section === null || !known.has(i.section));
  if (rest.length > 0) blocks.push({ section: null, indicators: rest });
  return blocks.filter((b) => b.indicators.length > 0 || b.section !== null);
}

/** The explanation without its `<id>: ` prefix (the table already names the indicator). */
export function explainText(indicator: Pick<ReportCardIndicator, 'id' | 'explain'>): string {
  const line = indicator.explain ?? '';
  const prefix = `${indicator.id}: `;
  return line.startsWith(prefix) ? line.slice(prefix.length) : line;
}

/** The total's line without `total: `. */
export function totalExplainText(line: string | null | undefined): string {
  if (!line) return '';
  return line.startsWith('total: ') ? line.slice('total: '.length) : line;
}

/** "2/12": a rank out of its group, for the header and the print. */
export const rankOf = (card: Pick<ReportCard, 'groupRank' | 'groupSize'>) => `${card.groupRank}/${card.groupSize}`;

/**
 * The ECharts option of the trend: the totals of the scheme's published periods, oldest first, each
 * point labelled with its total and grade; the period on the card stands out. No animation, so a
 * printout right after loading shows the whole line.
 */
export function buildTrendOption(trend: readonly ReportCardTrendPoint[], currentPeriodId: Id, formatScore: (n: number) => string): Record<string, unknown> {
  const totals = trend.map((p) => p.total);
  const min = totals.length > 0 ? Math.min(...totals) : 0;
  const max = totals.length > 0 ? Math.max(...totals) : 100;
  // Round the axis to tens (at most 100 when every total is), so its ticks read 70, 80, 90 rather than 75, 78, 81.
  const low = Math.max(0, Math.floor((min - 5) / 10) * 10);
  const high = Math.ceil((max + 5) / 10) * 10;
  return {
    animation: false,
    grid: { left: 16, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: trend.map((p) => p.periodName),
      // Long period names wrap instead of being dropped on a phone.
      axisLabel: { color: '#000', interval: 0, width: 84, overflow: 'break', lineHeight: 14 },
      axisLine: { lineStyle: { color: '#333' } },
    },
    yAxis: {
      type: 'value',
      min: low,
      max: max <= 100 ? Math.min(100, high) : high,
      splitNumber: 4,
      axisLabel: { color: '#000' },
      splitLine: { lineStyle: { color: '#ddd', type: 'dashed' } },
    },
    series: [
      {
        type: 'line',
        name: 'total',
        data: trend.map((p) => {
          const current = String(p.periodId) === String(currentPeriodId);
          return {
            value: p.total,
            symbolSize: current ? 12 : 7,
            itemStyle: { color: current ? '#c8372d' : '#1f4e8c' },
            label: { show: true, position: 'top', formatter: `${formatScore(p.total)} ${p.grade}`, color: '#000', fontWeight: current ? 'bold' : 'normal' },
          };
        }),
        lineStyle: { color: '#1f4e8c', width: 2 },
        symbol: 'circle',
      },
    ],
  };
}

import type { WorkLogKind } from '../../db/schema.js';
import { WORK_LOG_KIND_LABELS, WORK_LOG_KINDS, type WorkLogSummary } from '../worklogs/index.js';

/** How many leader comments and missed days the prefill quotes one by one (the rest are counted). */
const QUOTED_COMMENTS = 5;
const LISTED_MISSED_DAYS = 10;
const MAX_QUOTE_CHARS = 60;

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const quote = (text: string) => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length > MAX_QUOTE_CHARS ? `${chars.slice(0, MAX_QUOTE_CHARS).join('')}…` : oneLine;
};

/**
 * The text a personal summary (个人小结) starts from: the member's work-log digest of the period
 * (issue 4) in words — entries by kind, the indicators they were linked to, the leaders' comments and
 * the working days missed — and a closing paragraph for him to write. Pure: the digest (with the
 * linked indicators' names, log-indicators.ts) in, text out.
 */
export function composeSummaryPrefill(
  period: { name: string; startsOn: string; endsOn: string },
  digest: Pick<WorkLogSummary, 'entries' | 'byKind' | 'indicators' | 'minutes' | 'daysLogged' | 'workingDays' | 'missedDays' | 'lateEntries' | 'comments'>,
): string {
  const lines: string[] = [`${period.name}个人小结（${period.startsOn} 至 ${period.endsOn}）`, ''];

  const kinds = WORK_LOG_KINDS.filter((k: WorkLogKind) => digest.byKind[k] > 0).map((k: WorkLogKind) => `${WORK_LOG_KIND_LABELS[k]} ${digest.byKind[k]} 条`);
  if (digest.entries === 0) {
    lines.push('一、工作纪实：本期尚未记录工作纪实。');
  } else {
    const hours = digest.minutes > 0 ? `，累计用时约 ${Math.round(digest.minutes / 6) / 10} 小时` : '';
    const late = digest.lateEntries > 0 ? `，其中补报 ${digest.lateEntries} 条` : '';
    lines.push(`一、工作纪实：本期共记录工作纪实 ${digest.entries} 条（${kinds.join('、')}），填报 ${digest.daysLogged} 天${hours}${late}。`);
  }

  if (digest.indicators.length === 0) {
    lines.push('二、关联指标：本期工作纪实未关联考核指标。');
  } else {
    const linked = digest.indicators.map((i) => `${i.name ?? i.indicator} ${i.entries} 条`);
    lines.push(`二、关联指标：${linked.join('，')}。`);
  }

  if (digest.comments.length === 0) {
    lines.push('三、领导点评：本期暂无领导点评。');
  } else {
    lines.push(`三、领导点评：共 ${digest.comments.length} 条。`);
    for (const c of digest.comments.slice(-QUOTED_COMMENTS)) lines.push(`  · ${monthDay(c.logDate)}，${c.author.name}：“${quote(c.content)}”`);
    if (digest.comments.length > QUOTED_COMMENTS) lines.push(`  （另有 ${digest.comments.length - QUOTED_COMMENTS} 条点评未列出）`);
  }

  const missed = digest.missedDays.length;
  if (missed === 0) {
    lines.push(`四、填报情况：截至目前应填报工作日 ${digest.workingDays} 天，无漏报。`);
  } else {
    const listed = digest.missedDays.slice(0, LISTED_MISSED_DAYS).map(monthDay).join('、');
    const more = missed > LISTED_MISSED_DAYS ? '等' : '';
    lines.push(`四、填报情况：截至目前应填报工作日 ${digest.workingDays} 天，漏报 ${missed} 天（${listed}${more}）。`);
  }

  lines.push('', '五、主要成效、存在不足和下步打算：', '（请在此补充）');
  return lines.join('\n');
}

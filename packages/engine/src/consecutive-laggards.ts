import type { Result } from './scenario.types.js';

/** The results of one closed period, as far as standing in the group goes. */
export interface PeriodStanding {
  period: string;
  results: readonly Pick<Result, 'subject' | 'group' | 'groupRank'>[];
}

export interface LaggardAlert {
  subject: string;
  /** The subject's group in the latest period. */
  group: string;
  /** The periods of the streak, oldest first. */
  periods: string[];
}

export const DEFAULT_LAGGING_PERIODS = 2;

/** Subjects last in their group in one period: the lowest total, when someone in the group is strictly ahead. */
function findLastInGroups(standing: PeriodStanding): Map<string, string> {
  const lowestRank = new Map<string, number>();
  for (const result of standing.results) {
    lowestRank.set(result.group, Math.max(lowestRank.get(result.group) ?? 0, result.groupRank));
  }
  const last = new Map<string, string>();
  for (const result of standing.results) {
    const lowest = lowestRank.get(result.group) as number;
    if (lowest > 1 && result.groupRank === lowest) last.set(result.subject, result.group);
  }
  return last;
}

/**
 * The consecutive-lagging alert (连续末位预警, docs/product.md §4): subjects last in their group in
 * the latest `periods` (default 2) consecutive closed periods go on the warning-talk list.
 * `history` lists closed periods oldest first; the streak is counted back from the latest.
 * Everyone tied for last is last; a group where nobody is ahead (one member, or all tied) has no laggard.
 */
export function findConsecutiveLaggards(history: readonly PeriodStanding[], options: { periods?: number } = {}): LaggardAlert[] {
  const needed = options.periods ?? DEFAULT_LAGGING_PERIODS;
  const lastByPeriod = history.map(findLastInGroups);
  const latest = lastByPeriod[lastByPeriod.length - 1];
  if (latest === undefined || needed < 1) return [];
  const alerts: LaggardAlert[] = [];
  for (const [subject, group] of latest) {
    let start = lastByPeriod.length - 1;
    while (start > 0 && (lastByPeriod[start - 1] as Map<string, string>).has(subject)) start -= 1;
    const streak = history.slice(start).map((standing) => standing.period);
    if (streak.length >= needed) alerts.push({ subject, group, periods: streak.slice(-needed) });
  }
  return alerts.sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

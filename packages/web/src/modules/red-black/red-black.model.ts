import type { Period } from '@baton/contract/periods';
import type { RedBlackSummary } from '@baton/contract/red-black';
import dayjs from 'dayjs';

/** The pure side of the red/black page: which months a period offers, where the page starts. */

/** The months (YYYY-MM) of a period that have begun by `today`, latest first. */
export function monthsOfPeriod(period: Pick<Period, 'startsOn' | 'endsOn'>, today: string): string[] {
  const months: string[] = [];
  const last = dayjs(period.endsOn).isBefore(dayjs(today)) ? dayjs(period.endsOn) : dayjs(today);
  let cursor = dayjs(period.startsOn).startOf('month');
  while (!cursor.isAfter(last, 'month')) {
    months.push(cursor.format('YYYY-MM'));
    cursor = cursor.add(1, 'month');
  }
  return months.reverse();
}

/** The month a red/black page starts on: the latest month that has ended (its lists exist), else the current one. */
export function defaultMonth(months: string[], today: string): string | null {
  return months.find((m) => dayjs(`${m}-01`).endOf('month').isBefore(dayjs(today), 'day')) ?? months[0] ?? null;
}

/** The newest list of a set: the latest month, then the list of 全部, then the newest id. */
export function latestRedBlackList<L extends Pick<RedBlackSummary, 'id' | 'month' | 'group'>>(lists: L[]): L | null {
  const sorted = [...lists].sort(
    (a, b) => b.month.localeCompare(a.month) || Number(b.group.key === 'all') - Number(a.group.key === 'all') || Number(b.id) - Number(a.id),
  );
  return sorted[0] ?? null;
}

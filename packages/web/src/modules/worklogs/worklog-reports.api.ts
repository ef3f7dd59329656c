import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MonthView, Reminders, SpotCheckBody, SpotCheckDetail, SpotCheckList, WorkLogStats, WorkLogSummary } from '@baton/contract/worklogs';
import { api, downloadFile } from '../../api/client';
import type { Id } from '../../shared/params';
import { shanghaiToday } from '../../shared/dates';
import { workLogKeys } from './worklogs.api';

/**
 * What is read off the work log (docs/api-worklogs.md, the server's worklog-reports): a month's
 * calendar, reminders, a person's summary, a unit's statistics and export, spot checks — the
 * contract's shapes (@baton/contract/worklogs).
 */

/** Under the work log's one key (workLogKeys.all): every write refreshes the reports too. */
export const workLogReportKeys = {
  month: (month: string, person: Id | null) => [...workLogKeys.all, 'month', month, person === null ? 'me' : String(person)] as const,
  reminders: [...workLogKeys.all, 'reminders'] as const,
  summary: (query: SummaryQuery) => [...workLogKeys.all, 'summary', query] as const,
  stats: (query: StatsQuery) => [...workLogKeys.all, 'stats', query] as const,
  allSpotChecks: [...workLogKeys.all, 'spot-checks'] as const,
  spotChecks: (unit: Id | null) => [...workLogKeys.all, 'spot-checks', unit === null ? 'all' : String(unit)] as const,
  spotCheck: (id: Id) => [...workLogKeys.all, 'spot-check', String(id)] as const,
};

/** A month of a person's work log (default oneself): the calendar screen in one request. */
export function useMonthView(month: string, person: Id | null, enabled = true) {
  return useQuery({
    enabled,
    queryKey: workLogReportKeys.month(month, person),
    queryFn: ({ signal }) => api<MonthView>('/api/logs/calendar', { query: { month, person: person ?? undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Missed working days that can still be backfilled, and whether today's entry is due; polled. */
export function useReminders(enabled: boolean) {
  return useQuery({
    queryKey: workLogReportKeys.reminders,
    queryFn: ({ signal }) => api<Reminders>('/api/logs/reminders', { signal }),
    enabled,
    refetchInterval: 5 * 60_000,
    refetchOnWindowFocus: true,
  });
}

export interface SummaryQuery {
  person: Id | null;
  period: 'week' | 'month';
  date: string;
}

export function useSummary(query: SummaryQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: workLogReportKeys.summary(query),
    queryFn: ({ signal }) =>
      api<WorkLogSummary>('/api/logs/summary', { query: { person: query.person ?? undefined, period: query.period, date: query.date }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface StatsQuery {
  unit: Id | null;
  from: string;
  to: string;
  idleDays: number;
}

export function useStats(query: StatsQuery, enabled = true) {
  return useQuery({
    queryKey: workLogReportKeys.stats(query),
    queryFn: ({ signal }) =>
      api<WorkLogStats>('/api/logs/stats', {
        query: { unit: query.unit ?? undefined, from: query.from, to: query.to, idleDays: query.idleDays },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The unit digest (.xlsx: 汇总 + 日志明细) with the server's file name. */
export function exportWorkLogs(query: { unit: Id | null; from: string; to: string }) {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.unit !== null) params.set('unit', String(query.unit));
  return downloadFile(`/api/logs/export?${params.toString()}`, `work-logs_${query.from}_${query.to}.xlsx`);
}

export function useSpotChecks(unit: Id | null) {
  return useQuery({
    queryKey: workLogReportKeys.spotChecks(unit),
    queryFn: ({ signal }) => api<SpotCheckList>('/api/logs/spot-checks', { query: { unit: unit ?? undefined, limit: 50 }, signal }),
  });
}

export function useSpotCheck(id: Id | null) {
  return useQuery({
    queryKey: workLogReportKeys.spotCheck(id ?? ''),
    queryFn: ({ signal }) => api<SpotCheckDetail>(`/api/logs/spot-checks/${encodeURIComponent(String(id))}`, { signal }),
    enabled: id !== null,
  });
}

export function useDrawSpotCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SpotCheckBody) => api<SpotCheckDetail>('/api/logs/spot-checks', { method: 'POST', body: input }),
    onSuccess: async (result) => {
      client.setQueryData(workLogReportKeys.spotCheck(result.id), result);
      await client.invalidateQueries({ queryKey: workLogReportKeys.allSpotChecks });
    },
  });
}

/** "Today" as the server sees it (Asia/Shanghai), from the reminders; the browser's guess until they arrive. */
export function useServerToday(enabled = true): string {
  const reminders = useReminders(enabled);
  return reminders.data?.today ?? shanghaiToday();
}

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';
import type { StoredAttachment } from '../../shared/attachments';
import { shanghaiToday } from '../../shared/dates';
import { downloadFile } from '../imports/imports.api';
import type { IndicatorKind } from '../schemes/schemes.api';

/** The shapes of docs/api-worklogs.md (工作纪实), as the web UI sees them. */

export type WorkLogKind = 'routine' | 'key_task' | 'dynamic_task';
export const WORK_LOG_KINDS: readonly WorkLogKind[] = ['routine', 'key_task', 'dynamic_task'];
export type KindCounts = Record<WorkLogKind, number>;

/** A work-log entry's attachment: always dated. */
export interface Attachment extends StoredAttachment {
  createdAt: string;
}

export interface LogFlag {
  id: number;
  note: string;
  flaggedBy: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

export interface LogEntry {
  id: number;
  date: string;
  kind: WorkLogKind;
  /** Plain text with `\n` line breaks: always rendered as text, never as HTML. */
  content: string;
  /** A `ref` of GET /api/logs/indicators (or an old free code). */
  indicator: string | null;
  /** The linked indicator's display name; null when the reference names no known indicator. */
  indicatorName: string | null;
  task: string | null;
  minutes: number | null;
  late: boolean;
  author: { personId: number; name: string; employeeNo: string; unitId: number; unitName: string };
  createdAt: string;
  updatedAt: string;
  editableUntil: string;
  frozen: boolean;
  attachments: Attachment[];
  commentCount: number;
  likeCount: number;
  likedByMe: boolean;
  openFlag: LogFlag | null;
  can: { edit: boolean; comment: boolean; like: boolean; flag: boolean };
}

export interface LogComment {
  id: number;
  logId: number;
  content: string;
  createdAt: string;
  author: { accountId: number; personId: number | null; name: string; isEntryAuthor: boolean };
}

export interface LogDetail extends LogEntry {
  comments: LogComment[];
  flags: LogFlag[];
}

/** An indicator a member may link an entry to: one of the schemes of the current (open or reviewing) periods he takes part in. */
export interface LinkableIndicator {
  /** What `indicator` of an entry takes, e.g. `routine-civil-servants:duty`. */
  ref: string;
  id: string;
  name: string;
  kind: IndicatorKind | null;
  scheme: { code: string; name: string };
}

export interface LogInput {
  kind: WorkLogKind;
  content: string;
  date?: string;
  indicator?: string | null;
  task?: string | null;
  minutes?: number | null;
}

export interface FeedFilter {
  q?: string;
  person?: Id;
  unit?: Id;
  kinds?: WorkLogKind[];
  indicator?: string;
  from?: string;
  to?: string;
  flagged?: boolean;
}

export interface MonthDay {
  date: string;
  working: boolean;
  name: string | null;
  source: 'organization' | 'statutory' | 'weekday' | 'weekend';
  entries: number;
  missed: boolean;
  isToday: boolean;
  canWrite: boolean;
}

export interface MonthView {
  month: string;
  person: { id: number; name: string; unitId: number; unitName: string };
  startDate: string | null;
  today: string;
  totals: { workingDays: number; daysLogged: number; entries: number; missedDays: number };
  days: MonthDay[];
}

export interface Reminders {
  today: string;
  todayIsWorkingDay: boolean;
  todayLogged: boolean;
  count: number;
  missedDays: { date: string; name: string | null; backfillUntil: string }[];
}

export interface WorkLogSummary {
  person: { id: number; name: string; unitId: number; unitName: string };
  from: string;
  to: string;
  entries: number;
  byKind: KindCounts;
  indicators: { indicator: string; name: string | null; entries: number; minutes: number }[];
  minutes: number;
  daysLogged: number;
  workingDays: number;
  missedDays: string[];
  lateEntries: number;
  comments: { id: number; logId: number; logDate: string; author: { accountId: number; name: string }; content: string; createdAt: string }[];
  openFlags: { id: number; logId: number; logDate: string; note: string; flaggedBy: string; createdAt: string }[];
}

export interface StatsPerson {
  personId: number;
  name: string;
  employeeNo: string;
  unitId: number;
  unitName: string;
  entries: number;
  byKind: KindCounts;
  daysLogged: number;
  missedWorkingDays: number;
  lateEntries: number;
  comments: number;
  lastLogDate: string | null;
  idleWorkingDays: number;
}

export interface WorkLogStats {
  unit: { id: number; name: string };
  from: string;
  to: string;
  today: string;
  idleDays: number;
  totals: { people: number; entries: number; byKind: KindCounts; lateEntries: number; peopleWithoutEntries: number };
  people: StatsPerson[];
  weeks: { weekStart: string; weekEnd: string; entries: number; byKind: KindCounts }[];
  idle: { personId: number; name: string; unitId: number; unitName: string; lastLogDate: string | null; idleWorkingDays: number }[];
}

export interface SpotCheck {
  id: number;
  unit: { id: number; name: string };
  from: string;
  to: string;
  count: number;
  seed: string;
  candidateCount: number;
  candidatesSha256: string;
  drawnIds: number[];
  createdBy: string;
  createdAt: string;
}

export interface SpotCheckDetail extends SpotCheck {
  entries: LogEntry[];
  verification: { candidatesUnchanged: boolean; redrawMatches: boolean };
}

export interface SpotCheckInput {
  unit: Id;
  count: number;
  from?: string;
  to?: string;
  seed?: string;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Everything of the work log is under one key: a write invalidates lists, calendar, reminders and reports at once. */
export const workLogKeys = {
  all: ['worklogs'] as const,
  feed: (filter: FeedFilter, limit: number) => ['worklogs', 'feed', filter, limit] as const,
  day: (personId: Id, date: string) => ['worklogs', 'day', String(personId), date] as const,
  detail: (id: Id) => ['worklogs', 'detail', String(id)] as const,
  month: (month: string, person: Id | null) => ['worklogs', 'month', month, person === null ? 'me' : String(person)] as const,
  reminders: ['worklogs', 'reminders'] as const,
  /** Outside `all`: writing, liking or commenting does not change them, so those do not refetch them. */
  indicators: ['log-indicators'] as const,
  summary: (query: SummaryQuery) => ['worklogs', 'summary', query] as const,
  stats: (query: StatsQuery) => ['worklogs', 'stats', query] as const,
  spotChecks: (unit: Id | null) => ['worklogs', 'spot-checks', unit === null ? 'all' : String(unit)] as const,
  spotCheck: (id: Id) => ['worklogs', 'spot-check', String(id)] as const,
};

const logPath = (id: Id) => `/api/logs/${encodeURIComponent(String(id))}`;

export function feedQuery(filter: FeedFilter) {
  return {
    q: filter.q?.trim() || undefined,
    person: filter.person,
    unit: filter.unit,
    kind: filter.kinds && filter.kinds.length > 0 ? filter.kinds : undefined,
    indicator: filter.indicator?.trim() || undefined,
    from: filter.from,
    to: filter.to,
    flagged: filter.flagged ? true : undefined,
  };
}

/** The team feed (横向了解), newest first, a page at a time ("load more" follows `nextCursor`). */
export function useFeed(filter: FeedFilter, limit = 20) {
  return useInfiniteQuery({
    queryKey: workLogKeys.feed(filter, limit),
    queryFn: ({ pageParam, signal }) =>
      api<Page<LogEntry>>('/api/logs', { query: { ...feedQuery(filter), limit, cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One person's entries of one day (his own list under the form, a calendar day). */
export function useLogsOfDay(personId: Id | null, date: string | null) {
  return useQuery({
    queryKey: workLogKeys.day(personId ?? '', date ?? ''),
    queryFn: ({ signal }) =>
      api<Page<LogEntry>>('/api/logs', { query: { person: personId ?? undefined, from: date ?? undefined, to: date ?? undefined, limit: 100 }, signal }).then(
        (page) => page.items,
      ),
    enabled: personId !== null && date !== null,
  });
}

export function useLogDetail(id: Id | null) {
  return useQuery({
    queryKey: workLogKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<LogDetail>(logPath(id ?? ''), { signal }),
    enabled: id !== null,
  });
}

/** The indicators the signed-in member may link his entries to (in the server's order; may be empty). */
export function useLinkableIndicators(enabled = true) {
  return useQuery({
    queryKey: workLogKeys.indicators,
    queryFn: ({ signal }) => api<{ items: LinkableIndicator[] }>('/api/logs/indicators', { signal }).then((answer) => answer.items),
    enabled,
    staleTime: 5 * 60_000,
  });
}

function useInvalidateWorkLogs() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: workLogKeys.all });
}

export function createLog(input: LogInput): Promise<LogEntry> {
  return api<LogEntry>('/api/logs', { method: 'POST', body: input });
}

export function uploadAttachment(logId: Id, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<Attachment>(`${logPath(logId)}/attachments`, { method: 'POST', form });
}

export function useCreateLog() {
  const invalidate = useInvalidateWorkLogs();
  return useMutation({ mutationFn: createLog, onSettled: invalidate });
}

export function useUpdateLog() {
  const invalidate = useInvalidateWorkLogs();
  return useMutation({
    mutationFn: ({ id, patch }: { id: Id; patch: Partial<LogInput> }) => api<LogEntry>(logPath(id), { method: 'PATCH', body: patch }),
    onSettled: invalidate,
  });
}

export function useUploadAttachment() {
  const invalidate = useInvalidateWorkLogs();
  return useMutation({ mutationFn: ({ logId, file }: { logId: Id; file: File }) => uploadAttachment(logId, file), onSettled: invalidate });
}

export function useRemoveAttachment() {
  const invalidate = useInvalidateWorkLogs();
  return useMutation({
    mutationFn: (id: Id) => api<void>(`/api/attachments/${encodeURIComponent(String(id))}`, { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export function useAddComment() {
  const invalidate = useInvalidateWorkLogs();
  return useMutation({
    mutationFn: ({ logId, content }: { logId: Id; content: string }) =>
      api<LogComment>(`${logPath(logId)}/comments`, { method: 'POST', body: { content } }),
    onSettled: invalidate,
  });
}

const isEntry = (value: unknown): value is LogEntry =>
  typeof value === 'object' && value !== null && 'id' in value && 'likeCount' in value && 'author' in value;

/**
 * A cached value with one entry changed wherever it appears — a feed page, a day's list, the entry's
 * detail, a spot check's entries; anything else is returned as it was.
 */
function patchEntryIn<T>(data: T, id: number, patch: (entry: LogEntry) => LogEntry): T {
  if (Array.isArray(data)) return data.map((item: unknown) => (isEntry(item) && item.id === id ? patch(item) : item)) as T;
  if (isEntry(data)) return (data.id === id ? patch(data) : data) as T;
  if (typeof data === 'object' && data !== null) {
    const record = data as Record<string, unknown>;
    if (Array.isArray(record.pages)) return { ...record, pages: record.pages.map((page: unknown) => patchEntryIn(page, id, patch)) } as T;
    if (Array.isArray(record.items)) return { ...record, items: patchEntryIn(record.items, id, patch) } as T;
    if (Array.isArray(record.entries)) return { ...record, entries: patchEntryIn(record.entries, id, patch) } as T;
  }
  return data;
}

/** 点赞: the heart turns at once (optimistic), the server's count follows. */
export function useToggleLike() {
  const client = useQueryClient();
  const invalidate = useInvalidateWorkLogs();
  return useMutation({
    mutationFn: ({ logId, like }: { logId: number; like: boolean }) =>
      api<{ logId: number; likeCount: number; likedByMe: boolean }>(`${logPath(logId)}/like`, { method: like ? 'PUT' : 'DELETE' }),
    onMutate: async ({ logId, like }) => {
      await client.cancelQueries({ queryKey: workLogKeys.all });
      client.setQueriesData({ queryKey: workLogKeys.all }, (data: unknown) =>
        patchEntryIn(data, logId, (e) => (e.likedByMe === like ? e : { ...e, likedByMe: like, likeCount: Math.max(0, e.likeCount + (like ? 1 : -1)) })),
      );
    },
    onSettled: invalidate,
  });
}

export function useFlagLog() {
  const invalidate = useInvalidateWorkLogs();
  return useMutation({
    mutationFn: ({ logId, note }: { logId: Id; note: string }) => api<LogFlag>(`${logPath(logId)}/flags`, { method: 'POST', body: { note } }),
    onSettled: invalidate,
  });
}

export function useResolveFlag() {
  const invalidate = useInvalidateWorkLogs();
  return useMutation({
    mutationFn: ({ logId, flagId, note }: { logId: Id; flagId: Id; note?: string }) =>
      api<LogFlag>(`${logPath(logId)}/flags/${encodeURIComponent(String(flagId))}/resolve`, { method: 'POST', body: note ? { note } : {} }),
    onSettled: invalidate,
  });
}

/** A month of a person's work log (default oneself): the calendar screen in one request. */
export function useMonthView(month: string, person: Id | null, enabled = true) {
  return useQuery({
    enabled,
    queryKey: workLogKeys.month(month, person),
    queryFn: ({ signal }) => api<MonthView>('/api/logs/calendar', { query: { month, person: person ?? undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Missed working days that can still be backfilled, and whether today's entry is due; polled. */
export function useReminders(enabled: boolean) {
  return useQuery({
    queryKey: workLogKeys.reminders,
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
    queryKey: workLogKeys.summary(query),
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
    queryKey: workLogKeys.stats(query),
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
    queryKey: workLogKeys.spotChecks(unit),
    queryFn: ({ signal }) => api<Page<SpotCheck>>('/api/logs/spot-checks', { query: { unit: unit ?? undefined, limit: 50 }, signal }),
  });
}

export function useSpotCheck(id: Id | null) {
  return useQuery({
    queryKey: workLogKeys.spotCheck(id ?? ''),
    queryFn: ({ signal }) => api<SpotCheckDetail>(`/api/logs/spot-checks/${encodeURIComponent(String(id))}`, { signal }),
    enabled: id !== null,
  });
}

export function useDrawSpotCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SpotCheckInput) => api<SpotCheckDetail>('/api/logs/spot-checks', { method: 'POST', body: input }),
    onSuccess: async (result) => {
      client.setQueryData(workLogKeys.spotCheck(result.id), result);
      await client.invalidateQueries({ queryKey: ['worklogs', 'spot-checks'] });
    },
  });
}

/** "Today" as the server sees it (Asia/Shanghai), from the reminders; the browser's guess until they arrive. */
export function useServerToday(enabled = true): string {
  const reminders = useReminders(enabled);
  return reminders.data?.today ?? shanghaiToday();
}

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment } from '@baton/contract/attachments';
import type {
  CreateLogBody, FeedResponse, LikeResponse, LogComment, LogDetail, LogEntry, LogFlag, LogIndicators, UpdateLogBody, WorkLogKind,
} from '@baton/contract/worklogs';
import { api } from '../../api/client';
import type { Id } from '../../shared/params';

/** docs/api-worklogs.md (工作纪实): entries, the feed, comments, likes, follow-up flags and attachments — the contract's shapes (@baton/contract/worklogs). */

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

/**
 * Everything of the work log is under one key: a write invalidates lists, calendar, reminders and
 * reports at once (worklog-reports.api.ts keeps its keys under `all` too).
 */
export const workLogKeys = {
  all: ['worklogs'] as const,
  feed: (filter: FeedFilter, limit: number) => ['worklogs', 'feed', filter, limit] as const,
  day: (personId: Id, date: string) => ['worklogs', 'day', String(personId), date] as const,
  detail: (id: Id) => ['worklogs', 'detail', String(id)] as const,
  /** Outside `all`: writing, liking or commenting does not change them, so those do not refetch them. */
  indicators: ['log-indicators'] as const,
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
      api<FeedResponse>('/api/logs', { query: { ...feedQuery(filter), limit, cursor: pageParam ?? undefined }, signal }),
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
      api<FeedResponse>('/api/logs', { query: { person: personId ?? undefined, from: date ?? undefined, to: date ?? undefined, limit: 100 }, signal }).then(
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
    queryFn: ({ signal }) => api<LogIndicators>('/api/logs/indicators', { signal }).then((answer) => answer.items),
    enabled,
    staleTime: 5 * 60_000,
  });
}

function useInvalidateWorkLogs() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: workLogKeys.all });
}

export function createLog(input: CreateLogBody): Promise<LogEntry> {
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
    mutationFn: ({ id, patch }: { id: Id; patch: UpdateLogBody }) => api<LogEntry>(logPath(id), { method: 'PATCH', body: patch }),
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
      api<LikeResponse>(`${logPath(logId)}/like`, { method: like ? 'PUT' : 'DELETE' }),
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

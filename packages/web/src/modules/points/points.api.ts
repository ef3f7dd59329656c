import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAllPages } from '../../api/client';
import type { Id } from '../../api/types';
import { latestRedBlackList } from './points.model';
import type { StoredAttachment } from '../../shared/attachments';
import type { SubjectKind } from '../schemes/schemes.api';
import type { PeriodState } from '../periods/periods.api';

/** The shapes of docs/api-points.md (动态积分 · 实时排名 · 红黑榜), as the web UI sees them. */

export type PointSource = 'superior_notice' | 'business_data' | 'supervision' | 'task' | 'other';
export const POINT_SOURCES: readonly PointSource[] = ['superior_notice', 'business_data', 'supervision', 'task', 'other'];

export interface PointRule {
  id: number;
  schemeId: number;
  code: string;
  version: number;
  name: string;
  indicator: string;
  defaultSource: PointSource | null;
  defaultDelta: number;
  minDelta: number;
  maxDelta: number;
  perOccurrence: boolean;
  description: string | null;
  status: 'active' | 'disabled';
  replacesRuleId: number | null;
  eventCount: number;
  createdAt: string;
  disabledAt: string | null;
}

export interface NewPointRuleInput {
  schemeId: number;
  code: string;
  name: string;
  indicator: string;
  defaultDelta: number;
  minDelta: number;
  maxDelta: number;
  perOccurrence?: boolean;
  defaultSource?: PointSource;
  description?: string;
}

export interface ReplacePointRuleInput {
  name?: string;
  defaultDelta?: number;
  minDelta?: number;
  maxDelta?: number;
  perOccurrence?: boolean;
  defaultSource?: PointSource;
  description?: string;
  reason: string;
}

export type PointEventStatus = 'proposed' | 'approved' | 'rejected';
export const POINT_EVENT_STATUSES: readonly PointEventStatus[] = ['proposed', 'approved', 'rejected'];

export type PointAttachment = StoredAttachment;

export interface PointSubject {
  kind: SubjectKind;
  personId?: number | null;
  unitId?: number | null;
  name: string;
  employeeNo?: string | null;
  unitName?: string | null;
  unitCode?: string | null;
}

export interface PointEvent {
  id: number;
  status: PointEventStatus;
  rule: { id: number; code: string; name: string; version: number };
  schemeId: number;
  indicator: string;
  subject: PointSubject;
  occurredOn: string;
  occurrences: number;
  delta: number;
  source: PointSource;
  /** Plain text: always rendered as text. */
  evidenceText: string;
  evidenceLink: string | null;
  attachments: PointAttachment[];
  proposedBy: { accountId: number; name: string } | null;
  proposedAt: string;
  decidedBy: { accountId: number; name: string } | null;
  decidedAt: string | null;
  decisionNote: string | null;
  reversesEventId: number | null;
  reversedByEventId: number | null;
  batchId: number | null;
  can: { approve: boolean; reject: boolean; reverse: boolean };
}

/** An event as GET /api/points/people/:id lists it: no subject, attachments, proposer or `can` (the drawer loads those). */
export type LedgerEvent = Pick<
  PointEvent,
  'id' | 'status' | 'rule' | 'schemeId' | 'indicator' | 'occurredOn' | 'occurrences' | 'delta' | 'source' | 'evidenceText' | 'evidenceLink' | 'reversesEventId' | 'reversedByEventId'
> &
  Partial<Pick<PointEvent, 'subject' | 'attachments' | 'can' | 'proposedBy' | 'decidedAt'>>;

export interface NewPointEventInput {
  ruleId: number;
  personId?: Id;
  unitId?: Id;
  occurredOn: string;
  occurrences?: number;
  delta?: number;
  source?: PointSource;
  evidenceText: string;
  evidenceLink?: string;
}

export interface PointEventFilter {
  person?: Id;
  unit?: Id;
  status?: PointEventStatus;
  scheme?: Id;
  rule?: Id;
  batch?: Id;
  from?: string;
  to?: string;
}

export interface PointBatch {
  id: number;
  idempotencyKey: string;
  channel: 'api' | 'xlsx' | 'csv';
  fileName: string | null;
  schemeId?: number;
  eventCount: number;
  proposedCount: number;
  approvedCount: number;
  rejectedCount: number;
  createdBy: string | { accountId: number; name: string } | null;
  createdAt: string;
}

export interface RankingRow {
  rank: number;
  subject: { kind: SubjectKind; id: number; name: string; employeeNo?: string | null; unitId: number | null; unitName: string | null };
  points: number;
  total: number;
  grade: string | null;
  flags: string[];
}

export interface RankingPage {
  period: { id: number; name: string; state: PeriodState; startsOn: string; endsOn: string };
  group: { key: string; name: string };
  version: number | string;
  count: number;
  items: RankingRow[];
  me: RankingRow | null;
  nextCursor: string | null;
}

export interface PersonPoints {
  person: { id: number; name: string; employeeNo?: string; unitId?: number; unitName?: string };
  period: { id: number; name: string; state?: PeriodState; startsOn: string; endsOn: string };
  points: number;
  total: number | null;
  grade?: string | null;
  ranks: { group: { key: string; name: string }; rank: number | null; count: number }[];
  trend: { month: string; points: number; cumulative: number }[];
  indicators: Record<string, { score: number; explain?: string }>;
  events: LedgerEvent[];
}

export interface RedBlackSummary {
  id: number;
  periodId: number;
  month: string;
  group: { key: string; name: string };
  status: 'draft' | 'published';
  size: number;
  generatedAt: string;
  publishedAt: string | null;
  redCount: number;
  blackCount: number;
}

export interface RedBlackEntry {
  rank: number;
  subject: { kind: SubjectKind; id: number; name: string; unitName: string | null };
  points: number;
  /** `evidenceText` is null when the caller may not read this person's evidence. */
  events: { id: number; occurredOn: string; rule: { id?: number; code?: string; name: string } | string; delta: number; evidenceText: string | null }[];
}

export interface RedBlackList extends RedBlackSummary {
  red: RedBlackEntry[];
  black: RedBlackEntry[];
}

export interface RedBlackAppearance {
  month: string;
  periodId: number;
  list: 'red' | 'black';
  rank: number;
  points: number;
  group: { key: string; name: string } | string;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Lists answer `{ items, nextCursor }`; a few answers in the contract are described as bare arrays. */
function itemsOf<T>(value: T[] | { items: T[] } | null | undefined): T[] {
  if (!value) return [];
  return Array.isArray(value) ? value : value.items;
}

const enc = (id: Id) => encodeURIComponent(String(id));

export const pointKeys = {
  all: ['points'] as const,
  rules: (scheme: Id | null, status: string | null) => ['points', 'rules', String(scheme ?? ''), status ?? ''] as const,
  events: (filter: PointEventFilter, cursor: string | null, limit: number) => ['points', 'events', filter, cursor, limit] as const,
  event: (id: Id) => ['points', 'event', String(id)] as const,
  batches: ['points', 'batches'] as const,
  person: (personId: Id, period: Id | null) => ['points', 'person', String(personId), String(period ?? '')] as const,
  redBlackHistory: (personId: Id) => ['points', 'red-black-history', String(personId)] as const,
  rankings: (period: Id, group: string) => ['rankings', String(period), group] as const,
  rankingPage: (period: Id, group: string, cursor: string | null, limit: number) => ['rankings', String(period), group, 'page', cursor, limit] as const,
  rankingAll: (period: Id, group: string) => ['rankings', String(period), group, 'all'] as const,
  redBlackLists: (period: Id | null, month: string | null) => ['red-black', 'lists', String(period ?? ''), month ?? ''] as const,
  redBlackList: (id: Id) => ['red-black', 'list', String(id)] as const,
};

// ——— rules ———

export function usePointRules(scheme: Id | null, status: 'active' | 'disabled' | null = null) {
  return useQuery({
    queryKey: pointKeys.rules(scheme, status),
    // not paginated: a scheme has tens of rules
    queryFn: ({ signal }) => api<{ items: PointRule[] }>('/api/point-rules', { query: { scheme: scheme ?? undefined, status: status ?? undefined }, signal }).then((r) => r.items),
    enabled: scheme !== null,
  });
}

function useInvalidatePoints() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: pointKeys.all }),
      client.invalidateQueries({ queryKey: ['rankings'] }),
      client.invalidateQueries({ queryKey: ['red-black'] }),
    ]);
}

export function useCreatePointRule() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: (input: NewPointRuleInput) => api<PointRule>('/api/point-rules', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useReplacePointRule() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: ({ id, input }: { id: Id; input: ReplacePointRuleInput }) =>
      api<PointRule>(`/api/point-rules/${enc(id)}/replace`, { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useDisablePointRule() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: ({ id, reason }: { id: Id; reason: string }) => api<PointRule>(`/api/point-rules/${enc(id)}/disable`, { method: 'POST', body: { reason } }),
    onSuccess: invalidate,
  });
}

// ——— events ———

export function eventQuery(filter: PointEventFilter) {
  return {
    person: filter.person,
    unit: filter.unit,
    status: filter.status,
    scheme: filter.scheme,
    rule: filter.rule,
    batch: filter.batch,
    from: filter.from,
    to: filter.to,
  };
}

export function usePointEvents(filter: PointEventFilter, cursor: string | null, limit = 20, enabled = true) {
  return useQuery({
    queryKey: pointKeys.events(filter, cursor, limit),
    queryFn: ({ signal }) => api<Page<PointEvent>>('/api/point-events', { query: { ...eventQuery(filter), limit, cursor: cursor ?? undefined }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePointEvent(id: Id | null) {
  return useQuery({
    queryKey: pointKeys.event(id ?? ''),
    queryFn: ({ signal }) => api<PointEvent>(`/api/point-events/${enc(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

export function createPointEvent(input: NewPointEventInput): Promise<PointEvent> {
  return api<PointEvent>('/api/point-events', { method: 'POST', body: input });
}

export function uploadPointAttachment(eventId: Id, file: File): Promise<PointAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<PointAttachment>(`/api/point-events/${enc(eventId)}/attachments`, { method: 'POST', form });
}

export function useCreatePointEvent() {
  const invalidate = useInvalidatePoints();
  return useMutation({ mutationFn: createPointEvent, onSettled: invalidate });
}

export function useUploadPointAttachment() {
  const invalidate = useInvalidatePoints();
  return useMutation({ mutationFn: ({ eventId, file }: { eventId: Id; file: File }) => uploadPointAttachment(eventId, file), onSettled: invalidate });
}

export function useDecidePointEvent() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: Id; decision: 'approve' | 'reject'; note?: string }) =>
      api<PointEvent>(`/api/point-events/${enc(id)}/${decision}`, { method: 'POST', body: note ? { note } : {} }),
    // The decision is confirmed as soon as the server answers; the lists refresh behind it
    // (awaiting every refetch kept the dialog spinning for seconds on a busy server).
    onSettled: () => void invalidate(),
  });
}

export function useReversePointEvent() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: ({ id, reason }: { id: Id; reason: string }) => api<PointEvent>(`/api/point-events/${enc(id)}/reverse`, { method: 'POST', body: { reason } }),
    onSettled: () => void invalidate(),
  });
}

// ——— bulk import ———

export function uploadPointImport(schemeId: Id, file: File, idempotencyKey?: string): Promise<{ jobId: string }> {
  const form = new FormData();
  form.append('schemeId', String(schemeId));
  if (idempotencyKey) form.append('idempotencyKey', idempotencyKey);
  form.append('file', file, file.name);
  return api<{ jobId: string }>('/api/imports/points', { method: 'POST', form });
}

export function usePointBatches() {
  return useQuery({
    queryKey: pointKeys.batches,
    queryFn: ({ signal }) => api<Page<PointBatch> | PointBatch[]>('/api/point-batches', { query: { limit: 50 }, signal }).then(itemsOf),
  });
}

export function useApprovePointBatch() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: ({ id, note }: { id: Id; note?: string }) =>
      api<{ approved: number }>(`/api/point-batches/${enc(id)}/approve`, { method: 'POST', body: note ? { note } : {} }),
    onSettled: invalidate,
  });
}

// ——— rankings ———

export function useRankingPage(period: Id | null, group: string, cursor: string | null, limit = 50) {
  return useQuery({
    queryKey: pointKeys.rankingPage(period ?? '', group, cursor, limit),
    queryFn: ({ signal }) => api<RankingPage>('/api/rankings', { query: { period: period ?? undefined, group, limit, cursor: cursor ?? undefined }, signal }),
    enabled: period !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Every row of a group, for the distribution chart: pages of 200, at most `max` rows. */
export async function fetchRankingRows(period: Id, group: string, max: number, signal?: AbortSignal): Promise<{ rows: RankingRow[]; count: number }> {
  const rows: RankingRow[] = [];
  let cursor: string | null = null;
  let count: number;
  do {
    const page: RankingPage = await api<RankingPage>('/api/rankings', { query: { period, group, limit: 200, cursor: cursor ?? undefined }, signal });
    rows.push(...page.items);
    count = page.count;
    cursor = page.nextCursor;
  } while (cursor && rows.length < max);
  return { rows, count };
}

export function useRankingRows(period: Id | null, group: string, max = 2000) {
  return useQuery({
    queryKey: pointKeys.rankingAll(period ?? '', group),
    queryFn: ({ signal }) => fetchRankingRows(period ?? '', group, max, signal),
    enabled: period !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function usePersonPoints(personId: Id | null, period: Id | null) {
  return useQuery({
    queryKey: pointKeys.person(personId ?? '', period),
    queryFn: ({ signal }) => api<PersonPoints>(`/api/points/people/${enc(personId ?? '')}`, { query: { period: period ?? undefined }, signal }),
    enabled: personId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useRedBlackHistory(personId: Id | null) {
  return useQuery({
    queryKey: pointKeys.redBlackHistory(personId ?? ''),
    queryFn: ({ signal }) =>
      api<RedBlackAppearance[] | { items: RedBlackAppearance[] }>(`/api/points/people/${enc(personId ?? '')}/red-black-history`, { signal }).then(itemsOf),
    enabled: personId !== null,
  });
}

// ——— red/black lists ———

export function useRedBlackLists(period: Id | null, month: string | null) {
  return useQuery({
    queryKey: pointKeys.redBlackLists(period, month),
    queryFn: ({ signal }) =>
      api<RedBlackSummary[] | Page<RedBlackSummary>>('/api/red-black-lists', { query: { period: period ?? undefined, month: month ?? undefined, limit: 200 }, signal }).then(itemsOf),
    enabled: period !== null,
  });
}

/**
 * The newest red/black list the caller may see (members: published ones), any period — where the
 * 红黑榜 page starts: the running period's month has usually not ended yet, so it has no list.
 */
export function useLatestRedBlackList(enabled = true) {
  return useQuery({
    queryKey: [...pointKeys.redBlackLists(null, null), 'latest'] as const,
    queryFn: async ({ signal }) => {
      // the list is ordered by id, so the newest lists are on the last page
      const items = await fetchAllPages<RedBlackSummary>('/api/red-black-lists', { limit: 500 }, signal);
      return latestRedBlackList(items);
    },
    enabled,
  });
}

export function useRedBlackList(id: Id | null) {
  return useQuery({
    queryKey: pointKeys.redBlackList(id ?? ''),
    queryFn: ({ signal }) => api<RedBlackList>(`/api/red-black-lists/${enc(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

export function useGenerateRedBlack() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: ({ period, month, size }: { period: Id; month: string; size?: number }) =>
      api<RedBlackSummary[] | { items: RedBlackSummary[] }>(`/api/periods/${enc(period)}/red-black-lists`, { method: 'POST', body: size ? { month, size } : { month } }).then(itemsOf),
    onSettled: invalidate,
  });
}

export function usePublishRedBlack() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: (id: Id) => api<RedBlackSummary>(`/api/red-black-lists/${enc(id)}/publish`, { method: 'POST', body: {} }),
    onSettled: invalidate,
  });
}

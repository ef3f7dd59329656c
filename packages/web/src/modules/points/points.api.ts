import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, itemsOf } from '../../api/client';
import type { Id, Page } from '../../api/types';
import type { StoredAttachment } from '../../shared/attachments';
import type { SubjectKind } from '../schemes/schemes.api';

/** The shapes of docs/api-points.md (动态积分: rules, events, batches), as the web UI sees them. */

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

const enc = (id: Id) => encodeURIComponent(String(id));

export const pointKeys = {
  all: ['points'] as const,
  rules: (scheme: Id | null, status: string | null) => ['points', 'rules', String(scheme ?? ''), status ?? ''] as const,
  events: (filter: PointEventFilter, cursor: string | null, limit: number) => ['points', 'events', filter, cursor, limit] as const,
  event: (id: Id) => ['points', 'event', String(id)] as const,
  batches: ['points', 'batches'] as const,
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

/** After a ledger change: the points, and the rankings and red/black lists computed from them (rankings.api and red-black.api keep theirs under these roots). */
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

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment } from '@baton/contract/attachments';
import type {
  BatchApproved, BatchListResponse, CreateRuleBody, EventListResponse, ImportStarted, PointEvent, PointEventStatus, PointRule, ProposeBody, ReplaceRuleBody,
  RuleList,
} from '@baton/contract/points';
import { api } from '../../api/client';
import type { Id } from '../../shared/params';

/** Dynamic points (docs/api-points.md 动态积分: rules, events, batches): the contract's shapes (@baton/contract/points). */

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
    queryFn: ({ signal }) => api<RuleList>('/api/point-rules', { query: { scheme: scheme ?? undefined, status: status ?? undefined }, signal }).then((r) => r.items),
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
    mutationFn: (input: CreateRuleBody) => api<PointRule>('/api/point-rules', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useReplacePointRule() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: ({ id, input }: { id: Id; input: ReplaceRuleBody }) =>
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
    queryFn: ({ signal }) => api<EventListResponse>('/api/point-events', { query: { ...eventQuery(filter), limit, cursor: cursor ?? undefined }, signal }),
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

export function createPointEvent(input: ProposeBody): Promise<PointEvent> {
  return api<PointEvent>('/api/point-events', { method: 'POST', body: input });
}

export function uploadPointAttachment(eventId: Id, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<Attachment>(`/api/point-events/${enc(eventId)}/attachments`, { method: 'POST', form });
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

export function uploadPointImport(schemeId: Id, file: File, idempotencyKey?: string): Promise<ImportStarted> {
  const form = new FormData();
  form.append('schemeId', String(schemeId));
  if (idempotencyKey) form.append('idempotencyKey', idempotencyKey);
  form.append('file', file, file.name);
  return api<ImportStarted>('/api/imports/points', { method: 'POST', form });
}

export function usePointBatches() {
  return useQuery({
    queryKey: pointKeys.batches,
    queryFn: ({ signal }) => api<BatchListResponse>('/api/point-batches', { query: { limit: 50 }, signal }).then((page) => page.items),
  });
}

export function useApprovePointBatch() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: ({ id, note }: { id: Id; note?: string }) =>
      api<BatchApproved>(`/api/point-batches/${enc(id)}/approve`, { method: 'POST', body: note ? { note } : {} }),
    onSettled: invalidate,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Appeal, AppealChangesResponse, AppealDecisionResponse, AppealListResponse, AppealOutcome, AppealStatus,
} from '@baton/contract/appeals';
import type { Attachment } from '@baton/contract/attachments';
import { api } from '../../api/client';
import type { Id } from '../../shared/params';
import { periodKeys } from '../periods/periods.api';

/** Appeals (docs/api-cycles.md "Appeals (申诉/复核)"): the shapes are the contract's (@baton/contract/appeals). */

export interface AppealFilter {
  period?: Id | null;
  status?: AppealStatus | null;
}

const enc = (id: Id) => encodeURIComponent(String(id));

export const appealKeys = {
  all: ['appeals'] as const,
  list: (filter: AppealFilter, cursor: string | null, limit: number) =>
    ['appeals', 'list', String(filter.period ?? ''), filter.status ?? '', cursor ?? '', limit] as const,
  ofPeriod: (period: Id) => ['appeals', 'period', String(period)] as const,
  one: (id: Id) => ['appeals', 'one', String(id)] as const,
  changes: (id: Id) => ['appeals', 'changes', String(id)] as const,
};

export function fetchAppeals(filter: AppealFilter, cursor: string | null, limit: number, signal?: AbortSignal) {
  return api<AppealListResponse>('/api/appeals', {
    query: { period: filter.period ?? undefined, status: filter.status ?? undefined, cursor: cursor ?? undefined, limit },
    signal,
  });
}

/** The appeals in the caller's scope, newest first (a member: his own). */
export function useAppeals(filter: AppealFilter, cursor: string | null, limit = 20, enabled = true) {
  return useQuery({
    queryKey: appealKeys.list(filter, cursor, limit),
    queryFn: ({ signal }) => fetchAppeals(filter, cursor, limit, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The appeals of a period the caller can read; the panel keeps his own. One page of 50 is plenty for
 * one person (one pending at a time), and for a leader's subtree it still holds his own in practice.
 */
export function usePeriodAppeals(period: Id | null, enabled = true) {
  return useQuery({
    queryKey: appealKeys.ofPeriod(period ?? ''),
    queryFn: ({ signal }) => fetchAppeals({ period }, null, 50, signal).then((page) => page.items),
    enabled: period !== null && enabled,
  });
}

export function useAppeal(id: Id | null) {
  return useQuery({
    queryKey: appealKeys.one(id ?? ''),
    queryFn: ({ signal }) => api<Appeal>(`/api/appeals/${enc(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

/** What an accepted appeal changed, among the results the caller may see (GET /api/appeals/:id/changes). */
export function useAppealChanges(id: Id, enabled: boolean) {
  return useQuery({
    queryKey: appealKeys.changes(id),
    queryFn: ({ signal }) => api<AppealChangesResponse>(`/api/appeals/${enc(id)}/changes`, { signal }),
    enabled,
  });
}

export function createAppeal(periodId: Id, reason: string): Promise<Appeal> {
  return api<Appeal>('/api/appeals', { method: 'POST', body: { periodId: Number(periodId), reason } });
}

/** One file, as the multipart field `file` (images and PDF ≤ 10 MB, at most 9; the appellant, while pending). */
export function uploadAppealAttachment(appealId: Id, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<Attachment>(`/api/appeals/${enc(appealId)}/attachments`, { method: 'POST', form });
}

/** Everything an appeal's life touches: the appeal lists, results, report cards, review sheets, the period. */
function useInvalidateAppealViews() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: appealKeys.all }),
      // the period (its published version moves with an accepted appeal), its summaries, review sheets and results
      client.invalidateQueries({ queryKey: periodKeys.all }),
      client.invalidateQueries({ queryKey: ['report-card'] }),
    ]);
}

export function useInvalidateAppeals() {
  return useInvalidateAppealViews();
}

export function useWithdrawAppeal() {
  const invalidate = useInvalidateAppealViews();
  return useMutation({
    mutationFn: (id: Id) => api<Appeal>(`/api/appeals/${enc(id)}/withdraw`, { method: 'POST' }),
    onSettled: () => void invalidate(),
  });
}

export function useDecideAppeal() {
  const invalidate = useInvalidateAppealViews();
  return useMutation({
    mutationFn: ({ id, outcome, note }: { id: Id; outcome: AppealOutcome; note: string }) =>
      api<AppealDecisionResponse>(`/api/appeals/${enc(id)}/decision`, { method: 'POST', body: { outcome, note } }),
    onSettled: () => void invalidate(),
  });
}

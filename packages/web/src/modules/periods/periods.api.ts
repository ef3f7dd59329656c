import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePeriodBody, PeriodState, PeriodView, UpdatePeriodBody } from '@baton/contract/periods';
import { api, fetchAllPages } from '../../api/client';
import type { Id } from '../../shared/params';
import { schemeKeys } from '../schemes/schemes.api';

/**
 * Assessment periods (docs/api-points.md "Schemes and periods", docs/api-cycles.md "Period additions"): the contract's shapes.
 * Every answer is a PeriodView: the period and what the caller may do with it (`can`).
 */

const enc = (id: Id) => encodeURIComponent(String(id));

/**
 * Everything read about periods sits under 'periods': the list, each period, and what the pages of a
 * period read — reviews.api and results.api build their keys under these roots — so that a change of
 * a period (its tier period) or an appeal refreshes what depends on it without importing those modules.
 */
export const periodKeys = {
  all: ['periods'] as const,
  list: ['periods', 'list'] as const,
  period: (id: Id) => ['periods', 'one', String(id)] as const,
  reviewSheets: (id: Id) => ['periods', 'review-sheets', String(id)] as const,
  reviewPreviews: (id: Id) => ['periods', 'review-previews', String(id)] as const,
  results: (id: Id) => ['periods', 'results', String(id)] as const,
};

export function usePeriods(enabled = true) {
  return useQuery({
    queryKey: periodKeys.list,
    queryFn: ({ signal }) => fetchAllPages<PeriodView>('/api/periods', { limit: 200 }, signal),
    staleTime: 60_000,
    enabled,
  });
}

export function usePeriod(id: Id | null) {
  return useQuery({
    queryKey: periodKeys.period(id ?? ''),
    queryFn: ({ signal }) => api<PeriodView>(`/api/periods/${enc(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

export function useCreatePeriod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePeriodBody) => api<PeriodView>('/api/periods', { method: 'POST', body }),
    // a new period also changes the schemes' periodCount
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: periodKeys.list }), client.invalidateQueries({ queryKey: schemeKeys.list })]),
  });
}

/** PATCH /api/periods/:id: name, deadlines and (before publicity) publicity days and tier period; the body carries only what changed. */
export function useUpdatePeriod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: Id; changes: UpdatePeriodBody }) => api<PeriodView>(`/api/periods/${enc(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: (period, { changes }) => {
      void client.invalidateQueries({ queryKey: periodKeys.list });
      // the period's pages (summary, review, results) read the deadlines of the period they show
      void client.invalidateQueries({ queryKey: periodKeys.period(period.id) });
      if ('tierPeriodId' in changes) {
        // another tier period moves the coupled seats: the live preview and the review sheet recompute
        void client.invalidateQueries({ queryKey: periodKeys.results(period.id) });
        void client.invalidateQueries({ queryKey: periodKeys.reviewSheets(period.id) });
        void client.invalidateQueries({ queryKey: periodKeys.reviewPreviews(period.id) });
      }
    },
  });
}

export function useTransitionPeriod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, to, reason }: { id: Id; to: PeriodState; reason?: string }) =>
      api<PeriodView>(`/api/periods/${enc(id)}/transition`, { method: 'POST', body: reason ? { to, reason } : { to } }),
    // the move is confirmed when the server answers; the lists refresh behind it (as points.api does for decisions)
    onSettled: () => {
      void client.invalidateQueries({ queryKey: periodKeys.list });
      // rankings and results read the period's state (rankings.api keeps its pages under 'rankings')
      void client.invalidateQueries({ queryKey: ['rankings'] });
    },
  });
}

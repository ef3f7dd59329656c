import { useCallback } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MySummary, PreviewResponse, RatingInput, ReviewRow, ReviewSheet, Summary } from '@baton/contract/reviews';
import { api } from '../../api/client';
import type { Id } from '../../shared/params';
import { periodKeys } from '../periods/periods.api';

/** A member's summary (docs/api-cycles.md "个人小结") and a leader's review sheet ("审核评鉴"): the contract's shapes. */

const enc = (id: Id) => encodeURIComponent(String(id));

/** Under the period's roots (periods.api), so that a change of the period or an appeal refreshes them. */
export const reviewKeys = {
  mySummary: (period: Id) => [...periodKeys.all, 'summary', String(period)] as const,
  sheet: (period: Id, unit: Id | null) => [...periodKeys.reviewSheets(period), String(unit ?? '')] as const,
  preview: (period: Id, body: string) => [...periodKeys.reviewPreviews(period), body] as const,
};

// ——— personal summary (个人小结) ———

export function useMySummary(period: Id | null) {
  return useQuery({
    queryKey: reviewKeys.mySummary(period ?? ''),
    queryFn: ({ signal }) => api<MySummary>(`/api/periods/${enc(period ?? '')}/summaries/mine`, { signal }),
    enabled: period !== null,
  });
}

function useStoreSummary(period: Id) {
  const client = useQueryClient();
  return (summary: Summary) =>
    client.setQueryData<MySummary>(reviewKeys.mySummary(period), (old) => (old ? { ...old, summary } : old));
}

export function useSaveSummary(period: Id) {
  const store = useStoreSummary(period);
  return useMutation({
    mutationFn: (content: string) => api<Summary>(`/api/periods/${enc(period)}/summaries/mine`, { method: 'PUT', body: { content } }),
    onSuccess: store,
  });
}

export function useSubmitSummary(period: Id) {
  const store = useStoreSummary(period);
  return useMutation({
    mutationFn: (content: string) => api<Summary>(`/api/periods/${enc(period)}/summaries/mine/submit`, { method: 'POST', body: { content } }),
    onSuccess: store,
  });
}

// ——— leader review (审核评鉴) ———

export function useReviewSheet(period: Id | null, unit: Id | null) {
  return useQuery({
    queryKey: reviewKeys.sheet(period ?? '', unit),
    queryFn: ({ signal }) => api<ReviewSheet>(`/api/periods/${enc(period ?? '')}/reviews`, { query: { unit: unit ?? undefined }, signal }),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });
}

/**
 * The engine's previews as if the unsaved ratings were saved. `body` is the request as JSON (the
 * caller debounces it); null: nothing unsaved, the sheet's own previews stand.
 */
export function useReviewPreview(period: Id, body: string | null) {
  return useQuery({
    queryKey: reviewKeys.preview(period, body ?? ''),
    queryFn: ({ signal }) =>
      api<PreviewResponse>(`/api/periods/${enc(period)}/reviews/preview`, { method: 'POST', body: JSON.parse(body ?? '{}') as unknown, signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    retry: false,
  });
}

export function saveReview(period: Id, personId: Id, ratings: RatingInput[]): Promise<ReviewRow> {
  return api<ReviewRow>(`/api/periods/${enc(period)}/reviews/${enc(personId)}`, { method: 'PUT', body: { ratings } });
}

/** Puts a saved person's row into the cached sheet at once, so the form does not flash the old values. */
export function useStoreReviewRow(period: Id, unit: Id | null) {
  const client = useQueryClient();
  return useCallback(
    (row: ReviewRow) =>
      client.setQueryData<ReviewSheet>(reviewKeys.sheet(period, unit), (old) =>
        old ? { ...old, people: old.people.map((p) => (String(p.person.id) === String(row.person.id) ? { ...p, ...row } : p)) } : old,
      ),
    [client, period, unit],
  );
}

/** After saves: the other people's previews and the quota moved too. */
export function useRefreshSheet(period: Id) {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: periodKeys.reviewSheets(period) }), [client, period]);
}

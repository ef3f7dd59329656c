import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAllPages, itemsOf } from '../../api/client';
import type { Id, Page } from '../../api/types';
import type { SubjectKind } from '../schemes/schemes.api';

/** The shapes of docs/api-points.md "红黑榜" (the lists, and a person's appearances on them), as the web UI sees them. */

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

const enc = (id: Id) => encodeURIComponent(String(id));

export const redBlackKeys = {
  all: ['red-black'] as const,
  lists: (period: Id | null, month: string | null) => ['red-black', 'lists', String(period ?? ''), month ?? ''] as const,
  list: (id: Id) => ['red-black', 'list', String(id)] as const,
  history: (personId: Id) => ['red-black', 'history', String(personId)] as const,
};

function useInvalidateRedBlack() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: redBlackKeys.all });
}

/** A person's appearances on the lists (GET /api/points/people/:id/red-black-history). */
export function useRedBlackHistory(personId: Id | null) {
  return useQuery({
    queryKey: redBlackKeys.history(personId ?? ''),
    queryFn: ({ signal }) =>
      api<RedBlackAppearance[] | { items: RedBlackAppearance[] }>(`/api/points/people/${enc(personId ?? '')}/red-black-history`, { signal }).then(itemsOf),
    enabled: personId !== null,
  });
}

export function useRedBlackLists(period: Id | null, month: string | null) {
  return useQuery({
    queryKey: redBlackKeys.lists(period, month),
    queryFn: ({ signal }) =>
      api<RedBlackSummary[] | Page<RedBlackSummary>>('/api/red-black-lists', { query: { period: period ?? undefined, month: month ?? undefined, limit: 200 }, signal }).then(itemsOf),
    enabled: period !== null,
  });
}

/**
 * Every red/black list the caller may see (members: published ones), any period — the 红黑榜 page
 * starts on the newest of them (red-black.model latestRedBlackList): the running period's month has
 * usually not ended yet, so it has no list.
 */
export function useAllRedBlackLists(enabled = true) {
  return useQuery({
    queryKey: [...redBlackKeys.lists(null, null), 'all'] as const,
    queryFn: ({ signal }) => fetchAllPages<RedBlackSummary>('/api/red-black-lists', { limit: 500 }, signal),
    enabled,
  });
}

export function useRedBlackList(id: Id | null) {
  return useQuery({
    queryKey: redBlackKeys.list(id ?? ''),
    queryFn: ({ signal }) => api<RedBlackList>(`/api/red-black-lists/${enc(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

export function useGenerateRedBlack() {
  const invalidate = useInvalidateRedBlack();
  return useMutation({
    mutationFn: ({ period, month, size }: { period: Id; month: string; size?: number }) =>
      api<RedBlackSummary[] | { items: RedBlackSummary[] }>(`/api/periods/${enc(period)}/red-black-lists`, { method: 'POST', body: size ? { month, size } : { month } }).then(itemsOf),
    onSettled: invalidate,
  });
}

export function usePublishRedBlack() {
  const invalidate = useInvalidateRedBlack();
  return useMutation({
    mutationFn: (id: Id) => api<RedBlackSummary>(`/api/red-black-lists/${enc(id)}/publish`, { method: 'POST', body: {} }),
    onSettled: invalidate,
  });
}

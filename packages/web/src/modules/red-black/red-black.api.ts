import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GeneratedRedBlackLists, RedBlackAppearance, RedBlackList, RedBlackLists, RedBlackSummary } from '@baton/contract/red-black';
import { api, fetchAllPages } from '../../api/client';
import type { Id } from '../../shared/params';

/** The red/black lists (docs/api-points.md "红黑榜") and a person's appearances on them: the contract's shapes. */

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
      api<RedBlackAppearance[]>(`/api/points/people/${enc(personId ?? '')}/red-black-history`, { signal }),
    enabled: personId !== null,
  });
}

export function useRedBlackLists(period: Id | null, month: string | null) {
  return useQuery({
    queryKey: redBlackKeys.lists(period, month),
    queryFn: ({ signal }) =>
      api<RedBlackLists>('/api/red-black-lists', { query: { period: period ?? undefined, month: month ?? undefined, limit: 200 }, signal }).then((page) => page.items),
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
      api<GeneratedRedBlackLists>(`/api/periods/${enc(period)}/red-black-lists`, { method: 'POST', body: size ? { month, size } : { month } }).then((answer) => answer.items),
    onSettled: invalidate,
  });
}

export function usePublishRedBlack() {
  const invalidate = useInvalidateRedBlack();
  return useMutation({
    mutationFn: (id: Id) => api<RedBlackList>(`/api/red-black-lists/${enc(id)}/publish`, { method: 'POST', body: {} }),
    onSettled: invalidate,
  });
}

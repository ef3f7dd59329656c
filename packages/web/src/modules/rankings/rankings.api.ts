import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PersonPoints, RankingResponse, RankingRow } from '@baton/contract/rankings';
import { api } from '../../api/client';
import type { Id } from '../../shared/params';

/** Rankings (docs/api-points.md "实时排名") and a person's points (GET /api/points/people/:id, served by the rankings): the contract's shapes. */

const enc = (id: Id) => encodeURIComponent(String(id));

/** Everything ranked sits under 'rankings': a ledger change (points.api), a period transition and the live stream refresh it at once. */
export const rankingKeys = {
  all: ['rankings'] as const,
  /** What the live stream of a period refreshes. */
  period: (period: Id) => ['rankings', String(period)] as const,
  page: (period: Id, group: string, cursor: string | null, limit: number) => ['rankings', String(period), group, 'page', cursor, limit] as const,
  allRows: (period: Id, group: string) => ['rankings', String(period), group, 'all'] as const,
  /** A person's points, ranks and events; the live stream refreshes every person's. */
  people: ['rankings', 'person'] as const,
  person: (personId: Id, period: Id | null) => ['rankings', 'person', String(personId), String(period ?? '')] as const,
};

export function useRankingPage(period: Id | null, group: string, cursor: string | null, limit = 50) {
  return useQuery({
    queryKey: rankingKeys.page(period ?? '', group, cursor, limit),
    queryFn: ({ signal }) => api<RankingResponse>('/api/rankings', { query: { period: period ?? undefined, group, limit, cursor: cursor ?? undefined }, signal }),
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
    const page: RankingResponse = await api<RankingResponse>('/api/rankings', { query: { period, group, limit: 200, cursor: cursor ?? undefined }, signal });
    rows.push(...page.items);
    count = page.count;
    cursor = page.nextCursor;
  } while (cursor && rows.length < max);
  return { rows, count };
}

export function useRankingRows(period: Id | null, group: string, max = 2000) {
  return useQuery({
    queryKey: rankingKeys.allRows(period ?? '', group),
    queryFn: ({ signal }) => fetchRankingRows(period ?? '', group, max, signal),
    enabled: period !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function usePersonPoints(personId: Id | null, period: Id | null) {
  return useQuery({
    queryKey: rankingKeys.person(personId ?? '', period),
    queryFn: ({ signal }) => api<PersonPoints>(`/api/points/people/${enc(personId ?? '')}`, { query: { period: period ?? undefined }, signal }),
    enabled: personId !== null,
    placeholderData: keepPreviousData,
  });
}

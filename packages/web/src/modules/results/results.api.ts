import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ResultsResponse, ResultVersion } from '@baton/contract/results';
import { api } from '../../api/client';
import type { Id } from '../../shared/params';
import { periodKeys } from '../periods/periods.api';

/** Results (docs/api-cycles.md "结果 · 公示": results, their distribution against the quotas, versions): the contract's shapes. */

export interface ResultsQuery {
  group?: string | null;
  version?: number | null;
  cursor?: string | null;
  limit?: number;
}

const enc = (id: Id) => encodeURIComponent(String(id));

/** Under the period's roots (periods.api): a change of the tier period, an appeal or a committee decision refreshes them. */
export const resultKeys = {
  page: (period: Id, query: ResultsQuery) => [...periodKeys.results(period), query] as const,
  versions: (period: Id) => [...periodKeys.all, 'result-versions', String(period)] as const,
};

export function useResults(period: Id | null, query: ResultsQuery, enabled = true) {
  return useQuery({
    queryKey: resultKeys.page(period ?? '', query),
    queryFn: ({ signal }) =>
      api<ResultsResponse>(`/api/periods/${enc(period ?? '')}/results`, {
        query: { group: query.group ?? undefined, version: query.version ?? undefined, cursor: query.cursor ?? undefined, limit: query.limit },
        signal,
      }),
    enabled: period !== null && enabled,
    placeholderData: keepPreviousData,
  });
}

export function useResultVersions(period: Id | null, enabled: boolean) {
  return useQuery({
    queryKey: resultKeys.versions(period ?? ''),
    queryFn: ({ signal }) =>
      api<ResultVersion[]>(`/api/periods/${enc(period ?? '')}/results/versions`, { signal }),
    enabled: period !== null && enabled,
  });
}

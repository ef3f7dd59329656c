import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';
import { periodKeys, type Period, type PeriodPerson } from '../periods/periods.api';

/** The shapes of docs/api-cycles.md "结果 · 公示" (results, their distribution against the quotas, versions), as the web UI sees them. */

export interface GroupRef {
  key: string;
  name: string;
}

export interface ResultPreview {
  total: number;
  grade: string | null;
  rank?: number;
  groupRank: number | null;
  group: GroupRef;
  flags: string[];
}

export interface QuotaGrade {
  name: string;
  quota: number | null;
  /** null: no quota (unlimited). */
  capacity: number | null;
  used: number;
}

export interface QuotaGroup {
  group: GroupRef;
  size: number;
  grades: QuotaGrade[];
}

export interface ResultIndicator {
  weight: number;
  score: number | null;
  raw?: number | null;
}

export interface ResultRow {
  subject: PeriodPerson;
  total: number;
  rank: number;
  group: GroupRef;
  groupRank: number;
  grade: string;
  flags: string[];
  sections: Record<string, number>;
  indicators: Record<string, ResultIndicator>;
  explain: string[];
}

export interface DistributionGroup {
  group: GroupRef;
  size: number;
  grades: { name: string; quota: number | null; capacity: number | null; count: number }[];
  ties: { grade: string; subjects: { id: number | string; name: string }[] }[];
}

export interface ResultsPage {
  period: Period;
  version: number | null;
  live: boolean;
  items: ResultRow[];
  nextCursor: string | null;
  distribution: DistributionGroup[];
}

export interface ResultVersion {
  version: number;
  reason: string;
  note: string | null;
  scenarioSha256: string;
  createdAt: string;
  createdBy: string | { accountId: number; name: string } | null;
}

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
      api<ResultsPage>(`/api/periods/${enc(period ?? '')}/results`, {
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
      api<ResultVersion[] | { items: ResultVersion[] }>(`/api/periods/${enc(period ?? '')}/results/versions`, { signal }).then((v) => (Array.isArray(v) ? v : v.items)),
    enabled: period !== null && enabled,
  });
}

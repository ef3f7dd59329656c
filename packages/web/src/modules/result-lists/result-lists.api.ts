import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PromotionList, WarningList } from '@baton/contract/result-lists';
import { api } from '../../api/client';

/**
 * The lists that use results (考用结合, docs/api-cycles.md "Report cards … and the lists that use
 * results"): GET /api/result-lists/warning and /promotion, as the web UI sees them. Admin and auditor
 * see everyone; a leader the people whose latest result on the list lies in his subtrees.
 */

export interface WarningListQuery {
  /** A scheme code; null: every code of a routine scheme, each on its own. */
  scheme: string | null;
  /** A ranking group key (`all`, `category:3`, `unit:12`); null: every group. */
  group: string | null;
  /** Consecutive closed periods, 1–12. */
  periods: number;
}

export interface PromotionListQuery {
  grade: string;
  /** Consecutive years, 1–10. */
  years: number;
}

export const resultListKeys = {
  all: ['result-lists'] as const,
  warning: (query: WarningListQuery) => ['result-lists', 'warning', query] as const,
  promotion: (query: PromotionListQuery) => ['result-lists', 'promotion', query] as const,
};

export function fetchWarningList(query: WarningListQuery, signal?: AbortSignal): Promise<WarningList> {
  return api<WarningList>('/api/result-lists/warning', { query: { scheme: query.scheme, group: query.group, periods: query.periods }, signal });
}

export function fetchPromotionList(query: PromotionListQuery, signal?: AbortSignal): Promise<PromotionList> {
  return api<PromotionList>('/api/result-lists/promotion', { query: { grade: query.grade, years: query.years }, signal });
}

export function useWarningList(query: WarningListQuery, enabled = true) {
  return useQuery({
    queryKey: resultListKeys.warning(query),
    queryFn: ({ signal }) => fetchWarningList(query, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function usePromotionList(query: PromotionListQuery, enabled = true) {
  return useQuery({
    queryKey: resultListKeys.promotion(query),
    queryFn: ({ signal }) => fetchPromotionList(query, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';

/**
 * The lists that use results (考用结合, docs/api-cycles.md "Report cards … and the lists that use
 * results"): GET /api/result-lists/warning and /promotion, as the web UI sees them. Admin and auditor
 * see everyone; a leader the people whose latest result on the list lies in his subtrees.
 */

export interface ListPerson {
  id: Id;
  name: string;
  employeeNo: string;
}

/** One closed, published period of a warning-list streak: where he stood in his group. */
export interface WarningPeriod {
  id: Id;
  name: string;
  endsOn: string;
  total: number;
  grade: string;
  groupRank: number;
  groupSize: number;
}

export interface WarningItem {
  person: ListPerson;
  /** His unit in the latest period of the streak. */
  unit: { id: Id; name: string };
  group: { key: string; name: string };
  scheme: { code: string; name: string };
  /** Oldest first. */
  periods: WarningPeriod[];
}

export interface WarningList {
  /** The number of consecutive periods the server looked back (the default when none was asked for). */
  periods: number;
  items: WarningItem[];
}

export interface PromotionResult {
  year: number;
  period: { id: Id; name: string };
  total: number;
  grade: string;
}

export interface PromotionItem {
  person: ListPerson;
  unit: { id: Id; name: string };
  /** One per year of the run, oldest first. */
  results: PromotionResult[];
}

export interface PromotionList {
  grade: string;
  /** The years of the run, oldest first; empty when no annual period has closed yet. */
  years: number[];
  items: PromotionItem[];
}

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

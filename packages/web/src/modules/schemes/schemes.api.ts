import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';
import { pointKeys, usePeriods, useSchemes, type Period, type PeriodState, type Scheme, type SubjectKind } from '../points/points.api';
import type { Scheme as EngineScheme } from '@baton/engine';
import type { PeriodPatch } from './schemes.model';

/**
 * Schemes and periods (docs/api-points.md "Schemes and periods", docs/api-cycles.md "Period
 * additions"). The lists are the points module's `useSchemes` / `usePeriods` (one cache for both
 * modules); this file adds one scheme, the writes and the cycle fields of a period.
 */

export { useSchemes, usePeriods };
export type { Scheme, PeriodState, SubjectKind };

/** A period as the cycle API answers it; the cycle fields are being added to the server, so they are optional here. */
export interface PeriodRow extends Period {
  scope?: { unitId: number; unitName: string } | null;
  summaryDueOn?: string | null;
  reviewDueOn?: string | null;
  publicityStartsOn?: string | null;
  publicityEndsOn?: string | null;
  resultVersion?: number | null;
  /** 考用结合: the unit-scheme period whose grades are the units' tiers (docs/api-cycles.md). */
  tierPeriod?: { id: number; name: string } | null;
}

export interface NewSchemeInput {
  code: string;
  name: string;
  subjectKind: SubjectKind;
  definition: EngineScheme;
}

const enc = (id: Id) => encodeURIComponent(String(id));

export const schemeKeys = {
  scheme: (id: Id) => ['points', 'scheme', String(id)] as const,
};

export function useScheme(id: Id | null) {
  return useQuery({
    queryKey: schemeKeys.scheme(id ?? ''),
    queryFn: ({ signal }) => api<Scheme>(`/api/schemes/${enc(id ?? '')}`, { signal }),
    enabled: id !== null,
    staleTime: 5 * 60_000, // a version never changes
  });
}

export function usePeriodRows(enabled = true) {
  const query = usePeriods(enabled);
  return { ...query, data: query.data as PeriodRow[] | undefined };
}

export function useCreateScheme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewSchemeInput) => api<Scheme>('/api/schemes', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: pointKeys.schemes }),
  });
}

export function useCreatePeriod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<PeriodRow>('/api/periods', { method: 'POST', body }),
    // a new period also changes the schemes' periodCount
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: pointKeys.periods }), client.invalidateQueries({ queryKey: pointKeys.schemes })]),
  });
}

/** PATCH /api/periods/:id: name, deadlines and (before publicity) publicity days and tier period; the body carries only what changed. */
export function useUpdatePeriod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: Id; changes: PeriodPatch }) => api<PeriodRow>(`/api/periods/${enc(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: (period, { changes }) => {
      void client.invalidateQueries({ queryKey: pointKeys.periods });
      // the cycle pages (summary, review, results) read the deadlines of the period they show
      void client.invalidateQueries({ queryKey: ['cycles', 'period', String(period.id)] });
      if ('tierPeriodId' in changes) {
        // another tier period moves the coupled seats: the live preview and the review sheet recompute
        void client.invalidateQueries({ queryKey: ['cycles', 'results', String(period.id)] });
        void client.invalidateQueries({ queryKey: ['cycles', 'reviews', String(period.id)] });
        void client.invalidateQueries({ queryKey: ['cycles', 'reviews', 'preview', String(period.id)] });
      }
    },
  });
}

export function useTransitionPeriod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, to, reason }: { id: Id; to: PeriodState; reason?: string }) =>
      api<PeriodRow>(`/api/periods/${enc(id)}/transition`, { method: 'POST', body: reason ? { to, reason } : { to } }),
    // the move is confirmed when the server answers; the lists refresh behind it (as points.api does for decisions)
    onSettled: () => {
      void client.invalidateQueries({ queryKey: pointKeys.periods });
      // rankings and results read the period's state
      void client.invalidateQueries({ queryKey: ['rankings'] });
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IndicatorKind, Scheme as EngineScheme } from '@baton/engine';
import { api, fetchAllPages } from '../../api/client';
import type { Id } from '../../api/types';

/** Assessment schemes (docs/api-points.md "Schemes and periods"): versions by code, each an engine scheme definition. */

export type { IndicatorKind };
export type SubjectKind = 'person' | 'unit';

export interface SchemeIndicator {
  id: string;
  method: string;
  kind?: string;
  section?: string;
  weight?: number;
  extra?: boolean;
  name?: string;
}

export interface Scheme {
  id: number;
  code: string;
  version: number;
  name: string;
  kind: string;
  subjectKind: SubjectKind;
  definition: { indicators?: SchemeIndicator[]; grouping?: 'all' | 'category' | 'unit' } & Record<string, unknown>;
  replacesId: number | null;
  createdAt: string;
  periodCount: number;
}

export interface NewSchemeInput {
  code: string;
  name: string;
  subjectKind: SubjectKind;
  definition: EngineScheme;
}

const enc = (id: Id) => encodeURIComponent(String(id));

export const schemeKeys = {
  list: ['schemes', 'list'] as const,
  scheme: (id: Id) => ['schemes', 'one', String(id)] as const,
};

export function useSchemes(enabled = true) {
  return useQuery({
    queryKey: schemeKeys.list,
    queryFn: ({ signal }) => fetchAllPages<Scheme>('/api/schemes', { limit: 200 }, signal),
    staleTime: 60_000,
    enabled,
  });
}

export function useScheme(id: Id | null) {
  return useQuery({
    queryKey: schemeKeys.scheme(id ?? ''),
    queryFn: ({ signal }) => api<Scheme>(`/api/schemes/${enc(id ?? '')}`, { signal }),
    enabled: id !== null,
    staleTime: 5 * 60_000, // a version never changes
  });
}

export function useCreateScheme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewSchemeInput) => api<Scheme>('/api/schemes', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: schemeKeys.list }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSchemeBody, Scheme } from '@baton/contract/schemes';
import { api, fetchAllPages } from '../../api/client';
import type { Id } from '../../shared/params';

/** Assessment schemes (docs/api-points.md "Schemes and periods"): versions by code, each an engine scheme definition (the contract's shapes). */

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
    mutationFn: (input: CreateSchemeBody) => api<Scheme>('/api/schemes', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: schemeKeys.list }),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CreatePersonBody, PeopleListResponse, Person, PersonDetail, PersonStatus, UpdatePersonBody } from '@baton/contract/people';
import type { Id } from '../../shared/params';
import { orgKeys } from '../org/org.api';

export interface PeopleFilter {
  q: string;
  unit: Id | null;
  subtree: boolean;
  status: PersonStatus | null;
  limit: number;
}

export const peopleKeys = {
  all: ['people'] as const,
  list: (filter: PeopleFilter, cursor: string | null) => ['people', 'list', filter, cursor] as const,
  count: (status: PersonStatus | null) => ['people', 'count', status] as const,
  detail: (id: Id) => ['people', 'detail', String(id)] as const,
};

export function fetchPeople(filter: PeopleFilter, cursor: string | null, signal?: AbortSignal): Promise<PeopleListResponse> {
  return api<PeopleListResponse>('/api/people', {
    query: {
      q: filter.q.trim() || undefined,
      unit: filter.unit ?? undefined,
      subtree: filter.unit !== null ? filter.subtree : undefined,
      status: filter.status ?? undefined,
      limit: filter.limit,
      cursor: cursor ?? undefined,
    },
    signal,
  });
}

export function usePeoplePage(filter: PeopleFilter, cursor: string | null) {
  return useQuery({
    queryKey: peopleKeys.list(filter, cursor),
    queryFn: ({ signal }) => fetchPeople(filter, cursor, signal),
    placeholderData: keepPreviousData,
  });
}

/** How many people (in the caller's scope) have a status: the `total` of a one-row page. */
export function usePeopleCount(status: PersonStatus | null) {
  return useQuery({
    queryKey: peopleKeys.count(status),
    queryFn: ({ signal }) =>
      fetchPeople({ q: '', unit: null, subtree: true, status, limit: 1 }, null, signal).then((page) => page.total),
    staleTime: 60_000,
  });
}

export function usePerson(id: Id | null) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<PersonDetail>(`/api/people/${encodeURIComponent(String(id))}`, { signal }),
    enabled: id !== null,
  });
}

/** People of a search box (accounts are created for a person). */
export function usePeopleSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['people', 'search', q],
    queryFn: ({ signal }) => fetchPeople({ q, unit: null, subtree: true, status: 'active', limit: 20 }, null, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePersonBody) => api<Person>('/api/people', { method: 'POST', body: input }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: peopleKeys.all });
      await client.invalidateQueries({ queryKey: orgKeys.units });
    },
  });
}

export function useUpdatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: Id; patch: UpdatePersonBody }) =>
      api<Person>(`/api/people/${encodeURIComponent(String(id))}`, { method: 'PATCH', body: patch }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: peopleKeys.all });
      await client.invalidateQueries({ queryKey: orgKeys.units });
    },
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account, AccountList, CreateAccountBody, CreatedAccount, ResetPassword, UpdateAccountBody } from '@baton/contract/accounts';
import { api } from '../../api/client';
import type { Id } from '../../shared/params';
import { peopleKeys } from '../people/people.api';

export const accountKeys = {
  all: ['accounts'] as const,
  list: (q: string, cursor: string | null, limit: number) => ['accounts', q, cursor, limit] as const,
};

export function useAccountsPage(q: string, cursor: string | null, limit: number) {
  return useQuery({
    queryKey: accountKeys.list(q, cursor, limit),
    queryFn: ({ signal }) =>
      api<AccountList>('/api/accounts', { query: { q: q.trim() || undefined, cursor: cursor ?? undefined, limit }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateAccounts() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: accountKeys.all });
    await client.invalidateQueries({ queryKey: peopleKeys.all });
  };
}

export function useCreateAccount() {
  const onSuccess = useInvalidateAccounts();
  return useMutation({
    mutationFn: (input: CreateAccountBody) => api<CreatedAccount>('/api/accounts', { method: 'POST', body: input }),
    onSuccess,
  });
}

export function useUpdateAccount() {
  const onSuccess = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, patch }: { id: Id; patch: UpdateAccountBody }) =>
      api<Account>(`/api/accounts/${encodeURIComponent(String(id))}`, { method: 'PATCH', body: patch }),
    onSuccess,
  });
}

export function useResetPassword() {
  const onSuccess = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, reason }: { id: Id; reason?: string }) =>
      api<ResetPassword>(`/api/accounts/${encodeURIComponent(String(id))}/reset-password`, {
        method: 'POST',
        body: reason ? { reason } : {},
      }),
    onSuccess,
  });
}

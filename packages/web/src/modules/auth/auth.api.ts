import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Role } from '@baton/contract/accounts';
import type { Ability, Me } from '@baton/contract/auth';

export const meQueryKey = ['me'] as const;

export function login(username: string, password: string): Promise<Me> {
  return api<Me>('/api/auth/login', { method: 'POST', body: { username, password } });
}

export function logout(): Promise<void> {
  return api<void>('/api/auth/logout', { method: 'POST' });
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return api<Me>('/api/me', { signal });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    retry: false,
    staleTime: 60_000,
  });
}

/** The signed-in caller; only for components rendered inside the session guard. */
export function useCurrentMe(): Me {
  const client = useQueryClient();
  const me = client.getQueryData<Me>(meQueryKey);
  const query = useMe();
  const value = query.data ?? me;
  if (!value) throw new Error('useCurrentMe() outside a signed-in session');
  return value;
}

export function can(me: Me | undefined, ability: Ability): boolean {
  return me?.abilities[ability] === true;
}

export function hasRole(me: Me | undefined, role: Role): boolean {
  return me?.roles.some((r) => r.role === role) ?? false;
}

/** Only a member: no admin, auditor or leader role (member-only callers get "my info" rather than the org tree). */
export function isMemberOnly(me: Me | undefined): boolean {
  if (!me) return false;
  return me.roles.length > 0 && me.roles.every((r) => r.role === 'member');
}

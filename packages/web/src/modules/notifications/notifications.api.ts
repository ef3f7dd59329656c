import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationsResponse, ReadAll } from '@baton/contract/notifications';
import { api } from '../../api/client';

/** In-app notifications of the signed-in account (docs/api-worklogs.md, "Notifications"): the contract's shapes. */

export const notificationKeys = {
  all: ['notifications'] as const,
  badge: ['notifications', 'badge'] as const,
  list: ['notifications', 'list'] as const,
};

/** The unread count for the header bell: polled every 30 s and whenever the window gets the focus back. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.badge,
    queryFn: ({ signal }) => api<NotificationsResponse>('/api/notifications', { query: { unreadOnly: true, limit: 1 }, signal }).then((p) => p.unread),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

export function useNotifications(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam, signal }) =>
      api<NotificationsResponse>('/api/notifications', { query: { limit: 20, cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<Notification>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<ReadAll>('/api/notifications/read-all', { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

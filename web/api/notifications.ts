import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NotificationItem, NotificationList, ReadAllResult } from '../../common/schemas/notifications.ts';
import { api, queryString } from './client.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (limit: number) => ['notifications', limit] as const,
};

/** My latest notifications and the unread count, refreshed every minute and when the window regains focus. */
export function useNotifications(limit = 20) {
  return useQuery({
    queryKey: notificationKeys.list(limit),
    queryFn: () => api<NotificationList>('GET', `/api/notifications${queryString({ limit })}`),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<NotificationItem>('POST', `/api/notifications/${id}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<z.infer<typeof ReadAllResult>>('POST', '/api/notifications/read-all'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NotificationPreferences,
  NotificationSettings,
  UnsubscribeResult,
  UpdateNotificationPreferencesInput,
  UpdateNotificationSettingsInput,
} from '../../common/schemas/notification-preferences.ts';
import { api, isApiError } from './client.ts';

const key = ['me', 'notification-preferences'];

/** How each kind of notification reaches me by e-mail. */
export function useNotificationPreferences() {
  return useQuery({ queryKey: key, queryFn: () => api<NotificationPreferences>('GET', '/api/me/notification-preferences') });
}

/** Saves every kind at once with the version read; a 409 carries the current preferences. */
export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateNotificationPreferencesInput) =>
      api<NotificationPreferences>('PUT', '/api/me/notification-preferences', input),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
    // Changed elsewhere meanwhile (another tab, an unsubscribe link): show the current ones.
    onError: (error) => {
      const current = isApiError(error, 'conflict') ? (error.details as { current?: NotificationPreferences } | null)?.current : undefined;
      if (current) queryClient.setQueryData(key, current);
    },
  });
}

/** One click from an e-mail's link, signed out. */
export function useUnsubscribe() {
  return useMutation({ mutationFn: (token: string) => api<UnsubscribeResult>('POST', '/api/notifications/unsubscribe', { token }) });
}

const settingsKey = ['settings', 'notifications'];

/** The district's digest hour and default e-mail language. */
export function useNotificationSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api<NotificationSettings>('GET', '/api/settings/notifications') });
}

/** District admins save them with the version read; a 409 carries the current ones. */
export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateNotificationSettingsInput) => api<NotificationSettings>('PUT', '/api/settings/notifications', input),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}

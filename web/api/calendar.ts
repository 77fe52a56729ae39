import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Calendar, CalendarFeedStatus, CreatedCalendarFeed } from '../../common/schemas/calendar.ts';
import { api, queryString } from './client.ts';

export const calendarKeys = {
  all: ['calendar'] as const,
  range: (personId: string, from: string, to: string) => ['calendar', 'range', personId, from, to] as const,
  feed: ['calendar', 'feed'] as const,
};

/** A person's events from `from` to `to` (ISO dates); the caller's own when `personId` is empty. */
export function useCalendar(personId: string, from: string, to: string) {
  return useQuery({
    queryKey: calendarKeys.range(personId, from, to),
    queryFn: () => api<Calendar>('GET', `/api/calendar${queryString({ personId: personId || undefined, from, to })}`),
  });
}

export function useCalendarFeed() {
  return useQuery({ queryKey: calendarKeys.feed, queryFn: () => api<CalendarFeedStatus>('GET', '/api/calendar/feed') });
}

/** Creates or replaces the caller's feed URL (the answer holds it once). */
export function useRotateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<CreatedCalendarFeed>('POST', '/api/calendar/feed'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: calendarKeys.feed }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<CalendarFeedStatus>('DELETE', '/api/calendar/feed'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: calendarKeys.feed }),
  });
}

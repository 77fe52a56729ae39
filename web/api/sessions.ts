import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DeviceSessionList, EndedSessions } from '../../common/schemas/sessions.ts';
import { api } from './client.ts';

type Ended = z.infer<typeof EndedSessions>;
const key = ['sessions'] as const;

/** The devices I am signed in on (this one included). */
export function useMySessions() {
  return useQuery({ queryKey: key, queryFn: () => api<z.infer<typeof DeviceSessionList>>('GET', '/api/sessions') });
}

/** Signs one of my other devices out. */
export function useEndMySession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/sessions/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

/** Signs me out on every device but this one. */
export function useEndMyOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<Ended>('POST', '/api/sessions/end-others'),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

/** A district admin signs a person out on every device. */
export function useEndPersonSessions(personId: string) {
  return useMutation({ mutationFn: () => api<Ended>('POST', '/api/sessions/end-person', { personId }) });
}

/** A district admin signs everyone in the district out (but their own session). */
export function useEndDistrictSessions() {
  return useMutation({ mutationFn: () => api<Ended>('POST', '/api/sessions/end-district') });
}

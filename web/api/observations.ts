import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateObservationInput,
  Observation,
  ObservationList,
  ObservationReply,
  RecordFeedbackInput,
  ReviseObservationInput,
  SaveDraftInput,
  SaveDraftResult,
} from '../../common/schemas/observations.ts';
import type { z } from 'zod';
import type { ObservationType, SchoolDaysCount } from '../../common/schemas/settings.ts';
import { api, queryString } from './client.ts';

export interface ObservationFilters {
  mine?: 'made' | 'received';
  status?: 'draft' | 'published';
  kind?: 'scored' | 'walkthrough';
  observedPersonId?: string;
  observerPersonId?: string;
  schoolId?: string;
  typeId?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export const observationKeys = {
  all: ['observations'] as const,
  lists: () => ['observations', 'list'] as const,
  list: (filters: ObservationFilters) => ['observations', 'list', filters] as const,
  detail: (id: string) => ['observations', 'detail', id] as const,
};

/**
 * Observations a page at a time, newest observed first; "show more" follows `nextCursor` (keyset
 * paging). Under the list key, so every observation write refreshes it.
 */
export function useObservationPages(filters: ObservationFilters) {
  return useInfiniteQuery({
    queryKey: observationKeys.list(filters),
    queryFn: ({ pageParam }) => api<ObservationList>('GET', `/api/observations${queryString({ ...filters, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export type ObservationPages = ReturnType<typeof useObservationPages>;

/** Every observation loaded so far (once each, should a refresh shift the pages) and the latest total. */
export function loadedObservations(pages: ObservationPages) {
  const seen = new Set<string>();
  const items = (pages.data?.pages ?? []).flatMap((p) => p.items).filter((o) => (seen.has(o.id) ? false : (seen.add(o.id), true)));
  const last = pages.data?.pages.at(-1);
  return { items, total: last?.total ?? 0, totalIsLowerBound: last?.totalIsLowerBound ?? false };
}

/** One observation. Never refetched under the observer's hands (the draft holds text being typed). */
export function useObservation(id: string) {
  return useQuery({
    queryKey: observationKeys.detail(id),
    queryFn: () => api<Observation>('GET', `/api/observations/${id}`),
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
}

/** The district's active observation types (scored, walkthrough...). */
export function useObservationTypes() {
  return useQuery({
    queryKey: ['observation-types', 'active'],
    queryFn: () => api<{ items: ObservationType[] }>('GET', '/api/observation-types?active=true'),
    staleTime: 60_000,
  });
}

/** School days from `from` (exclusive) to `to` in the district calendar ("due in 2 school days"). */
export function useSchoolDays(from: string, to: string | null) {
  return useQuery({
    queryKey: ['school-days', from, to],
    queryFn: () => api<z.infer<typeof SchoolDaysCount>>('GET', `/api/school-calendar/school-days${queryString({ from, to })}`),
    enabled: !!to && to >= from,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useCreateObservation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateObservationInput) => api<Observation>('POST', '/api/observations', input),
    onSuccess: (observation) => {
      queryClient.setQueryData(observationKeys.detail(observation.id), observation);
      void queryClient.invalidateQueries({ queryKey: observationKeys.lists() });
    },
  });
}

/** The autosave: the page keeps its own state, so no cache update. */
export function saveObservationDraft(id: string, input: SaveDraftInput) {
  return api<SaveDraftResult>('PUT', `/api/observations/${id}/draft`, input);
}

/** Writes answering with the whole observation put it in the cache (the page switches mode on it). */
function useObservationWrite<I>(id: string, request: (input: I) => Promise<Observation>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (observation) => {
      queryClient.setQueryData(observationKeys.detail(id), observation);
      void queryClient.invalidateQueries({ queryKey: observationKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ['action-steps'] });
    },
  });
}

export function usePublishObservation(id: string) {
  return useObservationWrite(id, (input: { version: number; feedbackMeetingAt: string | null }) =>
    api<Observation>('POST', `/api/observations/${id}/publish`, input),
  );
}

export function useReviseObservation(id: string) {
  return useObservationWrite(id, (input: ReviseObservationInput) => api<Observation>('POST', `/api/observations/${id}/revise`, input));
}

export function useAcknowledgeObservation(id: string) {
  return useObservationWrite(id, (revision: number) => api<Observation>('POST', `/api/observations/${id}/acknowledge`, { revision }));
}

export function useRecordFeedback(id: string) {
  return useObservationWrite(id, (input: RecordFeedbackInput) => api<Observation>('POST', `/api/observations/${id}/feedback`, input));
}

export function useReply(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<ObservationReply>('POST', `/api/observations/${id}/replies`, { body }),
    onSuccess: (reply) =>
      queryClient.setQueryData<Observation>(observationKeys.detail(id), (o) =>
        o && !o.replies.some((r) => r.id === reply.id) ? { ...o, replies: [...o.replies, reply] } : o,
      ),
  });
}

export function useDiscardObservation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api<void>('DELETE', `/api/observations/${id}${queryString({ version })}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: observationKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: observationKeys.lists() });
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateCycleInput, Cycle, CycleList, CycleOptions, UnmatchedList } from '../../common/schemas/performance-cycles.ts';
import { api, queryString } from './client.ts';

export const cycleKeys = {
  all: ['performance-cycles'] as const,
  list: () => ['performance-cycles', 'list'] as const,
  options: () => ['performance-cycles', 'options'] as const,
  detail: (id: string) => ['performance-cycles', 'detail', id] as const,
  unmatched: (id: string, offset: number) => ['performance-cycles', 'unmatched', id, offset] as const,
};

/** HR's cycles with their completion counts. */
export function useCycles() {
  return useQuery({ queryKey: cycleKeys.list(), queryFn: () => api<z.infer<typeof CycleList>>('GET', '/api/performance/cycles') });
}

/** Steps and competencies the new-cycle form offers. */
export function useCycleOptions() {
  return useQuery({ queryKey: cycleKeys.options(), queryFn: () => api<CycleOptions>('GET', '/api/performance/cycles/options') });
}

/** One cycle; while its job runs the page polls every second for the progress. */
export function useCycle(id: string) {
  return useQuery({
    queryKey: cycleKeys.detail(id),
    queryFn: () => api<Cycle>('GET', `/api/performance/cycles/${id}`),
    refetchInterval: (q) => (q.state.data?.progress ? 1_000 : false),
  });
}

export function useUnmatched(id: string, offset: number, enabled: boolean) {
  return useQuery({
    queryKey: cycleKeys.unmatched(id, offset),
    queryFn: () =>
      api<z.infer<typeof UnmatchedList>>('GET', `/api/performance/cycles/${id}/unmatched${queryString({ limit: 50, offset })}`),
    enabled,
  });
}

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCycleInput) => api<Cycle>('POST', '/api/performance/cycles', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}

/** Open (with the version read), sync or close a cycle. */
export function useCycleAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, version }: { action: 'open' | 'sync' | 'close'; version: number }) =>
      api<Cycle>('POST', `/api/performance/cycles/${id}/${action}`, action === 'sync' ? {} : { version }),
    onSuccess: (cycle) => {
      queryClient.setQueryData(cycleKeys.detail(id), cycle);
      void queryClient.invalidateQueries({ queryKey: cycleKeys.all });
    },
  });
}

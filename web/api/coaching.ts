import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Caseload,
  ChangeCyclePhaseInput,
  CoachingCycleDetail,
  CoachingCycleList,
  CoachingLog,
  CoachingLogList,
  CoachingLogQuery,
  CoachingPersonSummary,
  CoachingPlan,
  CoachingPlanList,
  CreateCoachingCycleInput,
  CreateCoachingLogInput,
  CreateCoachingPlanInput,
  FocusItemList,
  SchoolCoaching,
  UpdateCoachingCycleInput,
  UpdateCoachingLogInput,
  UpdateCoachingPlanInput,
} from '../../common/schemas/coaching.ts';
import { api, queryString } from './client.ts';

export const coachingKeys = {
  all: ['coaching'] as const,
  caseload: ['coaching', 'caseload'] as const,
  school: ['coaching', 'school'] as const,
  focusItems: ['coaching', 'focus-items'] as const,
  plans: (personId?: string) => ['coaching', 'plans', personId ?? 'me'] as const,
  plan: (id: string) => ['coaching', 'plan', id] as const,
  cycles: (q: { personId?: string; planId?: string }) => ['coaching', 'cycles', q] as const,
  cycle: (id: string) => ['coaching', 'cycle', id] as const,
  summary: (personId: string) => ['coaching', 'summary', personId] as const,
};

export const useCaseload = (enabled = true) =>
  useQuery({ queryKey: coachingKeys.caseload, queryFn: () => api<z.infer<typeof Caseload>>('GET', '/api/coaching/caseload'), enabled });

export const useSchoolCoaching = (enabled = true) =>
  useQuery({ queryKey: coachingKeys.school, queryFn: () => api<z.infer<typeof SchoolCoaching>>('GET', '/api/coaching/school'), enabled });

export const useFocusItems = () =>
  useQuery({
    queryKey: coachingKeys.focusItems,
    queryFn: () => api<z.infer<typeof FocusItemList>>('GET', '/api/coaching/focus-items'),
    staleTime: 300_000,
  });

export const usePlans = (personId?: string) =>
  useQuery({
    queryKey: coachingKeys.plans(personId),
    queryFn: () => api<z.infer<typeof CoachingPlanList>>('GET', `/api/coaching/plans${queryString({ personId })}`),
  });

export const usePlan = (id: string) =>
  useQuery({ queryKey: coachingKeys.plan(id), queryFn: () => api<CoachingPlan>('GET', `/api/coaching/plans/${id}`) });

export const useCycles = (q: { personId?: string; planId?: string }) =>
  useQuery({
    queryKey: coachingKeys.cycles(q),
    queryFn: () => api<z.infer<typeof CoachingCycleList>>('GET', `/api/coaching/cycles${queryString(q)}`),
  });

export const useCycle = (id: string) =>
  useQuery({ queryKey: coachingKeys.cycle(id), queryFn: () => api<CoachingCycleDetail>('GET', `/api/coaching/cycles/${id}`) });

export const usePersonCoachingSummary = (personId: string) =>
  useQuery({
    queryKey: coachingKeys.summary(personId),
    queryFn: () => api<CoachingPersonSummary>('GET', `/api/coaching/people/${personId}/summary`),
  });

/** Every write refreshes everything coaching (lists are small and views depend on each other). */
function useCoachingWrite<I, R>(request: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => void queryClient.invalidateQueries({ queryKey: coachingKeys.all }) });
}

export const useCreatePlan = () =>
  useCoachingWrite((input: z.input<typeof CreateCoachingPlanInput>) => api<CoachingPlan>('POST', '/api/coaching/plans', input));
export const useUpdatePlan = () =>
  useCoachingWrite(({ id, ...input }: z.input<typeof UpdateCoachingPlanInput> & { id: string }) =>
    api<CoachingPlan>('PATCH', `/api/coaching/plans/${id}`, input),
  );

export const useCreateCycle = () =>
  useCoachingWrite((input: z.input<typeof CreateCoachingCycleInput>) => api<CoachingCycleDetail>('POST', '/api/coaching/cycles', input));
export const useUpdateCycle = () =>
  useCoachingWrite(({ id, ...input }: z.input<typeof UpdateCoachingCycleInput> & { id: string }) =>
    api<CoachingCycleDetail>('PATCH', `/api/coaching/cycles/${id}`, input),
  );
export const useChangeCyclePhase = () =>
  useCoachingWrite(({ id, ...input }: z.input<typeof ChangeCyclePhaseInput> & { id: string }) =>
    api<CoachingCycleDetail>('POST', `/api/coaching/cycles/${id}/phase`, input),
  );

export const useCreateLog = () =>
  useCoachingWrite((input: z.input<typeof CreateCoachingLogInput>) => api<CoachingLog>('POST', '/api/coaching/logs', input));
export const useUpdateLog = () =>
  useCoachingWrite(({ id, ...input }: z.input<typeof UpdateCoachingLogInput> & { id: string }) =>
    api<CoachingLog>('PATCH', `/api/coaching/logs/${id}`, input),
  );
export const useRateLog = () =>
  useCoachingWrite(({ id, helpfulness }: { id: string; helpfulness: number | null }) =>
    api<CoachingLog>('POST', `/api/coaching/logs/${id}/rating`, { helpfulness }),
  );
export const useShareLog = () =>
  useCoachingWrite(({ id, shared }: { id: string; shared: boolean }) =>
    api<CoachingLog>('POST', `/api/coaching/logs/${id}/share`, { shared }),
  );

export type SessionQuery = Pick<CoachingLogQuery, 'personId' | 'personRole' | 'planId' | 'cycleId'>;

/**
 * Coaching sessions a page at a time (the server's default page, newest first); "show more" follows
 * `nextCursor`. Under the `coaching` key, so every coaching write refreshes it.
 */
export function useSessionPages(q: SessionQuery) {
  return useInfiniteQuery({
    queryKey: [...coachingKeys.all, 'logs', 'pages', q],
    queryFn: ({ pageParam }) => api<CoachingLogList>('GET', `/api/coaching/logs${queryString({ ...q, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export type SessionPages = ReturnType<typeof useSessionPages>;

/** Every session loaded so far (once each, should a refresh shift the pages), the total, and how many the reader has to rate. */
export function loadedSessions(pages: SessionPages) {
  const seen = new Set<string>();
  const items = (pages.data?.pages ?? []).flatMap((p) => p.items).filter((log) => (seen.has(log.id) ? false : (seen.add(log.id), true)));
  const last = pages.data?.pages.at(-1);
  return { items, total: last?.total ?? 0, toRate: last?.toRate ?? 0 };
}

import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  CompletionPeople,
  CompletionView,
  MissingKind,
  PlanHistory,
  RatingDistribution,
  ViewCycles,
} from '../../common/schemas/performance-views.ts';
import { api, queryString } from './client.ts';

export const performanceViewKeys = {
  cycles: ['performance-views', 'cycles'] as const,
  completion: (cycleId: string) => ['performance-views', 'completion', cycleId] as const,
  people: (cycleId: string, orgUnitId: string | undefined, missing: MissingKind) =>
    ['performance-views', 'people', cycleId, orgUnitId ?? 'all', missing] as const,
  ratings: (cycleId: string, by: string) => ['performance-views', 'ratings', cycleId, by] as const,
  history: (personId: string) => ['performance-views', 'history', personId] as const,
};

export const useViewCycles = () =>
  useQuery({ queryKey: performanceViewKeys.cycles, queryFn: () => api<ViewCycles>('GET', '/api/performance/completion/cycles') });

export const useCompletion = (cycleId: string | null) =>
  useQuery({
    queryKey: performanceViewKeys.completion(cycleId ?? ''),
    queryFn: () => api<CompletionView>('GET', `/api/performance/cycles/${cycleId}/completion`),
    enabled: !!cycleId,
    placeholderData: keepPreviousData,
  });

/** The people behind a completion count, a page at a time. */
export const useCompletionPeople = (cycleId: string, orgUnitId: string | undefined, missing: MissingKind) =>
  useInfiniteQuery({
    queryKey: performanceViewKeys.people(cycleId, orgUnitId, missing),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api<CompletionPeople>(
        'GET',
        `/api/performance/cycles/${cycleId}/completion/people${queryString({ orgUnitId, missing, cursor: pageParam, limit: 50 })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useRatings = (cycleId: string | null, by: 'school' | 'evaluator') =>
  useQuery({
    queryKey: performanceViewKeys.ratings(cycleId ?? '', by),
    queryFn: () => api<RatingDistribution>('GET', `/api/performance/cycles/${cycleId}/ratings${queryString({ by })}`),
    enabled: !!cycleId,
    placeholderData: keepPreviousData,
  });

export const usePlanHistory = (personId: string) =>
  useQuery({
    queryKey: performanceViewKeys.history(personId),
    queryFn: () => api<PlanHistory>('GET', `/api/people/${personId}/performance-history`),
  });

export const planExportUrl = (planId: string, ext: 'pdf' | 'docx') => `/api/performance/plans/${planId}/export.${ext}`;

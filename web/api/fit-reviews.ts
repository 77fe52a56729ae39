import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  FitAdoptInput,
  FitCandidateInput,
  FitCandidateUpdateInput,
  FitRecommendationInput,
  FitReviewCreateInput,
  FitReviewDetail,
  FitReviewList,
  FitReviewStatusInput,
  FitReviewUpdateInput,
} from '../../common/schemas/fit-reviews.ts';
import { api, queryString } from './client.ts';

const base = '/api/assessments/fit-reviews';

export const fitReviewKeys = {
  list: (filters: Record<string, string>) => ['assessments', 'fit-reviews', filters] as const,
  detail: (id: string) => ['assessments', 'fit-review', id] as const,
};

export const useFitReviews = (filters: { initiativeId?: string } = {}, enabled = true) =>
  useQuery({
    queryKey: fitReviewKeys.list(filters as Record<string, string>),
    queryFn: () => api<FitReviewList>('GET', `${base}${queryString({ ...filters, limit: 100 })}`),
    enabled,
  });

export const useFitReview = (id: string) =>
  useQuery({ queryKey: fitReviewKeys.detail(id), queryFn: () => api<FitReviewDetail>('GET', `${base}/${id}`) });

/** A write answers the review: it replaces the cached one; lists, administrations and initiatives refresh. */
function useReviewWrite<I>(fn: (input: I) => Promise<FitReviewDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => queryClient.setQueryData(fitReviewKeys.detail(r.id), r),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['assessments', 'fit-reviews'] });
      void queryClient.invalidateQueries({ queryKey: ['assessments', 'administration'] });
      void queryClient.invalidateQueries({ queryKey: ['initiatives'] });
    },
  });
}

export const useCreateFitReview = () =>
  useReviewWrite((input: z.input<typeof FitReviewCreateInput>) => api<FitReviewDetail>('POST', base, input));
export const useUpdateFitReview = (id: string) =>
  useReviewWrite((input: FitReviewUpdateInput) => api<FitReviewDetail>('PATCH', `${base}/${id}`, input));
export const useSetFitReviewStatus = (id: string) =>
  useReviewWrite((input: FitReviewStatusInput) => api<FitReviewDetail>('POST', `${base}/${id}/status`, input));
export const useAddCandidate = (id: string) =>
  useReviewWrite((input: z.input<typeof FitCandidateInput>) => api<FitReviewDetail>('POST', `${base}/${id}/candidates`, input));
export const useUpdateCandidate = (id: string) =>
  useReviewWrite(({ candidateId, ...input }: FitCandidateUpdateInput & { candidateId: string }) =>
    api<FitReviewDetail>('PATCH', `${base}/${id}/candidates/${candidateId}`, input),
  );
export const useRecommend = (id: string) =>
  useReviewWrite(({ candidateId, ...input }: z.input<typeof FitRecommendationInput> & { candidateId: string }) =>
    api<FitReviewDetail>('PUT', `${base}/${id}/candidates/${candidateId}/recommendation`, input),
  );
export const useAdoptCandidate = (id: string) =>
  useReviewWrite(({ candidateId, ...input }: FitAdoptInput & { candidateId: string }) =>
    api<FitReviewDetail>('POST', `${base}/${id}/candidates/${candidateId}/adopt`, input),
  );

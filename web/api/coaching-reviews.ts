import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AcknowledgeCoachingPlanReviewInput,
  CoachingPlanReview,
  CoachingPlanReviewList,
  CreateCoachingPlanReviewInput,
  OverdueReviewList,
  UpdateCoachingPlanReviewInput,
} from '../../common/schemas/coaching-reviews.ts';
import { api } from './client.ts';
import { coachingKeys } from './coaching.ts';

/** Under the `coaching` key: a review's decision changes the plan, and every coaching write refreshes these. */
export const reviewKeys = {
  plan: (planId: string) => [...coachingKeys.all, 'reviews', planId] as const,
  overdue: [...coachingKeys.all, 'reviews', 'overdue'] as const,
};

export const usePlanReviews = (planId: string) =>
  useQuery({
    queryKey: reviewKeys.plan(planId),
    queryFn: () => api<CoachingPlanReviewList>('GET', `/api/coaching/plans/${planId}/reviews`),
  });

export const useOverdueReviews = (enabled = true) =>
  useQuery({ queryKey: reviewKeys.overdue, queryFn: () => api<OverdueReviewList>('GET', '/api/coaching/reviews/overdue'), enabled });

function useReviewWrite<I>(request: (input: I) => Promise<CoachingPlanReview>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => void queryClient.invalidateQueries({ queryKey: coachingKeys.all }) });
}

export const useRecordReview = (planId: string) =>
  useReviewWrite((input: z.input<typeof CreateCoachingPlanReviewInput>) =>
    api<CoachingPlanReview>('POST', `/api/coaching/plans/${planId}/reviews`, input),
  );

export const useUpdateReview = (planId: string) =>
  useReviewWrite(({ id, ...input }: z.input<typeof UpdateCoachingPlanReviewInput> & { id: string }) =>
    api<CoachingPlanReview>('PATCH', `/api/coaching/plans/${planId}/reviews/${id}`, input),
  );

export const useAcknowledgeReview = (planId: string) =>
  useReviewWrite(({ id, ...input }: z.input<typeof AcknowledgeCoachingPlanReviewInput> & { id: string }) =>
    api<CoachingPlanReview>('POST', `/api/coaching/plans/${planId}/reviews/${id}/acknowledge`, input),
  );

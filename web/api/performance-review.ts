import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AcknowledgeInput,
  CheckIn,
  CheckInList,
  ReflectionInput,
  ReopenReviewInput,
  Review,
  UpdateCheckInInput,
  UpdateReviewInput,
} from '../../common/schemas/performance-review.ts';
import { api } from './client.ts';

export const reviewKeys = {
  checkIns: (planId: string) => ['performance', 'plans', planId, 'check-ins'] as const,
  review: (planId: string) => ['performance', 'plans', planId, 'review'] as const,
};

/** A plan's check-ins (one per date of its cycle). */
export function useCheckIns(planId: string) {
  return useQuery({
    queryKey: reviewKeys.checkIns(planId),
    queryFn: () => api<CheckInList>('GET', `/api/performance/plans/${planId}/check-ins`),
  });
}

export const saveCheckIn = (planId: string, checkInId: string, input: z.input<typeof UpdateCheckInInput>) =>
  api<CheckIn>('PUT', `/api/performance/plans/${planId}/check-ins/${checkInId}`, input);

/** A plan's end-of-year review, with the evidence at hand. */
export function useReview(planId: string) {
  return useQuery({ queryKey: reviewKeys.review(planId), queryFn: () => api<Review>('GET', `/api/performance/plans/${planId}/review`) });
}

export const saveReview = (planId: string, input: z.input<typeof UpdateReviewInput>) =>
  api<Review>('PUT', `/api/performance/plans/${planId}/review`, input);
export const saveReflection = (planId: string, input: z.input<typeof ReflectionInput>) =>
  api<Review>('PUT', `/api/performance/plans/${planId}/review/reflection`, input);
export const completeReview = (planId: string, version: number) =>
  api<Review>('POST', `/api/performance/plans/${planId}/review/complete`, { version });
export const acknowledgeReview = (planId: string, input: z.input<typeof AcknowledgeInput>) =>
  api<Review>('POST', `/api/performance/plans/${planId}/review/acknowledge`, input);
export const reopenReview = (planId: string, input: z.input<typeof ReopenReviewInput>) =>
  api<Review>('POST', `/api/performance/plans/${planId}/review/reopen`, input);

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActionPlanDetail,
  ActionPlanItemDetail,
  ActionPlanList,
  ActionPlanOptions,
  CreateActionPlanInput,
  CreateActionPlanItemInput,
  CreateReviewInput,
  DataSourcePlans,
  DataSourceQuery,
  MeetingActionReview,
  UpdateActionPlanInput,
  UpdateActionPlanItemInput,
} from '../../common/schemas/action-plans.ts';
import { api, queryString } from './client.ts';

export const actionPlanKeys = {
  all: ['action-plans'] as const,
  team: (teamId: string) => ['action-plans', 'team', teamId] as const,
  plan: (planId: string) => ['action-plans', 'plan', planId] as const,
  options: (planId: string) => ['action-plans', 'options', planId] as const,
  item: (planId: string, itemId: string) => ['action-plans', 'item', planId, itemId] as const,
  meeting: (teamId: string, meetingId: string) => ['action-plans', 'meeting', teamId, meetingId] as const,
};

export const useTeamActionPlans = (teamId: string) =>
  useQuery({
    queryKey: actionPlanKeys.team(teamId),
    queryFn: () => api<ActionPlanList>('GET', `/api/implementation-teams/${teamId}/action-plans`),
  });

export const useActionPlan = (planId: string) =>
  useQuery({ queryKey: actionPlanKeys.plan(planId), queryFn: () => api<ActionPlanDetail>('GET', `/api/action-plans/${planId}`) });

export const useActionPlanOptions = (planId: string) =>
  useQuery({
    queryKey: actionPlanKeys.options(planId),
    queryFn: () => api<ActionPlanOptions>('GET', `/api/action-plans/${planId}/options`),
  });

export const useActionPlanItem = (planId: string, itemId: string) =>
  useQuery({
    queryKey: actionPlanKeys.item(planId, itemId),
    queryFn: () => api<ActionPlanItemDetail>('GET', `/api/action-plans/${planId}/items/${itemId}`),
  });

/** The team's items due for review at this meeting, and the reviews recorded at it. */
export const useMeetingActionReview = (teamId: string, meetingId: string) =>
  useQuery({
    queryKey: actionPlanKeys.meeting(teamId, meetingId),
    queryFn: () => api<MeetingActionReview>('GET', `/api/implementation-teams/${teamId}/meetings/${meetingId}/action-plan-review`),
  });

/** Any write refreshes every action plan query (lists, plans, meeting reviews). */
function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void queryClient.invalidateQueries({ queryKey: actionPlanKeys.all }) });
}

export const useCreateActionPlan = (teamId: string) =>
  useWrite((input: z.input<typeof CreateActionPlanInput>) =>
    api<ActionPlanDetail>('POST', `/api/implementation-teams/${teamId}/action-plans`, input),
  );

export const useUpdateActionPlan = (planId: string) =>
  useWrite((input: UpdateActionPlanInput) => api<ActionPlanDetail>('PATCH', `/api/action-plans/${planId}`, input));

export const useCreateActionPlanItem = (planId: string) =>
  useWrite((input: z.input<typeof CreateActionPlanItemInput>) =>
    api<ActionPlanItemDetail>('POST', `/api/action-plans/${planId}/items`, input),
  );

export const useUpdateActionPlanItem = (planId: string, itemId: string) =>
  useWrite((input: UpdateActionPlanItemInput) => api<ActionPlanItemDetail>('PATCH', `/api/action-plans/${planId}/items/${itemId}`, input));

export const useAddActionPlanReview = (planId: string, itemId: string) =>
  useWrite((input: z.input<typeof CreateReviewInput>) =>
    api<ActionPlanItemDetail>('POST', `/api/action-plans/${planId}/items/${itemId}/reviews`, input),
  );

/** What a "Plan an action" link names: the source's facts, the plans it fits, the teams that may start one. */
export const useDataSourcePlans = (source: DataSourceQuery | null) =>
  useQuery({
    queryKey: [...actionPlanKeys.all, 'from-source', source] as const,
    queryFn: () => api<DataSourcePlans>('GET', `/api/action-plans/from-source${queryString(source ?? {})}`),
    enabled: source !== null,
    retry: false,
  });

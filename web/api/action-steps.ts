import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionStep, ActionStepList, CreateActionStepInput, UpdateActionStepInput } from '../../common/schemas/action-steps.ts';
import type { Observation } from '../../common/schemas/observations.ts';
import type { LibraryStep } from '../../common/schemas/settings.ts';
import { api, queryString } from './client.ts';
import { observationKeys } from './observations.ts';

export const actionStepKeys = {
  all: ['action-steps'] as const,
  list: (filters: { personId?: string; open?: string }) => ['action-steps', 'list', filters] as const,
  library: (q: string, itemId: string | undefined) => ['action-step-library', q, itemId ?? ''] as const,
};

export function useActionSteps(filters: { personId?: string; open?: 'true' | 'false' }) {
  return useQuery({
    queryKey: actionStepKeys.list(filters),
    queryFn: () => api<ActionStepList>('GET', `/api/action-steps${queryString({ ...filters })}`),
  });
}

/** The district library, searched by words and/or competency (active steps only). */
export function useActionStepLibrary(q: string, itemId?: string, enabled = true) {
  return useQuery({
    queryKey: actionStepKeys.library(q, itemId),
    queryFn: () => api<{ items: LibraryStep[]; total: number }>('GET', `/api/action-step-library${queryString({ q, itemId, limit: 20 })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Agrees a step in an observation: it joins the observation's list in the cache at once. */
export function useAddActionStep(observationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateActionStepInput) => api<ActionStep>('POST', `/api/observations/${observationId}/action-steps`, input),
    onSuccess: (step) => {
      queryClient.setQueryData<Observation>(observationKeys.detail(observationId), (o) =>
        o ? { ...o, actionSteps: [...o.actionSteps.filter((s) => s.id !== step.id), step] } : o,
      );
      void queryClient.invalidateQueries({ queryKey: actionStepKeys.all });
    },
  });
}

export function useUpdateActionStep(observationId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateActionStepInput & { id: string }) => api<ActionStep>('PATCH', `/api/action-steps/${id}`, input),
    onSuccess: (step) => {
      if (observationId) {
        queryClient.setQueryData<Observation>(observationKeys.detail(observationId), (o) =>
          o
            ? {
                ...o,
                actionSteps: o.actionSteps.map((s) => (s.id === step.id ? step : s)),
                openActionSteps: o.openActionSteps.map((s) => (s.id === step.id ? step : s)),
              }
            : o,
        );
      }
      void queryClient.invalidateQueries({ queryKey: actionStepKeys.all });
    },
  });
}

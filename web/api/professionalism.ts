import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClosePlanInput,
  Concern,
  ConcernInput,
  ConcernList,
  ImprovementPlan,
  ImprovementPlanInput,
  ImprovementPlanList,
  ImprovementPlanUpdate,
  ListItemInput,
  ListItemUpdate,
  ProfessionalismSetup,
  ReorderInput,
} from '../../common/schemas/professionalism.ts';
import { api } from './client.ts';

export type ListKind = 'expectations' | 'escalation-steps';
const keys = { all: ['professionalism'] as const, setup: ['professionalism', 'setup'] as const };

function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.all }) });
}

/** The district's expectations and escalation steps (everyone reads them; HR edits). */
export const useProfessionalismSetup = () =>
  useQuery({ queryKey: keys.setup, queryFn: () => api<ProfessionalismSetup>('GET', '/api/professionalism/setup') });
export const useSuggestedLists = () => useWrite(() => api<ProfessionalismSetup>('POST', '/api/professionalism/suggested'));
export const useAddListItem = (kind: ListKind) =>
  useWrite((input: z.input<typeof ListItemInput>) => api<ProfessionalismSetup>('POST', `/api/professionalism/${kind}`, input));
export const useUpdateListItem = (kind: ListKind) =>
  useWrite(({ id, ...input }: z.input<typeof ListItemUpdate> & { id: string }) =>
    api<ProfessionalismSetup>('PUT', `/api/professionalism/${kind}/${id}`, input),
  );
export const useReorderList = (kind: ListKind) =>
  useWrite((input: z.input<typeof ReorderInput>) => api<ProfessionalismSetup>('PUT', `/api/professionalism/${kind}/order`, input));

/** Concerns and improvement plans the caller may see. */
export const useConcerns = () =>
  useQuery({
    queryKey: [...keys.all, 'concerns'],
    queryFn: () => api<z.infer<typeof ConcernList>>('GET', '/api/professionalism/concerns?limit=200'),
  });
export const useConcern = (id: string) =>
  useQuery({ queryKey: [...keys.all, 'concern', id], queryFn: () => api<Concern>('GET', `/api/professionalism/concerns/${id}`) });
export const useRaiseConcern = () =>
  useWrite(({ personId, ...input }: z.input<typeof ConcernInput> & { personId: string }) =>
    api<Concern>('POST', `/api/people/${personId}/concerns`, input),
  );
export const useRespondToConcern = (id: string) =>
  useWrite((input: { response: string; version: number }) => api<Concern>('PUT', `/api/professionalism/concerns/${id}/response`, input));
export const useResolveConcern = (id: string) =>
  useWrite((input: { version: number }) => api<Concern>('POST', `/api/professionalism/concerns/${id}/resolve`, input));

export const useImprovementPlans = () =>
  useQuery({
    queryKey: [...keys.all, 'plans'],
    queryFn: () => api<z.infer<typeof ImprovementPlanList>>('GET', '/api/improvement-plans?limit=200'),
  });
export const useImprovementPlan = (id: string) =>
  useQuery({ queryKey: [...keys.all, 'plan', id], queryFn: () => api<ImprovementPlan>('GET', `/api/improvement-plans/${id}`) });
export const useCreateImprovementPlan = () =>
  useWrite(({ personId, ...input }: z.input<typeof ImprovementPlanInput> & { personId: string }) =>
    api<ImprovementPlan>('POST', `/api/people/${personId}/improvement-plans`, input),
  );
export const useUpdateImprovementPlan = (id: string) =>
  useWrite((input: z.input<typeof ImprovementPlanUpdate>) => api<ImprovementPlan>('PUT', `/api/improvement-plans/${id}`, input));
export const useActivateImprovementPlan = (id: string) =>
  useWrite((input: { version: number }) => api<ImprovementPlan>('POST', `/api/improvement-plans/${id}/activate`, input));
export const useCloseImprovementPlan = (id: string) =>
  useWrite((input: z.input<typeof ClosePlanInput>) => api<ImprovementPlan>('POST', `/api/improvement-plans/${id}/close`, input));
export const useRespondToImprovementPlan = (id: string) =>
  useWrite((input: { response: string; version: number }) => api<ImprovementPlan>('PUT', `/api/improvement-plans/${id}/response`, input));

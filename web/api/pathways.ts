import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateEquivalenceInput,
  CreatePathwayInput,
  CreateStepInput,
  Pathway,
  PathwayList,
  PathwayStep,
  UpdatePathwayInput,
  UpdateStepInput,
} from '../../common/schemas/pathways.ts';
import type { StepComparison } from '../../common/schemas/rubrics.ts';
import { api, queryString } from './client.ts';

export type PathwayListResult = z.infer<typeof PathwayList>;

export const pathwayKeys = {
  all: ['pathways'] as const,
  list: (active: string) => ['pathways', 'list', active] as const,
  detail: (id: string) => ['pathways', 'detail', id] as const,
  compare: (a: string, b: string, versionId?: string) => ['pathways', 'compare', a, b, versionId ?? ''] as const,
};

export function usePathways(active: 'true' | 'false' | 'all' = 'true') {
  return useQuery({
    queryKey: pathwayKeys.list(active),
    queryFn: () => api<PathwayListResult>('GET', `/api/pathways${queryString({ active })}`),
  });
}

export function usePathway(id: string) {
  return useQuery({ queryKey: pathwayKeys.detail(id), queryFn: () => api<Pathway>('GET', `/api/pathways/${id}`) });
}

export function useStepComparison(a: string, b: string, versionId?: string) {
  return useQuery({
    queryKey: pathwayKeys.compare(a, b, versionId),
    queryFn: () => api<StepComparison>('GET', `/api/pathway-steps/compare${queryString({ a, b, versionId })}`),
    enabled: Boolean(a && b),
  });
}

/** Every write refreshes the pathway lists and ladders (they are small). */
function usePathwayWrite<I, R>(request: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pathwayKeys.all }),
  });
}

export function useCreatePathway() {
  return usePathwayWrite((input: z.input<typeof CreatePathwayInput>) => api<Pathway>('POST', '/api/pathways', input));
}

export function useUpdatePathway() {
  return usePathwayWrite(({ id, ...input }: z.input<typeof UpdatePathwayInput> & { id: string }) =>
    api<Pathway>('PATCH', `/api/pathways/${id}`, input),
  );
}

export function useSetPathwayActive() {
  return usePathwayWrite(({ id, active, version }: { id: string; active: boolean; version: number }) =>
    api<Pathway>('POST', `/api/pathways/${id}/${active ? 'reactivate' : 'deactivate'}`, { version }),
  );
}

export function useCreateStep() {
  return usePathwayWrite(({ pathwayId, ...input }: z.input<typeof CreateStepInput> & { pathwayId: string }) =>
    api<PathwayStep>('POST', `/api/pathways/${pathwayId}/steps`, input),
  );
}

export function useUpdateStep() {
  return usePathwayWrite(({ id, ...input }: z.input<typeof UpdateStepInput> & { id: string }) =>
    api<PathwayStep>('PATCH', `/api/pathway-steps/${id}`, input),
  );
}

export function useSetStepActive() {
  return usePathwayWrite(({ id, active, version }: { id: string; active: boolean; version: number }) =>
    api<PathwayStep>('POST', `/api/pathway-steps/${id}/${active ? 'reactivate' : 'deactivate'}`, { version }),
  );
}

export function useReorderSteps() {
  return usePathwayWrite(({ pathwayId, version, stepIds }: { pathwayId: string; version: number; stepIds: string[] }) =>
    api<Pathway>('POST', `/api/pathways/${pathwayId}/steps/reorder`, { version, stepIds }),
  );
}

export function useCreateEquivalence() {
  return usePathwayWrite(({ stepId, ...input }: z.input<typeof CreateEquivalenceInput> & { stepId: string }) =>
    api<PathwayStep>('POST', `/api/pathway-steps/${stepId}/equivalences`, input),
  );
}

export function useDeleteEquivalence() {
  return usePathwayWrite(({ stepId, equivalenceId }: { stepId: string; equivalenceId: string }) =>
    api<void>('DELETE', `/api/pathway-steps/${stepId}/equivalences/${equivalenceId}`),
  );
}

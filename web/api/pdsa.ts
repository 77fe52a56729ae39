import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PdsaAdvanceInput,
  PdsaCreateInput,
  PdsaCycleDetail,
  PdsaList,
  PdsaOptions,
  PdsaSaveInput,
} from '../../common/schemas/pdsa.ts';
import { api, queryString } from './client.ts';

export const pdsaKeys = {
  all: (initiativeId: string) => ['pdsa', initiativeId] as const,
  list: (initiativeId: string, filters: Record<string, string>) => ['pdsa', initiativeId, 'list', filters] as const,
  options: (initiativeId: string) => ['pdsa', initiativeId, 'options'] as const,
  cycle: (initiativeId: string, cycleId: string) => ['pdsa', initiativeId, 'cycle', cycleId] as const,
};

/** The initiative's cycles, filtered by school (`orgUnitId`), component (`itemId`) and status; blank filters are left out. */
export const usePdsaCycles = (initiativeId: string, filters: { orgUnitId: string; itemId: string; status: string }) =>
  useQuery({
    queryKey: pdsaKeys.list(initiativeId, filters),
    queryFn: () =>
      api<PdsaList>(
        'GET',
        `/api/initiatives/${initiativeId}/pdsa${queryString({
          orgUnitId: filters.orgUnitId || undefined,
          itemId: filters.itemId || undefined,
          status: filters.status || undefined,
          limit: 200,
        })}`,
      ),
  });

export const usePdsaOptions = (initiativeId: string) =>
  useQuery({
    queryKey: pdsaKeys.options(initiativeId),
    queryFn: () => api<PdsaOptions>('GET', `/api/initiatives/${initiativeId}/pdsa/options`),
  });

export const usePdsaCycle = (initiativeId: string, cycleId: string) =>
  useQuery({
    queryKey: pdsaKeys.cycle(initiativeId, cycleId),
    queryFn: () => api<PdsaCycleDetail>('GET', `/api/initiatives/${initiativeId}/pdsa/${cycleId}`),
  });

function usePdsaWrite<I>(initiativeId: string, fn: (input: I) => Promise<PdsaCycleDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (cycle) => queryClient.setQueryData(pdsaKeys.cycle(initiativeId, cycle.id), cycle),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [...pdsaKeys.all(initiativeId), 'list'] }),
  });
}

export const useCreatePdsa = (initiativeId: string) =>
  usePdsaWrite(initiativeId, (input: z.input<typeof PdsaCreateInput>) =>
    api<PdsaCycleDetail>('POST', `/api/initiatives/${initiativeId}/pdsa`, input),
  );

/** Saves the step's fields (`advance` false) or saves them and moves the cycle to its next step. */
export const useWritePdsa = (initiativeId: string, cycleId: string) =>
  usePdsaWrite(initiativeId, ({ advance, ...input }: (PdsaSaveInput | PdsaAdvanceInput) & { advance: boolean }) =>
    advance
      ? api<PdsaCycleDetail>('POST', `/api/initiatives/${initiativeId}/pdsa/${cycleId}/advance`, input)
      : api<PdsaCycleDetail>('PATCH', `/api/initiatives/${initiativeId}/pdsa/${cycleId}`, input),
  );

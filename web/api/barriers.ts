import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Barrier,
  BarrierList,
  BarrierNotesInput,
  BarrierOptions,
  MoveBarrierInput,
  RaiseBarrierInput,
} from '../../common/schemas/barriers.ts';
import { api, queryString } from './client.ts';

export const barrierKeys = {
  all: ['barriers'] as const,
  list: (scope: string, status: string) => ['barriers', 'list', scope, status] as const,
  options: ['barriers', 'options'] as const,
  one: (id: string) => ['barriers', 'one', id] as const,
};

/** `scope`: `mine`, `all` (HR and admins) or a team id (its queue); `status`: '' for every status, `open`, `closed` or one status. */
export function useBarriers(scope: string, status: string) {
  const path = scope === 'mine' ? '/api/barriers/mine' : scope === 'all' ? '/api/barriers' : `/api/implementation-teams/${scope}/barriers`;
  return useQuery({
    queryKey: barrierKeys.list(scope, status),
    queryFn: () => api<BarrierList>('GET', `${path}${queryString({ status: status || undefined, limit: 200 })}`),
  });
}

export const useBarrierOptions = () =>
  useQuery({ queryKey: barrierKeys.options, queryFn: () => api<BarrierOptions>('GET', '/api/barriers/options') });

export const useBarrier = (id: string) =>
  useQuery({ queryKey: barrierKeys.one(id), queryFn: () => api<Barrier>('GET', `/api/barriers/${id}`) });

function useWrite<I>(fn: (input: I) => Promise<Barrier>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (b) => queryClient.setQueryData(barrierKeys.one(b.id), b),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [...barrierKeys.all, 'list'] }),
  });
}

export const useRaiseBarrier = () => useWrite((input: z.input<typeof RaiseBarrierInput>) => api<Barrier>('POST', '/api/barriers', input));
export const useMoveBarrier = (id: string) =>
  useWrite((input: MoveBarrierInput) => api<Barrier>('POST', `/api/barriers/${id}/move`, input));
export const useSaveBarrierNotes = (id: string) =>
  useWrite((input: BarrierNotesInput) => api<Barrier>('PATCH', `/api/barriers/${id}`, input));

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CoverageInput,
  CreateInitiativeInput,
  Funding,
  FundingInput,
  Guest,
  GuestList,
  Initiative,
  InitiativeList,
  InviteGuestInput,
  UpdateInitiativeInput,
  Wave,
  WaveInput,
} from '../../common/schemas/initiatives.ts';
import { api } from './client.ts';

export type { Initiative };
export type InitiativeListResult = z.infer<typeof InitiativeList>;
export type WaveRow = z.infer<typeof Wave>;
export type FundingRow = z.infer<typeof Funding>;
export type GuestRow = z.infer<typeof Guest>;

export const initiativeKeys = {
  all: ['initiatives'] as const,
  list: () => ['initiatives', 'list'] as const,
  detail: (id: string) => ['initiatives', 'detail', id] as const,
  guests: (id: string) => ['initiatives', 'guests', id] as const,
};

/** The district's initiatives (a guest's list holds its own only). */
export function useInitiatives() {
  return useQuery({ queryKey: initiativeKeys.list(), queryFn: () => api<InitiativeListResult>('GET', '/api/initiatives') });
}

export function useInitiative(id: string) {
  return useQuery({ queryKey: initiativeKeys.detail(id), queryFn: () => api<Initiative>('GET', `/api/initiatives/${id}`) });
}

export function useCreateInitiative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CreateInitiativeInput>) => api<Initiative>('POST', '/api/initiatives', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: initiativeKeys.all }),
  });
}

/** Every change of one initiative refreshes it and the list (coverage counts, names). */
function useInitiativeMutation<In, Out>(id: string, run: (input: In) => Promise<Out>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: initiativeKeys.all }),
  });
}

export const useUpdateInitiative = (id: string) =>
  useInitiativeMutation(id, (input: z.input<typeof UpdateInitiativeInput>) => api<Initiative>('PATCH', `/api/initiatives/${id}`, input));

export const useAddSchools = (id: string) =>
  useInitiativeMutation(id, (input: z.input<typeof CoverageInput>) => api<Initiative>('POST', `/api/initiatives/${id}/schools`, input));

export const useRemoveSchools = (id: string) =>
  useInitiativeMutation(id, (orgUnitIds: string[]) => api<Initiative>('POST', `/api/initiatives/${id}/schools/remove`, { orgUnitIds }));

/** Creates a wave, or updates one when `waveId` (and its `version`) is given. */
export const useSaveWave = (id: string) =>
  useInitiativeMutation(id, ({ waveId, version, ...input }: WaveInput & { waveId?: string; version?: number }) =>
    waveId
      ? api<WaveRow>('PATCH', `/api/initiatives/${id}/waves/${waveId}`, { ...input, version })
      : api<WaveRow>('POST', `/api/initiatives/${id}/waves`, input),
  );

export const useDeleteWave = (id: string) =>
  useInitiativeMutation(id, (waveId: string) => api<void>('DELETE', `/api/initiatives/${id}/waves/${waveId}`));

/** Creates a funding row, or updates one when `fundingId` (and its `version`) is given. */
export const useSaveFunding = (id: string) =>
  useInitiativeMutation(id, ({ fundingId, version, ...input }: z.input<typeof FundingInput> & { fundingId?: string; version?: number }) =>
    fundingId
      ? api<FundingRow>('PATCH', `/api/initiatives/${id}/funding/${fundingId}`, { ...input, version })
      : api<FundingRow>('POST', `/api/initiatives/${id}/funding`, input),
  );

export const useDeleteFunding = (id: string) =>
  useInitiativeMutation(id, (fundingId: string) => api<void>('DELETE', `/api/initiatives/${id}/funding/${fundingId}`));

export function useGuests(id: string, enabled: boolean) {
  return useQuery({
    queryKey: initiativeKeys.guests(id),
    queryFn: () => api<z.infer<typeof GuestList>>('GET', `/api/initiatives/${id}/guests`),
    enabled,
  });
}

export const useInviteGuest = (id: string) =>
  useInitiativeMutation(id, (input: InviteGuestInput) => api<GuestRow>('POST', `/api/initiatives/${id}/guests`, input));

export const useRevokeGuest = (id: string) =>
  useInitiativeMutation(id, ({ guestId, version }: { guestId: string; version: number }) =>
    api<GuestRow>('POST', `/api/initiatives/${id}/guests/${guestId}/revoke`, { version }),
  );

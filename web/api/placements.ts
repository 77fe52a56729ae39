import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BulkPlaceInput, BulkPlaceResult, PersonPlacements, PlaceOnStepInput } from '../../common/schemas/placements.ts';
import { api } from './client.ts';

export const placementKeys = {
  person: (personId: string) => ['placements', 'person', personId] as const,
};

/** A person's career step and its history. */
export function usePersonPlacements(personId: string) {
  return useQuery({
    queryKey: placementKeys.person(personId),
    queryFn: () => api<PersonPlacements>('GET', `/api/people/${personId}/placements`),
  });
}

export function usePlaceOnStep(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof PlaceOnStepInput>) => api<PersonPlacements>('POST', `/api/people/${personId}/placements`, input),
    onSuccess: (saved) => queryClient.setQueryData(placementKeys.person(personId), saved),
    // Someone else placed the person meanwhile: show what is there now.
    onError: () => void queryClient.invalidateQueries({ queryKey: placementKeys.person(personId) }),
  });
}

/** Everyone with a roster role at some schools onto a step; `dryRun` only counts. */
export function useBulkPlace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof BulkPlaceInput>) => api<BulkPlaceResult>('POST', '/api/placements/bulk', input),
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: ['placements'] });
    },
  });
}

import { useQuery } from '@tanstack/react-query';
import type { CompetencyProfile } from '../../common/schemas/profile.ts';
import { api } from './client.ts';

export function useCompetencyProfile(personId: string) {
  return useQuery({
    queryKey: ['people', 'competency-profile', personId],
    queryFn: () => api<CompetencyProfile>('GET', `/api/people/${personId}/competency-profile`),
    retry: false,
  });
}

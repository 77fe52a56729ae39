import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CoveredPeople,
  FidelityCheck,
  FidelitySchoolTrend,
  FidelitySummary,
  PersonFidelity,
  StartFidelityCheckInput,
} from '../../common/schemas/fidelity.ts';
import { api, queryString } from './client.ts';

export const fidelityKeys = {
  all: ['fidelity'] as const,
  summary: (initiativeId: string) => ['fidelity', 'summary', initiativeId] as const,
  school: (initiativeId: string, orgUnitId: string) => ['fidelity', 'school', initiativeId, orgUnitId] as const,
  people: (initiativeId: string, q: string) => ['fidelity', 'people', initiativeId, q] as const,
  person: (personId: string) => ['fidelity', 'person', personId] as const,
};

/** The initiative's aggregate fidelity (no names): per school and component, and by month. */
export function useFidelitySummary(initiativeId: string) {
  return useQuery({
    queryKey: fidelityKeys.summary(initiativeId),
    queryFn: () => api<FidelitySummary>('GET', `/api/initiatives/${initiativeId}/fidelity/summary`),
  });
}

/** One school's trend per component, beside coaching dosage and training attended (off until a school is picked). */
export function useSchoolFidelity(initiativeId: string, orgUnitId: string | null) {
  return useQuery({
    queryKey: fidelityKeys.school(initiativeId, orgUnitId ?? ''),
    queryFn: () => api<FidelitySchoolTrend>('GET', `/api/initiatives/${initiativeId}/fidelity/schools/${orgUnitId}`),
    enabled: Boolean(orgUnitId),
  });
}

/** Covered staff the caller may check, searched by name. */
export function useCoveredPeople(initiativeId: string, q: string, enabled = true) {
  return useQuery({
    queryKey: fidelityKeys.people(initiativeId, q),
    queryFn: () => api<CoveredPeople>('GET', `/api/initiatives/${initiativeId}/fidelity/people${queryString({ q, limit: 50 })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A person's own fidelity on each initiative the caller may read it on. */
export function usePersonFidelity(personId: string) {
  return useQuery({
    queryKey: fidelityKeys.person(personId),
    queryFn: () => api<PersonFidelity>('GET', `/api/people/${personId}/fidelity`),
  });
}

/** Starts a check (a draft observation of kind fidelity); the caller opens it at /observations/:observationId. */
export function useStartFidelityCheck(initiativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StartFidelityCheckInput) => api<FidelityCheck>('POST', `/api/initiatives/${initiativeId}/fidelity/checks`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: fidelityKeys.all }),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateLibraryStepInput,
  CreateNonSchoolDaysInput,
  CreateObservationTypeInput,
  CreateTermInput,
  LibraryStep,
  LibraryStepList,
  NonNegotiables,
  NonSchoolDay,
  ObservationType,
  ObservationTypeList,
  SchoolCalendar,
  SchoolDaysCount,
  SchoolTerm,
  UpdateLibraryStepInput,
  UpdateNonNegotiablesInput,
  UpdateObservationTypeInput,
  UpdateTermInput,
} from '../../common/schemas/settings.ts';
import type { FrameworkItem } from '../../common/schemas/frameworks.ts';
import { api, queryString } from './client.ts';

export type LibraryFilters = { itemId?: string; q?: string; active?: 'true' | 'false' | 'all'; limit?: number; offset?: number };

export const settingsKeys = {
  nonNegotiables: ['settings', 'non-negotiables'] as const,
  types: (active: string) => ['settings', 'observation-types', active] as const,
  allTypes: ['settings', 'observation-types'] as const,
  library: (filters: LibraryFilters) => ['settings', 'action-step-library', filters] as const,
  allLibrary: ['settings', 'action-step-library'] as const,
  calendar: (schoolYear: string) => ['school-calendar', schoolYear] as const,
  allCalendar: ['school-calendar'] as const,
};

export function useNonNegotiables() {
  return useQuery({ queryKey: settingsKeys.nonNegotiables, queryFn: () => api<NonNegotiables>('GET', '/api/settings/non-negotiables') });
}

export function useUpdateNonNegotiables() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof UpdateNonNegotiablesInput>) => api<NonNegotiables>('PUT', '/api/settings/non-negotiables', input),
    onSuccess: (data) => queryClient.setQueryData(settingsKeys.nonNegotiables, data),
  });
}

export function useObservationTypes(active: 'true' | 'false' | 'all' = 'all') {
  return useQuery({
    queryKey: settingsKeys.types(active),
    queryFn: () => api<z.infer<typeof ObservationTypeList>>('GET', `/api/observation-types${queryString({ active })}`),
  });
}

function useWrite<I, R>(request: (input: I) => Promise<R>, key: readonly unknown[]) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }) });
}

export function useCreateObservationType() {
  return useWrite(
    (input: z.input<typeof CreateObservationTypeInput>) => api<ObservationType>('POST', '/api/observation-types', input),
    settingsKeys.allTypes,
  );
}

export function useUpdateObservationType() {
  return useWrite(
    ({ id, ...input }: z.input<typeof UpdateObservationTypeInput> & { id: string }) =>
      api<ObservationType>('PATCH', `/api/observation-types/${id}`, input),
    settingsKeys.allTypes,
  );
}

export function useSetObservationTypeActive() {
  return useWrite(
    ({ id, active, version }: { id: string; active: boolean; version: number }) =>
      api<ObservationType>('POST', `/api/observation-types/${id}/${active ? 'reactivate' : 'deactivate'}`, { version }),
    settingsKeys.allTypes,
  );
}

export function useLibrarySteps(filters: LibraryFilters) {
  return useQuery({
    queryKey: settingsKeys.library(filters),
    queryFn: () => api<z.infer<typeof LibraryStepList>>('GET', `/api/action-step-library${queryString(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function useCreateLibraryStep() {
  return useWrite(
    (input: z.input<typeof CreateLibraryStepInput>) => api<LibraryStep>('POST', '/api/action-step-library', input),
    settingsKeys.allLibrary,
  );
}

export function useUpdateLibraryStep() {
  return useWrite(
    ({ id, ...input }: z.input<typeof UpdateLibraryStepInput> & { id: string }) =>
      api<LibraryStep>('PATCH', `/api/action-step-library/${id}`, input),
    settingsKeys.allLibrary,
  );
}

export function useSetLibraryStepActive() {
  return useWrite(
    ({ id, active, version }: { id: string; active: boolean; version: number }) =>
      api<LibraryStep>('POST', `/api/action-step-library/${id}/${active ? 'reactivate' : 'deactivate'}`, { version }),
    settingsKeys.allLibrary,
  );
}

export function useSchoolCalendar(schoolYear: string) {
  return useQuery({
    queryKey: settingsKeys.calendar(schoolYear),
    queryFn: () => api<SchoolCalendar>('GET', `/api/school-calendar${queryString({ schoolYear })}`),
    placeholderData: keepPreviousData,
  });
}

export function useSchoolDays(from: string, to: string) {
  return useQuery({
    queryKey: ['school-calendar', 'school-days', from, to],
    queryFn: () => api<z.infer<typeof SchoolDaysCount>>('GET', `/api/school-calendar/school-days${queryString({ from, to })}`),
    enabled: Boolean(from && to && from <= to),
  });
}

export function useCreateTerm() {
  return useWrite(
    (input: z.input<typeof CreateTermInput>) => api<SchoolTerm>('POST', '/api/school-calendar/terms', input),
    settingsKeys.allCalendar,
  );
}

export function useUpdateTerm() {
  return useWrite(
    ({ id, ...input }: z.input<typeof UpdateTermInput> & { id: string }) =>
      api<SchoolTerm>('PATCH', `/api/school-calendar/terms/${id}`, input),
    settingsKeys.allCalendar,
  );
}

export function useDeleteTerm() {
  return useWrite((id: string) => api<void>('DELETE', `/api/school-calendar/terms/${id}`), settingsKeys.allCalendar);
}

export function useCreateNonSchoolDays() {
  return useWrite(
    (input: z.input<typeof CreateNonSchoolDaysInput>) =>
      api<{ items: NonSchoolDay[] }>('POST', '/api/school-calendar/non-school-days', input),
    settingsKeys.allCalendar,
  );
}

export function useDeleteNonSchoolDay() {
  return useWrite((id: string) => api<void>('DELETE', `/api/school-calendar/non-school-days/${id}`), settingsKeys.allCalendar);
}

/** Items of a framework version (for tagging library steps), loaded only once the version is known. */
export function useCompetencyItems(versionId: string | null | undefined) {
  return useQuery({
    queryKey: ['framework-versions', versionId ?? '', 'items'],
    queryFn: () => api<{ items: FrameworkItem[] }>('GET', `/api/framework-versions/${versionId}/items`),
    enabled: Boolean(versionId),
  });
}

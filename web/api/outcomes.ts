import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DistrictDashboard, SchoolDashboard } from '../../common/schemas/dashboards.ts';
import type {
  OutcomeImportInput,
  OutcomeImportResult,
  OutcomeMeasure,
  OutcomeMeasureInput,
  OutcomeMeasureList,
  OutcomeMeasureUpdate,
  OutcomeMeasureValues,
  OutcomeSettings,
  OutcomeSettingsInput,
  PersonOutcomes,
} from '../../common/schemas/outcomes.ts';
import { api, queryString } from './client.ts';

export const outcomeKeys = {
  all: ['outcomes'] as const,
  measures: ['outcomes', 'measures'] as const,
  values: (id: string, orgUnitId: string | null) => ['outcomes', 'values', id, orgUnitId] as const,
  settings: ['outcomes', 'settings'] as const,
  district: ['outcomes', 'dashboard', 'district'] as const,
  school: (orgUnitId: string) => ['outcomes', 'dashboard', 'school', orgUnitId] as const,
  person: (personId: string) => ['outcomes', 'person', personId] as const,
};

export const OUTCOME_TEMPLATE_URL = '/api/outcomes/import/template';

/** The district's outcome measures (definitions only), its settings and initiatives. */
export const useOutcomeMeasures = () =>
  useQuery({ queryKey: outcomeKeys.measures, queryFn: () => api<OutcomeMeasureList>('GET', '/api/outcomes/measures') });

/** A measure's school values, period by period (one school with `orgUnitId`); small cells arrive suppressed. */
export const useMeasureValues = (id: string, orgUnitId: string | null) =>
  useQuery({
    queryKey: outcomeKeys.values(id, orgUnitId),
    queryFn: () =>
      api<OutcomeMeasureValues>('GET', `/api/outcomes/measures/${id}/values${queryString({ orgUnitId: orgUnitId ?? undefined })}`),
  });

/** A teacher's own outcome values (where the district keeps them per teacher); small groups arrive suppressed. */
export const usePersonOutcomes = (personId: string, enabled = true) =>
  useQuery({
    queryKey: outcomeKeys.person(personId),
    queryFn: () => api<PersonOutcomes>('GET', `/api/outcomes/people/${personId}`),
    enabled: enabled && personId !== '',
  });

export const useDistrictDashboard = () =>
  useQuery({ queryKey: outcomeKeys.district, queryFn: () => api<DistrictDashboard>('GET', '/api/dashboards/district') });

export const useSchoolDashboard = (orgUnitId: string) =>
  useQuery({ queryKey: outcomeKeys.school(orgUnitId), queryFn: () => api<SchoolDashboard>('GET', `/api/dashboards/schools/${orgUnitId}`) });

function useOutcomeWrite<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: outcomeKeys.all }) });
}

export const useCreateMeasure = () =>
  useOutcomeWrite((input: OutcomeMeasureInput) => api<OutcomeMeasure>('POST', '/api/outcomes/measures', input));
export const useUpdateMeasure = () =>
  useOutcomeWrite(({ id, ...input }: OutcomeMeasureUpdate & { id: string }) =>
    api<OutcomeMeasure>('PATCH', `/api/outcomes/measures/${id}`, input),
  );
export const useSaveOutcomeSettings = () =>
  useOutcomeWrite((input: OutcomeSettingsInput) => api<OutcomeSettings>('PUT', '/api/outcomes/settings', input));
/** The CSV import: a dry run (nothing written) or the apply. */
export const useImportOutcomes = () =>
  useOutcomeWrite((input: OutcomeImportInput) => api<OutcomeImportResult>('POST', '/api/outcomes/import', input));

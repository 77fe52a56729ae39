import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AdministrationCreateInput,
  AdministrationDetail,
  AdministrationList,
  AssessmentSettingsInput,
  AttendeesInput,
  AssessmentSettingsView,
  Instrument,
  InstrumentImportInput,
  InstrumentImportResult,
  InstrumentInput,
  InstrumentList,
  LibraryInstallResult,
  SchoolComparison,
  ScoreInput,
  Trend,
  VersionContentInput,
  VersionDetail,
} from '../../common/schemas/assessments.ts';
import { api, queryString } from './client.ts';

const base = '/api/assessments';

export const assessmentKeys = {
  all: ['assessments'] as const,
  instruments: ['assessments', 'instruments'] as const,
  version: (id: string) => ['assessments', 'version', id] as const,
  administrations: (filters: Record<string, string>) => ['assessments', 'administrations', filters] as const,
  administration: (id: string) => ['assessments', 'administration', id] as const,
  trend: (filters: Record<string, string>) => ['assessments', 'trend', filters] as const,
  schools: (instrumentId: string) => ['assessments', 'schools', instrumentId] as const,
  settings: ['assessments', 'settings'] as const,
};

export const useInstruments = () =>
  useQuery({ queryKey: assessmentKeys.instruments, queryFn: () => api<InstrumentList>('GET', `${base}/instruments`) });

export const useVersion = (id: string) =>
  useQuery({ queryKey: assessmentKeys.version(id), queryFn: () => api<VersionDetail>('GET', `${base}/versions/${id}`) });

/** Writes that change instruments refresh every instrument query. */
function useInstrumentWrite<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.all }) });
}

export const useCreateInstrument = () =>
  useInstrumentWrite((input: z.input<typeof InstrumentInput>) => api<Instrument>('POST', `${base}/instruments`, input));
export const useInstallLibrary = () => useInstrumentWrite(() => api<LibraryInstallResult>('POST', `${base}/library`));
export const useImportInstrument = () =>
  useInstrumentWrite((input: z.input<typeof InstrumentImportInput>) =>
    api<InstrumentImportResult>('POST', `${base}/instruments/import`, input),
  );
export const useStartDraft = () =>
  useInstrumentWrite((instrumentId: string) => api<VersionDetail>('POST', `${base}/instruments/${instrumentId}/draft`));
export const useSaveVersion = (id: string) =>
  useInstrumentWrite((input: z.input<typeof VersionContentInput>) => api<VersionDetail>('PUT', `${base}/versions/${id}`, input));
export const usePublishVersion = (id: string) =>
  useInstrumentWrite((version: number) => api<VersionDetail>('POST', `${base}/versions/${id}/publish`, { version }));

export const useAdministrations = (filters: { instrumentId?: string; teamId?: string; orgUnitId?: string }) =>
  useQuery({
    queryKey: assessmentKeys.administrations(filters as Record<string, string>),
    queryFn: () => api<AdministrationList>('GET', `${base}/administrations${queryString({ ...filters, limit: 100 })}`),
  });

export const useAdministration = (id: string) =>
  useQuery({
    queryKey: assessmentKeys.administration(id),
    queryFn: () => api<AdministrationDetail>('GET', `${base}/administrations/${id}`),
  });

function useAdministrationWrite<I>(fn: (input: I) => Promise<AdministrationDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (a) => {
      queryClient.setQueryData(assessmentKeys.administration(a.id), a);
      // A score decides the item the live voting is on; attendees change who votes.
      void queryClient.invalidateQueries({ queryKey: ['assessments', 'voting', a.id] });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['assessments', 'administrations'] }),
  });
}

export const useCreateAdministration = () =>
  useAdministrationWrite((input: z.input<typeof AdministrationCreateInput>) =>
    api<AdministrationDetail>('POST', `${base}/administrations`, input),
  );
export const useRecordScore = (id: string) =>
  useAdministrationWrite(({ itemId, ...input }: ScoreInput & { itemId: string }) =>
    api<AdministrationDetail>('PUT', `${base}/administrations/${id}/scores/${itemId}`, input),
  );
export const useSetAttendees = (id: string) =>
  useAdministrationWrite((input: AttendeesInput) => api<AdministrationDetail>('PUT', `${base}/administrations/${id}/attendees`, input));
export const useCloseAdministration = (id: string) =>
  useAdministrationWrite((version: number) => api<AdministrationDetail>('POST', `${base}/administrations/${id}/close`, { version }));

export const useTrend = (filters: { instrumentId: string; teamId?: string; orgUnitId?: string }) =>
  useQuery({
    queryKey: assessmentKeys.trend(filters as Record<string, string>),
    queryFn: () => api<Trend>('GET', `${base}/results/trend${queryString(filters)}`),
    enabled: Boolean(filters.instrumentId && (filters.teamId || filters.orgUnitId)),
  });

export const useSchoolComparison = (instrumentId: string, enabled: boolean) =>
  useQuery({
    queryKey: assessmentKeys.schools(instrumentId),
    queryFn: () => api<SchoolComparison>('GET', `${base}/results/schools${queryString({ instrumentId })}`),
    enabled: enabled && Boolean(instrumentId),
    retry: false,
  });

export const useAssessmentSettings = () =>
  useQuery({ queryKey: assessmentKeys.settings, queryFn: () => api<AssessmentSettingsView>('GET', `${base}/settings`) });
export const useSaveAssessmentSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssessmentSettingsInput) => api<AssessmentSettingsView>('PUT', `${base}/settings`, input),
    onSuccess: (s) => queryClient.setQueryData(assessmentKeys.settings, s),
  });
};

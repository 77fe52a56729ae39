import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Driver } from '../../common/implementation.ts';
import type { DriverPlan, DriverPlanInput, DriverPlanList } from '../../common/schemas/driver-plans.ts';
import type {
  AssignInitiativeCoachingInput,
  CoachingAssignment,
  CoachingSystemReview,
  CoachingSystemReviewInput,
  InitiativeCoaching,
  UpdateInitiativeCoachingInput,
} from '../../common/schemas/initiative-coaching.ts';
import type { CsvImportResult } from '../../common/schemas/teams.ts';
import type {
  AttendanceList,
  CreateTrainingSessionsInput,
  RecordAttendanceInput,
  RecordAttendanceResult,
  TrainingSession,
  TrainingSessionList,
  UpdateTrainingSessionInput,
} from '../../common/schemas/training-sessions.ts';
import { api } from './client.ts';

/** Everything of one initiative's drivers shares this key prefix, so a write refreshes health too. */
export const driverKeys = {
  all: (id: string) => ['initiative-drivers', id] as const,
  plans: (id: string) => ['initiative-drivers', id, 'plans'] as const,
  sessions: (id: string) => ['initiative-drivers', id, 'sessions'] as const,
  attendance: (id: string, sessionId: string) => ['initiative-drivers', id, 'attendance', sessionId] as const,
  coaching: (id: string) => ['initiative-drivers', id, 'coaching'] as const,
};

const base = (id: string) => `/api/initiatives/${id}`;

/** A write on an initiative's drivers that refreshes all of them (plans, health, sessions, coaching) when done. */
function useDriverWrite<I, O>(id: string, run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: driverKeys.all(id) }) });
}

export const useDriverPlans = (id: string) =>
  useQuery({ queryKey: driverKeys.plans(id), queryFn: () => api<DriverPlanList>('GET', `${base(id)}/drivers`) });

export const useSaveDriverPlan = (id: string) =>
  useDriverWrite(id, ({ driver, ...input }: DriverPlanInput & { driver: Driver }) =>
    api<DriverPlan>('PUT', `${base(id)}/drivers/${driver}`, input),
  );

export const useTrainingSessions = (id: string) =>
  useQuery({ queryKey: driverKeys.sessions(id), queryFn: () => api<TrainingSessionList>('GET', `${base(id)}/training-sessions`) });

export const useCreateTrainingSessions = (id: string) =>
  useDriverWrite(id, (input: CreateTrainingSessionsInput) =>
    api<{ items: TrainingSession[] }>('POST', `${base(id)}/training-sessions`, input),
  );

export const useUpdateTrainingSession = (id: string) =>
  useDriverWrite(id, ({ sessionId, ...input }: UpdateTrainingSessionInput & { sessionId: string }) =>
    api<TrainingSession>('PUT', `${base(id)}/training-sessions/${sessionId}`, input),
  );

export const useAttendance = (id: string, sessionId: string) =>
  useQuery({
    queryKey: driverKeys.attendance(id, sessionId),
    queryFn: () => api<AttendanceList>('GET', `${base(id)}/training-sessions/${sessionId}/attendance`),
  });

export const useRecordAttendance = (id: string, sessionId: string) =>
  useDriverWrite(id, (input: RecordAttendanceInput) =>
    api<RecordAttendanceResult>('POST', `${base(id)}/training-sessions/${sessionId}/attendance`, input),
  );

export const useImportAttendance = (id: string, sessionId: string) =>
  useDriverWrite(id, (input: { csv: string; dryRun: boolean }) =>
    api<CsvImportResult>('POST', `${base(id)}/training-sessions/${sessionId}/attendance/import`, input),
  );

export const attendanceTemplateUrl = (id: string) => `${base(id)}/training-sessions/attendance-template.csv`;

export const useInitiativeCoaching = (id: string) =>
  useQuery({ queryKey: driverKeys.coaching(id), queryFn: () => api<InitiativeCoaching>('GET', `${base(id)}/coaching`) });

export const useAssignInitiativeCoaching = (id: string) =>
  useDriverWrite(id, (input: AssignInitiativeCoachingInput) =>
    api<{ created: number; unchanged: number }>('POST', `${base(id)}/coaching`, input),
  );

export const useUpdateInitiativeCoaching = (id: string) =>
  useDriverWrite(id, ({ assignmentId, ...input }: UpdateInitiativeCoachingInput & { assignmentId: string }) =>
    api<CoachingAssignment>('PUT', `${base(id)}/coaching/${assignmentId}`, input),
  );

export const useImportInitiativeCoaching = (id: string) =>
  useDriverWrite(id, (input: { csv: string; dryRun: boolean }) => api<CsvImportResult>('POST', `${base(id)}/coaching/import`, input));

export const coachingTemplateUrl = (id: string) => `${base(id)}/coaching/template.csv`;

export const useAddCoachingReview = (id: string) =>
  useDriverWrite(id, (input: CoachingSystemReviewInput) => api<CoachingSystemReview>('POST', `${base(id)}/coaching/reviews`, input));

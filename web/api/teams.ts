import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AssignGroupResult, CaseloadAssignment, CaseloadList } from '../../common/schemas/caseloads.ts';
import type {
  BulkResult,
  CsvImportResult,
  GradeTeamsInput,
  GradeTeamsResult,
  TeamDetail,
  TeamKind,
  TeamList,
  TeamRole,
} from '../../common/schemas/teams.ts';
import { api, queryString } from './client.ts';

export type TeamListResult = z.infer<typeof TeamList>;
export type CaseloadListResult = z.infer<typeof CaseloadList>;
export const TEAMS_TEMPLATE_CSV = '/api/teams/template.csv';
export const CASELOADS_TEMPLATE_CSV = '/api/caseloads/template.csv';

export const teamKeys = {
  all: ['teams'] as const,
  list: (schoolId: string, includeEnded: boolean) => ['teams', 'list', schoolId, includeEnded] as const,
  detail: (id: string) => ['teams', 'detail', id] as const,
  caseloads: ['caseloads'] as const,
  caseload: (query: CaseloadQuery) => ['caseloads', query] as const,
};

export interface CaseloadQuery {
  coachPersonId?: string;
  personId?: string;
  includeEnded?: boolean;
}

export const useTeams = (schoolId: string, includeEnded = false, enabled = true) =>
  useQuery({
    enabled: enabled && !!schoolId,
    queryKey: teamKeys.list(schoolId, includeEnded),
    queryFn: () => api<TeamListResult>('GET', `/api/teams${queryString({ schoolId, includeEnded: includeEnded || undefined })}`),
  });

export const useTeam = (id: string) =>
  useQuery({ queryKey: teamKeys.detail(id), queryFn: () => api<TeamDetail>('GET', `/api/teams/${id}`) });

export const useCaseloadAssignments = (query: CaseloadQuery) =>
  useQuery({
    queryKey: teamKeys.caseload(query),
    queryFn: () =>
      api<CaseloadListResult>('GET', `/api/caseloads${queryString({ ...query, includeEnded: query.includeEnded || undefined })}`),
  });

/** Teams and caseloads change who coaches whom: every write refreshes both, and the session's abilities. */
function useTeamWrite<I, R>(request: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      void queryClient.invalidateQueries({ queryKey: teamKeys.caseloads });
      void queryClient.invalidateQueries({ queryKey: ['coaching'] });
      void queryClient.invalidateQueries({ queryKey: ['tracker'] });
    },
  });
}

export const useCreateTeam = () =>
  useTeamWrite((input: { schoolId: string; kind: TeamKind; name: string; startsOn?: string }) =>
    api<TeamDetail>('POST', '/api/teams', input),
  );

export const useUpdateTeam = (id: string) =>
  useTeamWrite((input: { version: number; name?: string; kind?: TeamKind; endsOn?: string | null; leadMemberId?: string | null }) =>
    api<TeamDetail>('PATCH', `/api/teams/${id}`, input),
  );

/** Grade-level teams from the roster's grades: a dry run previews who joins, then the same call applies. */
export const useGradeTeams = () =>
  useTeamWrite((input: z.output<typeof GradeTeamsInput>) => api<GradeTeamsResult>('POST', '/api/teams/by-grade', input));

export const useAddTeamMember = (id: string) =>
  useTeamWrite((input: { personId: string; role: TeamRole; startsOn?: string }) =>
    api<TeamDetail>('POST', `/api/teams/${id}/members`, input),
  );

export const useAddTeamMembersByRole = (id: string) =>
  useTeamWrite((input: { roles: string[] }) => api<z.infer<typeof BulkResult>>('POST', `/api/teams/${id}/members/by-role`, input));

export const useEndTeamMember = (id: string) =>
  useTeamWrite(({ memberId, ...input }: { memberId: string; version: number; endsOn?: string }) =>
    api<TeamDetail>('POST', `/api/teams/${id}/members/${memberId}/end`, input),
  );

export const useChangeTeamRole = (id: string) =>
  useTeamWrite(({ memberId, ...input }: { memberId: string; version: number; role: TeamRole }) =>
    api<TeamDetail>('POST', `/api/teams/${id}/members/${memberId}/role`, input),
  );

export const useImportTeams = (schoolId: string) =>
  useTeamWrite((input: { csv: string; dryRun: boolean }) => api<CsvImportResult>('POST', `/api/teams/import/${schoolId}`, input));

export const useAssignCoachee = () =>
  useTeamWrite((input: { coachPersonId: string; personId: string; startsOn?: string; endsOn?: string | null }) =>
    api<CaseloadAssignment>('POST', '/api/caseloads', input),
  );

export const useAssignGroup = () =>
  useTeamWrite((input: { coachPersonId: string; teamId?: string; schoolId?: string; startsOn?: string; endsOn?: string | null }) =>
    api<z.infer<typeof AssignGroupResult>>('POST', '/api/caseloads/group', input),
  );

export const useEndAssignment = () =>
  useTeamWrite(({ id, ...input }: { id: string; version: number; endsOn?: string }) =>
    api<CaseloadAssignment>('POST', `/api/caseloads/${id}/end`, input),
  );

export const useImportCaseloads = () =>
  useTeamWrite((input: { csv: string; dryRun: boolean }) => api<CsvImportResult>('POST', '/api/caseloads/import', input));

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImplementationTeamRole } from '../../common/implementation.ts';
import type {
  ActionItem,
  ActionItemInput,
  AddImplementationMembersResult,
  CreateImplementationTeamInput,
  DecisionInput,
  ImplementationTeamDetail,
  ImplementationTeamList,
  Meeting,
  OpenActionItems,
  UpdateActionItemInput,
  UpdateImplementationTeamInput,
  UpdateMeetingInput,
} from '../../common/schemas/implementation-teams.ts';
import type { CsvImportResult } from '../../common/schemas/teams.ts';
import { api, queryString } from './client.ts';

export const IMPLEMENTATION_MEMBERS_TEMPLATE_CSV = '/api/implementation-teams/template.csv';
const base = '/api/implementation-teams';

export const implementationTeamKeys = {
  all: ['implementation-teams'] as const,
  list: (initiativeId?: string) => ['implementation-teams', 'list', initiativeId ?? null] as const,
  detail: (id: string) => ['implementation-teams', 'detail', id] as const,
  meeting: (teamId: string, meetingId: string) => ['implementation-teams', 'meeting', teamId, meetingId] as const,
  openItems: (initiativeId: string) => ['implementation-teams', 'open-items', initiativeId] as const,
};

export const useImplementationTeams = (initiativeId?: string) =>
  useQuery({
    queryKey: implementationTeamKeys.list(initiativeId),
    queryFn: () => api<ImplementationTeamList>('GET', `${base}${queryString({ initiativeId })}`),
  });

export const useImplementationTeam = (id: string) =>
  useQuery({ queryKey: implementationTeamKeys.detail(id), queryFn: () => api<ImplementationTeamDetail>('GET', `${base}/${id}`) });

export const useMeeting = (teamId: string, meetingId: string) =>
  useQuery({
    queryKey: implementationTeamKeys.meeting(teamId, meetingId),
    queryFn: () => api<Meeting>('GET', `${base}/${teamId}/meetings/${meetingId}`),
  });

/** The initiative's open action items, soonest due first (the initiative page lists them). */
export const useOpenActionItems = (initiativeId: string) =>
  useQuery({
    queryKey: implementationTeamKeys.openItems(initiativeId),
    queryFn: () => api<OpenActionItems>('GET', `${base}/action-items${queryString({ initiativeId })}`),
  });

/** Every write refreshes the teams, their meetings and the initiatives' open items. */
function useWrite<I, R>(request: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: implementationTeamKeys.all }),
  });
}

export const useCreateImplementationTeam = () =>
  useWrite((input: CreateImplementationTeamInput) => api<ImplementationTeamDetail>('POST', base, input));

export const useUpdateImplementationTeam = (id: string) =>
  useWrite((input: UpdateImplementationTeamInput) => api<ImplementationTeamDetail>('PATCH', `${base}/${id}`, input));

export const useAddImplementationMembers = (id: string) =>
  useWrite((input: { personIds: string[]; role: ImplementationTeamRole }) =>
    api<z.infer<typeof AddImplementationMembersResult>>('POST', `${base}/${id}/members`, input),
  );

export const useChangeImplementationRole = (id: string) =>
  useWrite(({ memberId, ...input }: { memberId: string; version: number; role: ImplementationTeamRole }) =>
    api<ImplementationTeamDetail>('POST', `${base}/${id}/members/${memberId}/role`, input),
  );

export const useEndImplementationMember = (id: string) =>
  useWrite(({ memberId, ...input }: { memberId: string; version: number }) =>
    api<ImplementationTeamDetail>('POST', `${base}/${id}/members/${memberId}/end`, input),
  );

export const useImportImplementationMembers = () =>
  useWrite((input: { csv: string; dryRun: boolean }) => api<CsvImportResult>('POST', `${base}/import`, input));

export const useCreateMeeting = (teamId: string) =>
  useWrite((input: { meetsAt: string; agenda: string }) => api<Meeting>('POST', `${base}/${teamId}/meetings`, input));

export const useUpdateMeeting = (teamId: string, meetingId: string) =>
  useWrite((input: z.input<typeof UpdateMeetingInput>) => api<Meeting>('PATCH', `${base}/${teamId}/meetings/${meetingId}`, input));

export const useTakeDataReview = (teamId: string, meetingId: string) =>
  useWrite((input: { version: number; workSamples: string }) =>
    api<Meeting>('POST', `${base}/${teamId}/meetings/${meetingId}/data-review`, input),
  );

export const useAddDecision = (teamId: string, meetingId: string) =>
  useWrite((input: z.input<typeof DecisionInput>) => api<Meeting>('POST', `${base}/${teamId}/meetings/${meetingId}/decisions`, input));

export const useAddActionItem = (teamId: string, meetingId: string) =>
  useWrite((input: z.input<typeof ActionItemInput>) => api<Meeting>('POST', `${base}/${teamId}/meetings/${meetingId}/action-items`, input));

export const useUpdateActionItem = (teamId: string) =>
  useWrite(({ itemId, ...input }: z.input<typeof UpdateActionItemInput> & { itemId: string }) =>
    api<ActionItem>('PATCH', `${base}/${teamId}/action-items/${itemId}`, input),
  );

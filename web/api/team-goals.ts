import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateOneOnOneInput, OneOnOne, OneOnOneMembers, UpdateOneOnOneInput } from '../../common/schemas/one-on-ones.ts';
import type {
  CheckInInput,
  CreateGoalInput,
  DistrictGoals,
  GoalDetail,
  PriorityList,
  SchoolGoals,
  SetPrioritiesInput,
  SetReflectionInput,
  TeamReflection,
} from '../../common/schemas/team-goals.ts';
import { api, queryString } from './client.ts';

export const teamGoalKeys = {
  school: (id: string, year?: string) => ['team-goals', 'school', id, year ?? ''] as const,
  district: (year?: string) => ['team-goals', 'district', year ?? ''] as const,
  reflection: (id: string, year?: string) => ['team-goals', 'reflection', id, year ?? ''] as const,
  oneOnOnes: ['one-on-ones'] as const,
};

export const useSchoolGoals = (schoolId: string, schoolYear?: string) =>
  useQuery({
    queryKey: teamGoalKeys.school(schoolId, schoolYear),
    queryFn: () => api<SchoolGoals>('GET', `/api/schools/${schoolId}/goals${queryString({ schoolYear })}`),
  });

export const useDistrictGoals = (schoolYear?: string) =>
  useQuery({
    queryKey: teamGoalKeys.district(schoolYear),
    queryFn: () => api<DistrictGoals>('GET', `/api/district-goals${queryString({ schoolYear })}`),
  });

function useGoalWrite<I, R>(request: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['team-goals'] }),
  });
}

export const useSetPriorities = (schoolId: string) =>
  useGoalWrite((input: z.input<typeof SetPrioritiesInput>) => api<PriorityList>('PUT', `/api/schools/${schoolId}/priorities`, input));

export const useCreateGoal = () =>
  useGoalWrite((input: z.output<typeof CreateGoalInput>) => api<z.infer<typeof GoalDetail>>('POST', '/api/team-goals', input));

export const useCheckIn = (goalId: string) =>
  useGoalWrite((input: z.output<typeof CheckInInput>) =>
    api<z.infer<typeof GoalDetail>>('POST', `/api/team-goals/${goalId}/check-ins`, input),
  );

export const useTeamReflection = (teamId: string, schoolYear?: string) =>
  useQuery({
    queryKey: teamGoalKeys.reflection(teamId, schoolYear),
    queryFn: () => api<TeamReflection>('GET', `/api/teams/${teamId}/reflection${queryString({ schoolYear })}`),
  });

export const useSetReflection = (teamId: string) =>
  useGoalWrite((input: SetReflectionInput) => api<TeamReflection>('PUT', `/api/teams/${teamId}/reflection`, input));

export const useOneOnOnes = () =>
  useQuery({ queryKey: teamGoalKeys.oneOnOnes, queryFn: () => api<{ items: OneOnOne[] }>('GET', '/api/one-on-ones') });

export const useOneOnOneMembers = (enabled: boolean) =>
  useQuery({
    enabled,
    queryKey: [...teamGoalKeys.oneOnOnes, 'members'],
    queryFn: () => api<OneOnOneMembers>('GET', '/api/one-on-ones/members'),
  });

function useOneOnOneWrite<I, R>(request: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => void queryClient.invalidateQueries({ queryKey: teamGoalKeys.oneOnOnes }) });
}

export const useCreateOneOnOne = () => useOneOnOneWrite((input: CreateOneOnOneInput) => api<OneOnOne>('POST', '/api/one-on-ones', input));

export const useUpdateOneOnOne = (id: string) =>
  useOneOnOneWrite((input: UpdateOneOnOneInput) => api<OneOnOne>('PATCH', `/api/one-on-ones/${id}`, input));

export const useDeleteOneOnOne = () => useOneOnOneWrite((id: string) => api<void>('DELETE', `/api/one-on-ones/${id}`));

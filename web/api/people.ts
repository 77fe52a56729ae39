import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditPage } from '../../common/schemas/audit.ts';
import type { CreatePersonInput, CreateRoleAssignmentInput, PeopleList, Person, UpdatePersonInput } from '../../common/schemas/people.ts';
import type { AdminGrant, StaffRole } from '../../common/roles.ts';
import { api, queryString } from './client.ts';

export type PeopleListResult = z.infer<typeof PeopleList>;
export type AuditPageResult = z.infer<typeof AuditPage>;
export type ActiveFilter = 'true' | 'false' | 'all';

export interface PeopleFilters {
  q?: string;
  orgUnitId?: string;
  role?: StaffRole;
  active?: ActiveFilter;
  limit?: number;
  offset?: number;
}

export const peopleKeys = {
  all: ['people'] as const,
  lists: () => ['people', 'list'] as const,
  list: (filters: PeopleFilters) => ['people', 'list', filters] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  history: (id: string) => ['people', 'history', id] as const,
};

/** One page of the directory; keeps showing the previous page while the next one loads. */
export function usePeople(filters: PeopleFilters, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(filters),
    queryFn: () => api<PeopleListResult>('GET', `/api/people${queryString({ ...filters })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: peopleKeys.detail(id), queryFn: () => api<Person>('GET', `/api/people/${id}`) });
}

/** Who changed what on this person (only asked when the person's abilities allow it). */
export function usePersonHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.history(id),
    queryFn: () => api<AuditPageResult>('GET', `/api/people/${id}/history`),
    enabled,
  });
}

/** After a write: the answer is the new person; lists and history are stale. */
function usePersonWrite<I>(request: (input: I) => Promise<Person>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (person) => {
      queryClient.setQueryData(peopleKeys.detail(person.id), person);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.history(person.id) });
      void queryClient.invalidateQueries({ queryKey: ['org-units'] });
    },
  });
}

export function useCreatePerson() {
  return usePersonWrite((input: z.input<typeof CreatePersonInput>) => api<Person>('POST', '/api/people', input));
}

export function useUpdatePerson(id: string) {
  return usePersonWrite((input: z.input<typeof UpdatePersonInput>) => api<Person>('PATCH', `/api/people/${id}`, input));
}

/** Deactivates (active false) or reactivates (active true) a person. */
export function useSetPersonActive(id: string) {
  return usePersonWrite(({ active, version }: { active: boolean; version: number }) =>
    api<Person>('POST', `/api/people/${id}/${active ? 'reactivate' : 'deactivate'}`, { version }),
  );
}

export function useAddRoleAssignment(id: string) {
  return usePersonWrite((input: z.input<typeof CreateRoleAssignmentInput>) =>
    api<Person>('POST', `/api/people/${id}/role-assignments`, input),
  );
}

export function useEndRoleAssignment(id: string) {
  return usePersonWrite(({ assignmentId, endDate }: { assignmentId: string; endDate: string }) =>
    api<Person>('POST', `/api/people/${id}/role-assignments/${assignmentId}/end`, { endDate }),
  );
}

/** Creates the person's account if needed and e-mails them a link to choose a password. */
export function useInvitePerson(id: string) {
  return usePersonWrite(() => api<Person>('POST', `/api/people/${id}/invite`));
}

/** Gives or takes HR / district-admin access (`null` takes it away). */
export function useSetAdminGrant(id: string) {
  return usePersonWrite((adminGrant: AdminGrant | null) => api<Person>('POST', `/api/people/${id}/admin-grant`, { adminGrant }));
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateOrgUnitInput, OrgUnit, OrgUnitList, UpdateOrgUnitInput } from '../../common/schemas/org-units.ts';
import type { OrgUnitType } from '../../common/roles.ts';
import { api, queryString } from './client.ts';
import type { ActiveFilter } from './people.ts';

export type OrgUnitListResult = z.infer<typeof OrgUnitList>;

export interface OrgUnitFilters {
  q?: string;
  type?: OrgUnitType;
  active?: ActiveFilter;
  limit?: number;
  offset?: number;
}

export const orgUnitKeys = {
  all: ['org-units'] as const,
  list: (filters: OrgUnitFilters) => ['org-units', 'list', filters] as const,
  detail: (id: string) => ['org-units', 'detail', id] as const,
};

export function useOrgUnits(filters: OrgUnitFilters) {
  return useQuery({
    queryKey: orgUnitKeys.list(filters),
    queryFn: () => api<OrgUnitListResult>('GET', `/api/org-units${queryString({ ...filters })}`),
    placeholderData: keepPreviousData,
  });
}

/** Every active unit (for pickers): schools, departments and the district itself. */
export function useAllOrgUnits() {
  return useOrgUnits({ active: 'true', limit: 1000 });
}

export function useOrgUnit(id: string) {
  return useQuery({ queryKey: orgUnitKeys.detail(id), queryFn: () => api<OrgUnit>('GET', `/api/org-units/${id}`) });
}

function useOrgUnitWrite<I>(request: (input: I) => Promise<OrgUnit>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (unit) => {
      queryClient.setQueryData(orgUnitKeys.detail(unit.id), unit);
      void queryClient.invalidateQueries({ queryKey: ['org-units', 'list'] });
    },
  });
}

export function useCreateOrgUnit() {
  return useOrgUnitWrite((input: z.input<typeof CreateOrgUnitInput>) => api<OrgUnit>('POST', '/api/org-units', input));
}

export function useUpdateOrgUnit() {
  return useOrgUnitWrite(({ id, ...input }: z.input<typeof UpdateOrgUnitInput> & { id: string }) =>
    api<OrgUnit>('PATCH', `/api/org-units/${id}`, input),
  );
}

/** Deactivates (active false) or reactivates (active true) a unit. */
export function useSetOrgUnitActive() {
  return useOrgUnitWrite(({ id, active, version }: { id: string; active: boolean; version: number }) =>
    api<OrgUnit>('POST', `/api/org-units/${id}/${active ? 'reactivate' : 'deactivate'}`, { version }),
  );
}

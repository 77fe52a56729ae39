import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportList, RosterImport } from '../../common/schemas/roster.ts';
import { api } from './client.ts';

export type ImportListResult = z.infer<typeof ImportList>;
export type ImportSummary = ImportListResult['items'][number];

export const STAFF_TEMPLATE_CSV = '/api/imports/templates/staff.csv';
export const STAFF_TEMPLATE_XLSX = '/api/imports/templates/staff.xlsx';

/** How often a running import is polled for progress. */
const POLL_MS = 500;

export const rosterImportKeys = {
  list: ['imports', 'list'] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
};

export function useRosterImports() {
  return useQuery({ queryKey: rosterImportKeys.list, queryFn: () => api<ImportListResult>('GET', '/api/imports') });
}

/** One import; polled every 500 ms while it runs. */
export function useRosterImport(id: string) {
  return useQuery({
    queryKey: rosterImportKeys.detail(id),
    queryFn: () => api<RosterImport>('GET', `/api/imports/${id}`),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
}

function useImportWrite<I>(request: (input: I) => Promise<RosterImport>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (roster) => {
      queryClient.setQueryData(rosterImportKeys.detail(roster.id), roster);
      void queryClient.invalidateQueries({ queryKey: rosterImportKeys.list });
      if (roster.status === 'applied') void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

/** Uploads the files and answers the dry-run report (status 'validated'). */
export function useUploadRosterImport() {
  return useImportWrite((files: readonly File[]) => {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    return api<RosterImport>('POST', '/api/imports', form);
  });
}

export function useApplyRosterImport() {
  return useImportWrite((id: string) => api<RosterImport>('POST', `/api/imports/${id}/apply`));
}

export function useDiscardRosterImport() {
  return useImportWrite((id: string) => api<RosterImport>('POST', `/api/imports/${id}/discard`));
}

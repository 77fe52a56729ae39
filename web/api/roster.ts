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

export const importKeys = {
  list: ['imports', 'list'] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
};

export function useImports() {
  return useQuery({ queryKey: importKeys.list, queryFn: () => api<ImportListResult>('GET', '/api/imports') });
}

/** One import; polled every 500 ms while it runs. */
export function useImport(id: string) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: () => api<RosterImport>('GET', `/api/imports/${id}`),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
}

function useImportWrite<I>(request: (input: I) => Promise<RosterImport>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (roster) => {
      queryClient.setQueryData(importKeys.detail(roster.id), roster);
      void queryClient.invalidateQueries({ queryKey: importKeys.list });
      if (roster.status === 'applied') void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

/** Uploads the files and answers the dry-run report (status 'validated'). */
export function useUploadImport() {
  return useImportWrite((files: readonly File[]) => {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    return api<RosterImport>('POST', '/api/imports', form);
  });
}

export function useApplyImport() {
  return useImportWrite((id: string) => api<RosterImport>('POST', `/api/imports/${id}/apply`));
}

export function useDiscardImport() {
  return useImportWrite((id: string) => api<RosterImport>('POST', `/api/imports/${id}/discard`));
}

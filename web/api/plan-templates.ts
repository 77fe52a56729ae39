import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatePlanTemplateInput,
  ImportableCycles,
  PlanImportResult,
  PlanTemplate,
  PlanTemplateList,
  UpdatePlanTemplateInput,
} from '../../common/schemas/plan-templates.ts';
import { api } from './client.ts';

export const planTemplateKeys = {
  all: ['plan-templates'] as const,
  importCycles: ['plan-templates', 'import-cycles'] as const,
};

/** The district default (built-in until saved) and every step with its template. */
export function usePlanTemplates() {
  return useQuery({ queryKey: planTemplateKeys.all, queryFn: () => api<PlanTemplateList>('GET', '/api/performance/templates') });
}

/** Creates a template (`id` null) or saves one with the version seen. */
export function useSavePlanTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; body: z.input<typeof CreatePlanTemplateInput> | z.input<typeof UpdatePlanTemplateInput> }) =>
      input.id
        ? api<PlanTemplate>('PUT', `/api/performance/templates/${input.id}`, input.body)
        : api<PlanTemplate>('POST', '/api/performance/templates', input.body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: planTemplateKeys.all }),
  });
}

export function useDeletePlanTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/performance/templates/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: planTemplateKeys.all }),
  });
}

export function useImportCycles() {
  return useQuery({
    queryKey: planTemplateKeys.importCycles,
    queryFn: () => api<z.infer<typeof ImportableCycles>>('GET', '/api/performance/import-cycles'),
  });
}

/** Checks (dry run) or applies a goals / focus-areas sheet for a cycle. */
export function usePlanImport() {
  return useMutation({
    mutationFn: ({ cycleId, file, dryRun }: { cycleId: string; file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<PlanImportResult>('POST', `/api/performance/cycles/${cycleId}/import?dryRun=${dryRun}`, form);
    },
  });
}

export const PLAN_IMPORT_TEMPLATE_CSV = '/api/performance/import-template.csv';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BulkEvaluatorInput,
  BulkEvaluatorResult,
  EvaluatorList,
  PersonEvaluator,
  SetEvaluatorInput,
} from '../../common/schemas/evaluators.ts';
import type { CsvImportResult } from '../../common/schemas/teams.ts';
import { api, queryString } from './client.ts';

export const evaluatorKeys = {
  all: ['evaluators'] as const,
  person: (personId: string, schoolYear?: string) => ['evaluators', 'person', personId, schoolYear ?? 'current'] as const,
  list: (filters: EvaluatorFilters) => ['evaluators', 'list', filters] as const,
};

export interface EvaluatorFilters {
  schoolYear?: string;
  orgUnitId?: string;
  limit?: number;
  offset?: number;
}

/** A person's primary evaluator for a school year (the current one when not given). */
export function usePersonEvaluator(personId: string, schoolYear?: string) {
  return useQuery({
    queryKey: evaluatorKeys.person(personId, schoolYear),
    queryFn: () => api<PersonEvaluator>('GET', `/api/people/${personId}/evaluator${queryString({ schoolYear })}`),
  });
}

export function useSetEvaluator(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SetEvaluatorInput>) => api<PersonEvaluator>('PUT', `/api/people/${personId}/evaluator`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: evaluatorKeys.all }),
  });
}

/** HR's list of who evaluates whom. */
export function useEvaluators(filters: EvaluatorFilters) {
  return useQuery({
    queryKey: evaluatorKeys.list(filters),
    queryFn: () => api<z.infer<typeof EvaluatorList>>('GET', `/api/evaluators${queryString({ ...filters })}`),
    placeholderData: keepPreviousData,
  });
}

export function useBulkAssignEvaluator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof BulkEvaluatorInput>) =>
      api<z.infer<typeof BulkEvaluatorResult>>('POST', '/api/evaluators/bulk', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: evaluatorKeys.all }),
  });
}

export const EVALUATORS_TEMPLATE_CSV = '/api/evaluators/template.csv';

/** Evaluators from a CSV: a dry run lists each row's problems, then the same call applies. */
export function useImportEvaluators() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { csv: string; dryRun: boolean }) => api<CsvImportResult>('POST', '/api/evaluators/import', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: evaluatorKeys.all }),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  LookForTags,
  LookForTagsInput,
  LookForTagsList,
  WalkthroughPeriod,
  WalkthroughReport,
} from '../../common/schemas/walkthroughs.ts';
import { api, queryString } from './client.ts';

export interface WalkthroughReportFilters {
  school?: string;
  from?: string;
  to?: string;
  period: WalkthroughPeriod;
}

export const walkthroughKeys = {
  all: ['walkthroughs'] as const,
  report: (f: WalkthroughReportFilters) => ['walkthroughs', 'report', f] as const,
  tags: ['walkthroughs', 'tags'] as const,
};

export const useWalkthroughReport = (filters: WalkthroughReportFilters) =>
  useQuery({
    queryKey: walkthroughKeys.report(filters),
    queryFn: () => api<WalkthroughReport>('GET', `/api/walkthroughs/report${queryString({ ...filters })}`),
    placeholderData: keepPreviousData,
  });

export const useLookForTags = () =>
  useQuery({
    queryKey: walkthroughKeys.tags,
    queryFn: () => api<z.infer<typeof LookForTagsList>>('GET', '/api/walkthroughs/look-for-tags'),
  });

/** Tagging changes the report's competency column: both are refreshed. */
export function useSetLookForTags(typeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.infer<typeof LookForTagsInput>) =>
      api<LookForTags>('PUT', `/api/walkthroughs/types/${typeId}/look-for-tags`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: walkthroughKeys.all }),
  });
}

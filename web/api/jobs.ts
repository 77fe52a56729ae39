import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BackgroundJob, JobList } from '../../common/schemas/jobs.ts';
import { api, queryString } from './client.ts';

export type JobListResult = z.infer<typeof JobList>;

const jobKeys = { list: (failedOnly: boolean) => ['jobs', failedOnly ? 'failed' : 'all'] as const };

/** The district's recent background jobs (or only the failed ones), refreshed while any is waiting or running. */
export function useJobs(failedOnly: boolean) {
  return useQuery({
    queryKey: jobKeys.list(failedOnly),
    queryFn: () => api<JobListResult>('GET', `/api/jobs${queryString({ state: failedOnly ? 'failed' : undefined })}`),
    refetchInterval: (query) => (query.state.data?.items.some((j) => ['created', 'retry', 'active'].includes(j.state)) ? 3_000 : false),
  });
}

/** Puts a failed job back in the queue. */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<BackgroundJob>('POST', `/api/jobs/${id}/retry`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { PerformancePlan, PlanList } from '../../common/schemas/performance-plans.ts';
import { api, queryString } from './client.ts';

export const planKeys = {
  all: ['performance-plans'] as const,
  list: (scope: string, status?: string) => ['performance-plans', 'list', scope, status ?? 'all'] as const,
  plan: (id: string) => ['performance-plans', 'plan', id] as const,
};

/** My plans (`mine`) or the plans I evaluate or supervise (`evaluating`), first page. */
export function usePlans(scope: 'mine' | 'evaluating', status?: string) {
  return useQuery({
    queryKey: planKeys.list(scope, status),
    queryFn: () => api<PlanList>('GET', `/api/performance/plans${queryString({ scope, status, limit: 100 })}`),
  });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: planKeys.plan(id), queryFn: () => api<PerformancePlan>('GET', `/api/performance/plans/${id}`) });
}

/** Writes of one plan go one at a time, so each carries the version the previous one returned. */
const chains = new Map<string, Promise<unknown>>();

/**
 * Sends one write of a plan (the caller passes the path and body without the version, which is
 * added from the plan last seen) and puts the answer in the cache. A 409 throws as it comes: the
 * caller shows the conflict and keeps the person's text.
 */
export function usePlanWrite(id: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (method: 'POST' | 'PUT' | 'DELETE', path: string, body: Record<string, unknown> = {}, version?: number): Promise<PerformancePlan> => {
      const run = async () => {
        const current = queryClient.getQueryData<PerformancePlan>(planKeys.plan(id));
        const v = version ?? current?.version ?? 1;
        const url = `/api/performance/plans/${id}${path}`;
        const plan =
          method === 'DELETE'
            ? await api<PerformancePlan>('DELETE', `${url}?version=${v}`)
            : await api<PerformancePlan>(method, url, { ...body, version: v });
        queryClient.setQueryData(planKeys.plan(id), plan);
        void queryClient.invalidateQueries({ queryKey: ['performance-plans', 'list'] });
        return plan;
      };
      const next = (chains.get(id) ?? Promise.resolve()).catch(() => undefined).then(run);
      chains.set(id, next);
      return next;
    },
    [id, queryClient],
  );
}

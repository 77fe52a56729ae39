import { useQuery } from '@tanstack/react-query';
import type { InitiativeOverview } from '../../common/schemas/implementation-overview.ts';
import { api } from './client.ts';

export const initiativeOverviewKey = (id: string) => ['initiatives', id, 'overview'] as const;

/** The initiative page at a glance (stages, drivers, fidelity trend, reach, open work). */
export const useInitiativeOverview = (id: string) =>
  useQuery({ queryKey: initiativeOverviewKey(id), queryFn: () => api<InitiativeOverview>('GET', `/api/initiatives/${id}/overview`) });

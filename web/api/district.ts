import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CoachingDeliveryReport, DistrictSummary, PeriodQuery } from '../../common/schemas/district.ts';
import { api, queryString } from './client.ts';

export type { CoachingDeliveryReport, DistrictSummary };

/** The home page's district figures (HR and admins). */
export function useDistrictSummary(enabled: boolean) {
  return useQuery({ queryKey: ['district', 'summary'], queryFn: () => api<DistrictSummary>('GET', '/api/district/summary'), enabled });
}

/** Coaching planned against delivered per coach and per school for a period (HR and admins). */
export function useCoachingDelivery(period: PeriodQuery) {
  return useQuery({
    queryKey: ['district', 'coaching-delivery', period],
    queryFn: () => api<CoachingDeliveryReport>('GET', `/api/district/coaching-delivery${queryString({ ...period })}`),
    placeholderData: keepPreviousData,
  });
}

import { useQuery } from '@tanstack/react-query';
import type { DistrictTracker, SchoolTracker, TrackerSchoolList } from '../../common/schemas/tracker.ts';
import { api, queryString } from './client.ts';

/** Filters and sort of a school tracker, as kept in the page URL. */
export type TrackerFilters = {
  role: string;
  team: string;
  belowProficient: string;
  flags: string;
  sort: string;
};

export const trackerKeys = {
  schools: ['tracker', 'schools'] as const,
  school: (id: string, filters: TrackerFilters) => ['tracker', 'school', id, filters] as const,
  district: ['tracker', 'district'] as const,
};

/** The query string of a tracker request (also used for the export links). */
export const trackerQuery = (f: Partial<TrackerFilters>) =>
  queryString({ role: f.role, team: f.team, belowProficient: f.belowProficient, flags: f.flags, sort: f.sort });

export function useTrackerSchools() {
  return useQuery({ queryKey: trackerKeys.schools, queryFn: () => api<TrackerSchoolList>('GET', '/api/tracker/schools') });
}

export function useSchoolTracker(id: string, filters: TrackerFilters) {
  return useQuery({
    queryKey: trackerKeys.school(id, filters),
    queryFn: () => api<SchoolTracker>('GET', `/api/tracker/schools/${id}${trackerQuery(filters)}`),
    placeholderData: (previous) => previous,
  });
}

/** The district view; polls while schools are being refreshed in the background. */
export function useDistrictTracker() {
  return useQuery({
    queryKey: trackerKeys.district,
    queryFn: () => api<DistrictTracker>('GET', '/api/tracker/district'),
    refetchInterval: (query) => ((query.state.data?.refreshing ?? 0) > 0 ? 2000 : false),
  });
}

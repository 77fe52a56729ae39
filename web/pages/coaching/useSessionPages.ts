import { useInfiniteQuery } from '@tanstack/react-query';
import type { CoachingLogList, CoachingLogQuery } from '../../../common/schemas/coaching.ts';
import { api, queryString } from '../../api/client.ts';
import { coachingKeys } from '../../api/coaching.ts';

export type SessionQuery = Pick<CoachingLogQuery, 'personId' | 'personRole' | 'planId' | 'cycleId'>;

/**
 * Coaching sessions a page at a time (the server's default page, newest first); "show more" follows
 * `nextCursor`. Under the `coaching` key, so every coaching write refreshes it.
 */
export function useSessionPages(q: SessionQuery) {
  return useInfiniteQuery({
    queryKey: [...coachingKeys.all, 'logs', 'pages', q],
    queryFn: ({ pageParam }) => api<CoachingLogList>('GET', `/api/coaching/logs${queryString({ ...q, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export type SessionPages = ReturnType<typeof useSessionPages>;

/** Every session loaded so far (once each, should a refresh shift the pages) and the total. */
export function loadedSessions(pages: SessionPages) {
  const seen = new Set<string>();
  const items = (pages.data?.pages ?? []).flatMap((p) => p.items).filter((log) => (seen.has(log.id) ? false : (seen.add(log.id), true)));
  const last = pages.data?.pages.at(-1);
  return { items, total: last?.total ?? 0, toRate: last?.toRate ?? 0 };
}

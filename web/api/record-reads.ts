import { useInfiniteQuery } from '@tanstack/react-query';
import type { RecordReadPage } from '../../common/schemas/record-reads.ts';
import { api, queryString } from './client.ts';

/** Who read records about me, newest first, a page at a time ("show more" follows `nextCursor`). */
export function useMyRecordReads() {
  return useInfiniteQuery({
    queryKey: ['me', 'record-reads'],
    queryFn: ({ pageParam }) => api<RecordReadPage>('GET', `/api/me/record-reads${queryString({ limit: 20, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditPage, OutboxList } from '../../common/schemas/audit.ts';
import { api, queryString } from './client.ts';

export type AuditPageResult = z.infer<typeof AuditPage>;
export type OutboxListResult = z.infer<typeof OutboxList>;

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: string;
  /** ISO timestamps with offset. */
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

/** The audit log, newest first, a page at a time ("load more" follows `nextCursor`). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      api<AuditPageResult>('GET', `/api/audit${queryString({ ...filters, limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** E-mails the app would have sent (development outbox). */
export function useOutbox() {
  return useQuery({ queryKey: ['outbox'], queryFn: () => api<OutboxListResult>('GET', '/api/outbox') });
}

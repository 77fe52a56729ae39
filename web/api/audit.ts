import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditPage } from '../../common/schemas/audit.ts';
import type { EMAIL_STATUSES, OutboxList } from '../../common/schemas/outbox.ts';
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

export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** E-mails Trellis sent or is sending, with their delivery state; `status` filters. */
export function useOutbox(status?: EmailStatus) {
  return useQuery({
    queryKey: ['outbox', status ?? 'all'],
    queryFn: () => api<OutboxListResult>('GET', `/api/outbox${queryString({ status })}`),
  });
}

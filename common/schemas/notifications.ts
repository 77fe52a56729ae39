import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../observation.ts';
import { PageQuery } from './common.ts';

/** In-app notifications: the API contract. The web renders `settings:notifications.<kind>` with `params`. */

export const NotificationItem = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  entityType: z.string(),
  entityId: z.uuid(),
  /** Interpolation values (observer, teacher, date...) and `path`, the page to open. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  readAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationList = z.object({
  items: z.array(NotificationItem),
  total: z.number().int(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationListQuery = PageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unread: z.enum(['true', 'false']).optional(),
});

export const ReadAllResult = z.object({ marked: z.number().int(), unread: z.number().int() });

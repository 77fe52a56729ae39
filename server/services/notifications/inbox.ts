import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { NotificationKind } from '../../../common/observation.ts';
import type { NotificationItem, NotificationListQuery } from '../../../common/schemas/notifications.ts';
import { notifications } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';

type NotificationRow = typeof notifications.$inferSelect;

const present = (r: NotificationRow): NotificationItem => ({
  id: r.id,
  kind: r.kind as NotificationKind,
  entityType: r.entityType,
  entityId: r.entityId,
  params: r.params,
  readAt: r.readAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/** Only ever the caller's own notifications. */
const mine = (ctx: Ctx): SQL[] => [eq(notifications.districtId, ctx.actor.districtId), eq(notifications.personId, ctx.actor.personId)];

async function unreadCount(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(...mine(ctx), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** My notifications, newest first, with the unread count (all of them, not just this page). */
export async function listNotifications(ctx: Ctx, q: z.infer<typeof NotificationListQuery>) {
  const where = mine(ctx);
  if (q.unread === 'true') where.push(isNull(notifications.readAt));
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.limit)
    .offset(q.offset);
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: count() })
    .from(notifications)
    .where(and(...where));
  return { items: rows.map(present), total, unread: await unreadCount(ctx) };
}

/** Marks one of my notifications read (404 for anyone else's); reading again keeps the first time. */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<NotificationItem> {
  const [row] = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), ...mine(ctx)));
  if (!row) throw notFound('Notification');
  if (row.readAt) return present(row);
  const [updated] = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), ...mine(ctx)))
    .returning();
  return present(updated!);
}

export async function markAllNotificationsRead(ctx: Ctx) {
  const marked = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(...mine(ctx), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length, unread: 0 };
}

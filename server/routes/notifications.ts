/**
 * Permission matrix: signed out -> 401; everyone signed in reads and marks only their own
 * notifications: another person's notification (same district or not) -> 404. No role gets 403.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { NotificationItem, NotificationList, NotificationListQuery, ReadAllResult } from '../../common/schemas/notifications.ts';
import { requireCtx } from '../lib/http.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../services/notifications/inbox.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationList } } }, async (req) =>
    listNotifications(await requireCtx(req), req.query),
  );
  app.post('/read-all', { config: { keepsSessions: true }, schema: { tags, response: { 200: ReadAllResult } } }, async (req) =>
    markAllNotificationsRead(await requireCtx(req)),
  );
  app.post(
    '/:id/read',
    { config: { keepsSessions: true }, schema: { tags, params: IdParams, response: { 200: NotificationItem } } },
    async (req) => markNotificationRead(await requireCtx(req), req.params.id),
  );
};

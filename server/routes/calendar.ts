/**
 * Permission matrix: signed out -> 401 (except the feed file, which its secret token authorizes);
 * a person of another district -> 404; one's own calendar -> everyone; another person's calendar ->
 * a school leader of one of their schools, HR and district admins, anyone else 404 (the person's
 * existence is not revealed). The feed URL (create/rotate, status, revoke) is always the caller's
 * own. An unknown or revoked feed token -> 404.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Calendar, CalendarFeedParams, CalendarFeedStatus, CalendarQuery, CreatedCalendarFeed } from '../../common/schemas/calendar.ts';
import { notFound } from '../lib/errors.ts';
import { requireCtx } from '../lib/http.ts';
import { calendarFor } from '../services/calendar/load.ts';
import { feedStatus, renderFeed, revokeFeed, rotateFeed } from '../services/calendar/feed.ts';
import { publicOrigin } from '../lib/public-url.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, querystring: CalendarQuery, response: { 200: Calendar } } }, async (req) =>
    calendarFor(await requireCtx(req), req.query),
  );

  app.get('/feed', { schema: { tags, response: { 200: CalendarFeedStatus } } }, async (req) => feedStatus(await requireCtx(req)));

  app.post('/feed', { schema: { tags, response: { 201: CreatedCalendarFeed } } }, async (req, reply) =>
    reply.status(201).send(await rotateFeed(await requireCtx(req), publicOrigin(req))),
  );

  app.delete('/feed', { schema: { tags, response: { 200: CalendarFeedStatus } } }, async (req) => revokeFeed(await requireCtx(req)));

  // Polled by calendar apps without a session: read-only, limited per address.
  app.get(
    '/feed/:file',
    { schema: { tags, params: CalendarFeedParams }, config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const match = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(req.params.file);
      const body = match ? await renderFeed(req.server.database, match[1]!, publicOrigin(req)) : null;
      if (body === null) throw notFound('Calendar feed');
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="trellis.ics"')
        .send(body);
    },
  );
};

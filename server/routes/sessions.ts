/**
 * Permission matrix: every route -> 401 signed out. A user lists and ends only their own sessions
 * (another user's session id -> 404, as if it did not exist). Ending a person's sessions or the
 * whole district's: district admins only (others 403); a person of another district -> 404.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DeviceSessionList, DeviceSessionParams, EndedSessions, EndPersonSessionsInput } from '../../common/schemas/sessions.ts';
import { requireCtx, sessionOf } from '../lib/http.ts';
import {
  endDistrictSessions,
  endMyOtherSessions,
  endMySession,
  endPersonSessions,
  listMySessions,
} from '../services/auth/device-sessions.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['sessions'];

export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { config: { guest: 'account' }, schema: { tags, response: { 200: DeviceSessionList } } }, async (req) => {
    const ctx = await requireCtx(req);
    return listMySessions(ctx, (await sessionOf(req))!.sessionId);
  });

  app.delete('/:id', { config: { guest: 'account' }, schema: { tags, params: DeviceSessionParams } }, async (req, reply) => {
    const ctx = await requireCtx(req);
    await endMySession(ctx, req.params.id, (await sessionOf(req))!.sessionId);
    return reply.status(204).send();
  });

  app.post('/end-others', { config: { guest: 'account' }, schema: { tags, response: { 200: EndedSessions } } }, async (req) => {
    const ctx = await requireCtx(req);
    return endMyOtherSessions(ctx, (await sessionOf(req))!.sessionId);
  });

  app.post('/end-person', { schema: { tags, body: EndPersonSessionsInput, response: { 200: EndedSessions } } }, async (req) =>
    endPersonSessions(await requireCtx(req), req.body.personId),
  );

  app.post('/end-district', { schema: { tags, response: { 200: EndedSessions } } }, async (req) => {
    const ctx = await requireCtx(req);
    return endDistrictSessions(ctx, (await sessionOf(req))!.sessionId);
  });
};

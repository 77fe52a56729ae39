/**
 * Permission matrix: every route -> 401 signed out; a user only ever reads and changes their own
 * account, so other districts and roles do not apply.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangePasswordInput, Me, UpdateMeInput } from '../../common/schemas/auth.ts';
import { RecordReadPage, RecordReadQuery } from '../../common/schemas/record-reads.ts';
import { presentMe, requireCtx, sessionOf } from '../lib/http.ts';
import { changePassword } from '../services/auth/change-password.ts';
import { updateLocale } from '../services/auth/update-locale.ts';
import { listMyRecordReads } from '../services/record-reads/list.ts';
import { routesNeed, routesOpenToGuests } from '../lib/route-auth.ts';

const tags = ['me'];

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  // A partner's guest account keeps its own account page (lib/route-auth.ts GuestAccess).
  routesOpenToGuests(app, 'account');
  app.get('/', { schema: { tags, response: { 200: Me } } }, async (req) => presentMe(req, await requireCtx(req)));

  app.patch('/', { schema: { tags, body: UpdateMeInput, response: { 200: Me } } }, async (req) => {
    const ctx = await requireCtx(req);
    const session = (await sessionOf(req))!;
    await updateLocale(ctx, req.body.locale, session.user.locale);
    session.user.locale = req.body.locale;
    return presentMe(req, ctx);
  });

  /** Who read records about me (my person page, observations, coaching records), newest first. */
  app.get('/record-reads', { schema: { tags, querystring: RecordReadQuery, response: { 200: RecordReadPage } } }, async (req) =>
    listMyRecordReads(await requireCtx(req), req.query),
  );

  app.post('/password', { schema: { tags, body: ChangePasswordInput } }, async (req, reply) => {
    const ctx = await requireCtx(req);
    await changePassword(ctx, req.body, (await sessionOf(req))!.sessionId);
    return reply.status(204).send();
  });
};

/**
 * Permission matrix: sign-in and password reset are open to anyone (sign-in slowed per account and
 * address and per address, on the peer address unless TRUST_PROXY names a proxy; 429 `rate_limited`
 * with Retry-After; a reset request answers 202 for any address and works after the response);
 * its code step is routes/mfa.ts; sign-out and GET /session -> 401 signed out. Other districts and
 * roles do not apply.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PasswordResetConfirmInput, PasswordResetRequestInput, SessionResponse, SignInInput } from '../../common/schemas/auth.ts';
import { SignInResponse } from '../../common/schemas/mfa.ts';
import { publicBaseUrl } from '../lib/public-url.ts';
import {
  clearSessionCookie,
  ctxForSession,
  presentMe,
  requireCtx,
  SESSION_COOKIE,
  sessionLifetime,
  setSessionCookie,
} from '../lib/http.ts';
import { confirmPasswordReset, requestPasswordReset } from '../services/auth/password-reset.ts';
import { deleteSession, findSession } from '../services/auth/sessions.ts';
import { signIn } from '../services/auth/sign-in.ts';
import { signOut } from '../services/auth/sign-out.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.post(
    '/sign-in',
    {
      schema: { tags, body: SignInInput, response: { 200: SignInResponse } },
      config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const result = await signIn(app.database.db, {
        ...req.body,
        ...sessionLifetime(app.env),
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
      });
      if ('secondFactor' in result) return result;
      const { token, csrfToken } = result;
      // A new session token on every sign-in; the one this browser held before ends (ASVS V7.2.4).
      const previous = req.cookies[SESSION_COOKIE];
      if (previous) await deleteSession(app.database.db, previous);
      setSessionCookie(reply, token, app.env);
      const session = await findSession(app.database.db, token, sessionLifetime(app.env));
      const ctx = await ctxForSession(req, session!);
      return { user: await presentMe(req, ctx), csrfToken };
    },
  );

  app.post('/sign-out', { config: { guest: 'account' }, schema: { tags } }, async (req, reply) => {
    const ctx = await requireCtx(req);
    await signOut(ctx, { token: req.cookies[SESSION_COOKIE]!, ip: req.ip });
    clearSessionCookie(reply, app.env);
    return reply.status(204).send();
  });

  app.get('/session', { config: { guest: 'account' }, schema: { tags, response: { 200: SessionResponse } } }, async (req) => {
    const ctx = await requireCtx(req);
    return { user: await presentMe(req, ctx), csrfToken: req.sessionUser!.csrfToken };
  });

  app.post(
    '/password-reset/request',
    { schema: { tags, body: PasswordResetRequestInput }, config: { auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      // The same answer, at the same speed, for every address (finding 8 of issue 10): the lookup
      // and the e-mail are queued and start on a later turn of the event loop, once this answer has
      // been written, so their work cannot delay it. Links are built from configuration only.
      const input = { email: req.body.email, publicUrl: publicBaseUrl(app.env), requestId: req.id };
      app.background.run('password reset request', async () => {
        const mail = await requestPasswordReset(app.database.db, input);
        if (mail) app.mailer.sendHeld(mail);
      });
      return reply.status(202).send({ accepted: true });
    },
  );

  app.post(
    '/password-reset/confirm',
    { schema: { tags, body: PasswordResetConfirmInput }, config: { auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      await confirmPasswordReset(app.database.db, { ...req.body, requestId: req.id });
      return reply.status(204).send();
    },
  );
};

/**
 * Permission matrix: sign-in, sign-out and password reset are open to anyone (sign-in throttled
 * per e-mail and per IP; its code step is routes/mfa.ts); GET /session -> 401 signed out. Other districts and roles do not apply.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PasswordResetConfirmInput, PasswordResetRequestInput, SessionResponse, SignInInput } from '../../common/schemas/auth.ts';
import { SignInResponse } from '../../common/schemas/mfa.ts';
import { clearSessionCookie, ctxForSession, presentMe, requireCtx, SESSION_COOKIE, setSessionCookie } from '../lib/http.ts';
import { confirmPasswordReset, requestPasswordReset } from '../services/auth/password-reset.ts';
import { deleteSession, findSession } from '../services/auth/sessions.ts';
import { signIn } from '../services/auth/sign-in.ts';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/sign-in',
    {
      schema: { tags, body: SignInInput, response: { 200: SignInResponse } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const result = await signIn(app.database.db, {
        ...req.body,
        ttlHours: app.env.SESSION_TTL_HOURS,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
      });
      if ('secondFactor' in result) return result;
      const { token, csrfToken } = result;
      setSessionCookie(reply, token, app.env);
      const session = await findSession(app.database.db, token, app.env.SESSION_TTL_HOURS);
      const ctx = await ctxForSession(req, session!);
      return { user: await presentMe(req, ctx), csrfToken };
    },
  );

  app.post('/sign-out', { schema: { tags } }, async (req, reply) => {
    await requireCtx(req);
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(app.database.db, token);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.get('/session', { schema: { tags, response: { 200: SessionResponse } } }, async (req) => {
    const ctx = await requireCtx(req);
    return { user: await presentMe(req, ctx), csrfToken: req.sessionUser!.csrfToken };
  });

  app.post(
    '/password-reset/request',
    { schema: { tags, body: PasswordResetRequestInput }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const publicUrl = app.env.PUBLIC_URL ?? `${req.protocol}://${req.host}`;
      const sent = await requestPasswordReset(app.database.db, { email: req.body.email, publicUrl, requestId: req.id });
      if (sent && app.env.NODE_ENV !== 'production') {
        req.log.info({ to: sent.to, subject: sent.subject, link: sent.link }, 'development e-mail (outbox)');
      }
      return reply.status(202).send({ accepted: true });
    },
  );

  app.post(
    '/password-reset/confirm',
    { schema: { tags, body: PasswordResetConfirmInput }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      await confirmPasswordReset(app.database.db, { ...req.body, requestId: req.id });
      return reply.status(204).send();
    },
  );
};

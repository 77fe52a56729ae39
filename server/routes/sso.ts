/**
 * Permission matrix: every route here is for signed-out browsers (no session, no CSRF token: a
 * provider redirects to the callback). `options` tells the sign-in page a district's providers
 * (404 for an unknown district slug); `start` sends the browser to an enabled provider; `callback`
 * signs in only an existing, active account of that provider's district, or, when Trellis asks
 * for its own second factor, hands the step to the sign-in page in an HttpOnly cookie that
 * `second-factor` trades once for the challenge (409 without a live one). Refusals redirect to the
 * page /sign-in/refused. Other districts and roles do not apply. Rate-limited per IP, generously:
 * a school's staff often share one public address and sign in at the same minute.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SsoOptions, SsoOptionsQuery, SsoSecondFactor, SsoStartParams, SsoStartQuery } from '../../common/schemas/sso.ts';
import type { SsoRefusal } from '../../common/sso.ts';
import { SESSION_COOKIE, sessionLifetime, setSessionCookie } from '../lib/http.ts';
import { AppError } from '../lib/errors.ts';
import { handOverChallenge } from '../services/auth/mfa/challenges.ts';
import { deleteSession } from '../services/auth/sessions.ts';
import { completeSsoSignIn, startSsoSignIn } from '../services/auth/sso/flow.ts';
import { SSO_FLOW_COOKIE, SSO_FLOW_TTL_S, SSO_SECOND_FACTOR_COOKIE } from '../services/auth/sso/flow-cookie.ts';
import { ssoOptions } from '../services/auth/sso/options.ts';
import { publicOrigin } from '../lib/public-url.ts';

const tags = ['auth'];
const FLOW_COOKIE_PATH = '/api/auth/sso';

/** The refusal page, with the district (when known) so "try again" returns to its buttons. */
const refusedUrl = (reason: SsoRefusal, districtSlug: string | null) =>
  `/sign-in/refused?reason=${reason}${districtSlug ? `&district=${encodeURIComponent(districtSlug)}` : ''}`;

/** The sign-in page, at the step after the provider: the code, or setting up an app (web/pages/auth/SignInPage.tsx). */
const secondStepUrl = (next: string) => `/sign-in?step=second-factor${next === '/' ? '' : `&next=${encodeURIComponent(next)}`}`;

export const ssoRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookieOptions = () => ({
    path: FLOW_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.env.COOKIE_SECURE ?? app.env.NODE_ENV === 'production',
  });

  app.get(
    '/options',
    {
      schema: { tags, querystring: SsoOptionsQuery, response: { 200: SsoOptions } },
      config: { auth: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } },
    },
    async (req) => ssoOptions(app.database.db, req.query),
  );

  app.get(
    '/start/:id',
    {
      schema: { tags, params: SsoStartParams, querystring: SsoStartQuery },
      config: { auth: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const result = await startSsoSignIn(app.database.db, app.env, {
        providerId: req.params.id,
        next: req.query.next,
        redirectUri: `${publicOrigin(req)}/api/auth/sso/callback`,
        log: req.log,
      });
      if (!result.ok) return reply.redirect(refusedUrl(result.reason, result.districtSlug));
      reply.setCookie(SSO_FLOW_COOKIE, result.cookie, { ...cookieOptions(), maxAge: SSO_FLOW_TTL_S });
      return reply.header('cache-control', 'no-store').redirect(result.url);
    },
  );

  app.get(
    '/callback',
    { schema: { tags }, config: { auth: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const result = await completeSsoSignIn(app.database.db, app.env, {
        flowCookie: req.cookies[SSO_FLOW_COOKIE],
        search: req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '',
        ...sessionLifetime(app.env),
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
        log: req.log,
      });
      // Single use: whatever happened, this sign-in attempt is over.
      reply.clearCookie(SSO_FLOW_COOKIE, cookieOptions());
      reply.header('cache-control', 'no-store');
      if (!result.ok) return reply.redirect(refusedUrl(result.reason, result.districtSlug));
      if ('secondFactor' in result) {
        // The challenge goes to the page in a cookie (never in a URL); the session opens at the code step.
        const maxAge = Math.max(1, Math.floor((Date.parse(result.secondFactor.expiresAt) - Date.now()) / 1000));
        reply.setCookie(SSO_SECOND_FACTOR_COOKIE, result.secondFactor.challenge, { ...cookieOptions(), maxAge });
        return reply.redirect(secondStepUrl(result.next));
      }
      // A new session token on every sign-in; the one this browser held before ends (ASVS V7.2.4).
      const previous = req.cookies[SESSION_COOKIE];
      if (previous) await deleteSession(app.database.db, previous);
      setSessionCookie(reply, result.token, app.env);
      return reply.redirect(result.next);
    },
  );

  app.post(
    '/second-factor',
    { schema: { tags, response: { 200: SsoSecondFactor } }, config: { auth: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const token = req.cookies[SSO_SECOND_FACTOR_COOKIE];
      // Once: the page holds the challenge from here on, as after a password.
      reply.clearCookie(SSO_SECOND_FACTOR_COOKIE, cookieOptions());
      reply.header('cache-control', 'no-store');
      if (!token) throw new AppError('invalid_state', 'This sign-in step has expired; start again', { reason: 'challenge_expired' });
      return { secondFactor: await handOverChallenge(app.database.db, token) };
    },
  );
};

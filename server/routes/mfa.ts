/**
 * Permission matrix: the second step of sign-in. Open to anyone holding a live challenge from a
 * right password (no session yet, so other districts and roles do not apply); an unknown, expired
 * or spent challenge -> 409 `invalid_state`; a wrong code -> 401; too many -> 429.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChallengeInput,
  ConfirmEnrolmentInput,
  EnrolmentDetails,
  EnrolmentSession,
  VerifiedSession,
  VerifyChallengeInput,
} from '../../common/schemas/mfa.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ctxForSession, presentMe, SESSION_COOKIE, sessionLifetime, setSessionCookie } from '../lib/http.ts';
import { mfaKey } from '../services/auth/mfa/secret-box.ts';
import { confirmSignInEnrolment, startSignInEnrolment, verifySignInCode } from '../services/auth/mfa/sign-in-step.ts';
import { deleteSession, findSession } from '../services/auth/sessions.ts';

const tags = ['auth'];
const rateLimit = { max: 30, timeWindow: '1 minute' };

export const mfaRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Sets the cookie of a session the second step opened and answers as sign-in does. */
  async function openSession(req: FastifyRequest, reply: FastifyReply, token: string, csrfToken: string) {
    // A new session token on every sign-in; the one this browser held before ends (ASVS V7.2.4).
    const previous = req.cookies[SESSION_COOKIE];
    if (previous) await deleteSession(app.database.db, previous);
    setSessionCookie(reply, token, app.env);
    const session = await findSession(app.database.db, token, sessionLifetime(app.env));
    const ctx = await ctxForSession(req, session!);
    return { user: await presentMe(req, ctx), csrfToken };
  }
  const sessionOptions = (req: FastifyRequest) => ({
    ...sessionLifetime(app.env),
    ip: req.ip,
    userAgent: req.headers['user-agent'],
    requestId: req.id,
  });

  app.post(
    '/verify',
    { schema: { tags, body: VerifyChallengeInput, response: { 200: VerifiedSession } }, config: { auth: 'public', rateLimit } },
    async (req, reply) => {
      const opened = await verifySignInCode(app.database.db, mfaKey(app.env), { ...req.body, ...sessionOptions(req) });
      return { ...(await openSession(req, reply, opened.token, opened.csrfToken)), recoveryCodesLeft: opened.recoveryCodesLeft };
    },
  );

  app.post(
    '/enrollment',
    { schema: { tags, body: ChallengeInput, response: { 200: EnrolmentDetails } }, config: { auth: 'public', rateLimit } },
    async (req) => startSignInEnrolment(app.database.db, mfaKey(app.env), req.body),
  );

  app.post(
    '/enrollment/confirm',
    { schema: { tags, body: ConfirmEnrolmentInput, response: { 200: EnrolmentSession } }, config: { auth: 'public', rateLimit } },
    async (req, reply) => {
      const opened = await confirmSignInEnrolment(app.database.db, mfaKey(app.env), { ...req.body, ...sessionOptions(req) });
      return { ...(await openSession(req, reply, opened.token, opened.csrfToken)), recoveryCodes: opened.recoveryCodes };
    },
  );
};

/**
 * Permission matrix: the caller's own two-factor sign-in (/api/me/two-factor): signed out -> 401;
 * a user only reads and changes their own, so other districts and roles do not apply. Changes need
 * a current code or the password (a wrong one -> 400); setting up needs the password (or a code).
 * A person's two-factor sign-in (/api/people/:id/two-factor): signed out -> 401; another district
 * or outside the caller's scope -> 404; reading -> HR and district admins; reset -> district admins,
 * never their own and never someone with a higher grant; others 403.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  AccountEnrolment,
  ConfirmEnrolmentInput,
  PersonTwoFactor,
  Reauthentication,
  RecoveryCodes,
  SecondFactorProof,
  TwoFactorStatus,
} from '../../common/schemas/mfa.ts';
import type { FastifyRequest } from 'fastify';
import { requireCtx, sessionOf } from '../lib/http.ts';
import {
  confirmEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startEnrolment,
  twoFactorStatus,
  verifySession,
} from '../services/auth/mfa/account.ts';
import { personTwoFactor, resetTwoFactor } from '../services/auth/mfa/admin-reset.ts';
import { mfaKey } from '../services/auth/mfa/secret-box.ts';
import { routesNeed, routesOpenToGuests } from '../lib/route-auth.ts';

const tags = ['me'];
/** Password and code checks: the account's own limit applies too (services/auth/mfa/throttle.ts). */
const rateLimit = { max: 20, timeWindow: '1 minute' };

/** The signed-in user's context with their session. */
async function mine(req: FastifyRequest) {
  const ctx = await requireCtx(req);
  const session = (await sessionOf(req))!;
  return { ctx, session: { sessionId: session.sessionId, mfaVerifiedAt: session.mfaVerifiedAt, authMethod: session.authMethod } };
}

export const mfaAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  routesOpenToGuests(app, 'account');
  const key = () => mfaKey(app.env);

  app.get('/', { schema: { tags, response: { 200: TwoFactorStatus } } }, async (req) => {
    const { ctx, session } = await mine(req);
    return twoFactorStatus(ctx, session);
  });

  app.post(
    '/enrollment',
    { schema: { tags, body: Reauthentication, response: { 200: AccountEnrolment } }, config: { rateLimit } },
    async (req) => {
      const { ctx, session } = await mine(req);
      return startEnrolment(ctx, key(), session, req.body);
    },
  );

  app.post(
    '/enrollment/confirm',
    { schema: { tags, body: ConfirmEnrolmentInput, response: { 200: RecoveryCodes } }, config: { rateLimit } },
    async (req) => {
      const { ctx, session } = await mine(req);
      return confirmEnrolment(ctx, key(), session, req.body);
    },
  );

  app.post(
    '/verify',
    { schema: { tags, body: SecondFactorProof, response: { 200: TwoFactorStatus } }, config: { rateLimit } },
    async (req) => {
      const { ctx, session } = await mine(req);
      return verifySession(ctx, key(), session, req.body);
    },
  );

  app.post(
    '/recovery-codes',
    { schema: { tags, body: Reauthentication, response: { 200: RecoveryCodes } }, config: { rateLimit } },
    async (req) => {
      const { ctx } = await mine(req);
      return regenerateRecoveryCodes(ctx, key(), req.body);
    },
  );

  app.post(
    '/disable',
    { schema: { tags, body: Reauthentication, response: { 200: TwoFactorStatus } }, config: { rateLimit } },
    async (req) => {
      const { ctx, session } = await mine(req);
      return disableTwoFactor(ctx, key(), session, req.body);
    },
  );
};

export const personMfaRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  const personTags = ['people'];

  app.get('/:id/two-factor', { schema: { tags: personTags, params: IdParams, response: { 200: PersonTwoFactor } } }, async (req) =>
    personTwoFactor(await requireCtx(req), req.params.id),
  );

  app.post('/:id/two-factor/reset', { schema: { tags: personTags, params: IdParams, response: { 200: PersonTwoFactor } } }, async (req) =>
    resetTwoFactor(await requireCtx(req), req.params.id),
  );
};

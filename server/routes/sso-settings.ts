/**
 * Permission matrix: signed out -> 401; every route -> district admins only, others 403 (HR too:
 * sign-in is IT's); a provider of another district -> 404. Writes need the CSRF token and are
 * audited (never with the client secret, which no answer carries).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  CreateSsoProviderInput,
  DiscoveryTestInput,
  DiscoveryTestResult,
  SsoOverview,
  SsoProvider,
  UpdateSignInSettingsInput,
  UpdateSsoProviderInput,
} from '../../common/schemas/sso.ts';
import { forbidden } from '../lib/errors.ts';
import { requireCtx } from '../lib/http.ts';
import { canManageSignIn } from '../policies/sso.ts';
import { testDiscovery } from '../services/auth/sso/oidc.ts';
import { createSsoProvider, ssoOverview, updateSsoProvider } from '../services/auth/sso/providers.ts';
import { updateSignInSettings } from '../services/auth/sign-in-settings.ts';
import { publicOrigin } from '../lib/public-url.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['single sign-on'];

export const ssoSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  const overview = async (req: Parameters<typeof requireCtx>[0]) =>
    ssoOverview(await requireCtx(req), { origin: publicOrigin(req), sessionId: req.sessionUser!.sessionId });

  app.get('/', { schema: { tags, response: { 200: SsoOverview } } }, async (req) => overview(req));

  app.post('/providers', { schema: { tags, body: CreateSsoProviderInput, response: { 201: SsoProvider } } }, async (req, reply) =>
    reply.status(201).send(await createSsoProvider(await requireCtx(req), app.env, req.body)),
  );

  app.patch(
    '/providers/:id',
    { schema: { tags, params: IdParams, body: UpdateSsoProviderInput, response: { 200: SsoProvider } } },
    async (req) => updateSsoProvider(await requireCtx(req), app.env, req.params.id, req.body),
  );

  app.post(
    '/discovery-test',
    {
      schema: { tags, body: DiscoveryTestInput, response: { 200: DiscoveryTestResult } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => {
      const ctx = await requireCtx(req);
      if (!canManageSignIn(ctx.actor)) throw forbidden();
      return testDiscovery(app.env, req.body.issuer);
    },
  );

  app.put('/settings', { schema: { tags, body: UpdateSignInSettingsInput, response: { 200: SsoOverview } } }, async (req) => {
    await updateSignInSettings(await requireCtx(req), req.body, req.sessionUser!.sessionId);
    return overview(req);
  });
};

/**
 * Permission matrix: signed out -> 401; a token of another district -> 404; every route ->
 * district admins only (a token reads the district's published frameworks), others 403.
 * Creating and revoking are audited; the token itself is in the create answer only.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiToken, ApiTokenList, CreateApiTokenInput, CreatedApiToken } from '../../common/schemas/api-tokens.ts';
import { IdParams } from '../../common/schemas/common.ts';
import { requireCtx } from '../lib/http.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens.ts';
import { publicOrigin } from '../lib/public-url.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['API tokens'];

export const apiTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, response: { 200: ApiTokenList } } }, async (req) => ({
    items: await listApiTokens(await requireCtx(req)),
    caseBaseUrl: `${publicOrigin(req)}/ims/case/v1p1`,
  }));

  app.post('/', { schema: { tags, body: CreateApiTokenInput, response: { 201: CreatedApiToken } } }, async (req, reply) =>
    reply.status(201).send(await createApiToken(await requireCtx(req), req.body)),
  );

  app.post('/:id/revoke', { schema: { tags, params: IdParams, response: { 200: ApiToken } } }, async (req) =>
    revokeApiToken(await requireCtx(req), req.params.id),
  );
};

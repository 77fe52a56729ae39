/**
 * CASE 1.1 REST (read-only), for other systems: /ims/case/v1p1/CFPackages/{id}, CFDocuments,
 * CFDocuments/{id}, CFItems/{id}, CFItemTypes/{id}, CFRubrics/{id}, where {id} is the CASE identifier.
 * Permission matrix: no session cookie and no (live, `case.read`) bearer token -> 401; another
 * district's framework, a draft (even for its editors), or an unknown identifier -> 404; no role
 * is refused (everyone in the district reads published frameworks), so there is no 403.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CaseIdParams, CaseListQuery } from '../../common/schemas/case.ts';
import { requireCtx } from '../lib/http.ts';
import {
  getCaseDocument,
  getCaseItem,
  getCaseItemType,
  getCasePackage,
  getCaseRubric,
  listCaseDocuments,
  type CaseReader,
} from '../services/case/rest.ts';
import { publicOrigin } from '../lib/public-url.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['CASE 1.1 REST'];

/**
 * A signed-in session of the district, or `Authorization: Bearer <token>` with scope `case.read`,
 * which the route's `sessionOrToken` declaration checked before anything else (lib/route-auth.ts).
 */
async function caseReader(req: FastifyRequest): Promise<CaseReader> {
  const found = req.apiToken;
  if (found) {
    // The token told the district: bound to it.
    return {
      db: req.server.database.forDistrict(found.districtId),
      districtId: found.districtId,
      tokenId: found.tokenId,
      userId: null,
      requestId: req.id,
    };
  }
  const ctx = await requireCtx(req);
  return { db: ctx.db, districtId: ctx.actor.districtId, tokenId: null, userId: ctx.actor.userId, requestId: req.id };
}

export const caseRestRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'sessionOrToken');
  const json = { 'content-type': 'application/json; charset=utf-8' };
  app.get('/CFPackages/:id', { schema: { tags, params: CaseIdParams } }, async (req, reply) =>
    reply.headers(json).send(await getCasePackage(await caseReader(req), req.params.id, publicOrigin(req))),
  );
  app.get('/CFDocuments', { schema: { tags, querystring: CaseListQuery } }, async (req, reply) =>
    reply.headers(json).send(await listCaseDocuments(await caseReader(req), req.query, publicOrigin(req))),
  );
  app.get('/CFDocuments/:id', { schema: { tags, params: CaseIdParams } }, async (req, reply) =>
    reply.headers(json).send(await getCaseDocument(await caseReader(req), req.params.id, publicOrigin(req))),
  );
  app.get('/CFItems/:id', { schema: { tags, params: CaseIdParams } }, async (req, reply) =>
    reply.headers(json).send(await getCaseItem(await caseReader(req), req.params.id, publicOrigin(req))),
  );
  app.get('/CFItemTypes/:id', { schema: { tags, params: CaseIdParams } }, async (req, reply) =>
    reply.headers(json).send(await getCaseItemType(await caseReader(req), req.params.id, publicOrigin(req))),
  );
  app.get('/CFRubrics/:id', { schema: { tags, params: CaseIdParams } }, async (req, reply) =>
    reply.headers(json).send(await getCaseRubric(await caseReader(req), req.params.id, publicOrigin(req))),
  );
};

/**
 * Permission matrix: signed out -> 401; a unit of another district -> 404; reading -> everyone in
 * the district; create, update, deactivate, reactivate -> district admins only, others 403.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, VersionInput } from '../../common/schemas/common.ts';
import { CreateOrgUnitInput, OrgUnit, OrgUnitList, OrgUnitListQuery, UpdateOrgUnitInput } from '../../common/schemas/org-units.ts';
import { requireCtx } from '../lib/http.ts';
import { presentOrgUnit } from '../presenters/org-units.ts';
import { changeOrgUnit, createOrgUnit, getOrgUnit, listOrgUnits } from '../services/org-units.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['org units'];

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, querystring: OrgUnitListQuery, response: { 200: OrgUnitList } } }, async (req) =>
    listOrgUnits(await requireCtx(req), req.query),
  );

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: OrgUnit } } }, async (req) => {
    const ctx = await requireCtx(req);
    return presentOrgUnit(ctx.actor, await getOrgUnit(ctx, req.params.id));
  });

  app.post('/', { schema: { tags, body: CreateOrgUnitInput, response: { 201: OrgUnit } } }, async (req, reply) => {
    const unit = await createOrgUnit(await requireCtx(req), req.body);
    return reply.status(201).send(unit);
  });

  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdateOrgUnitInput, response: { 200: OrgUnit } } }, async (req) =>
    changeOrgUnit(await requireCtx(req), req.params.id, req.body),
  );

  app.post('/:id/deactivate', { schema: { tags, params: IdParams, body: VersionInput, response: { 200: OrgUnit } } }, async (req) =>
    changeOrgUnit(await requireCtx(req), req.params.id, { version: req.body.version, active: false }),
  );

  app.post('/:id/reactivate', { schema: { tags, params: IdParams, body: VersionInput, response: { 200: OrgUnit } } }, async (req) =>
    changeOrgUnit(await requireCtx(req), req.params.id, { version: req.body.version, active: true }),
  );
};

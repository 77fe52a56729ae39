/**
 * Permission matrix: signed out -> 401; a person (or step, or unit) of another district, or a person
 * outside the caller's scope -> 404; reading a person's step -> whoever may read the person;
 * placing one person and bulk placement -> HR and district admins, others 403.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { BulkPlaceInput, BulkPlaceResult, PersonPlacements, PlaceOnStepInput } from '../../common/schemas/placements.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { bulkPlace } from '../services/placements/bulk.ts';
import { personPlacements } from '../services/placements/load.ts';
import { placeOnStep } from '../services/placements/place.ts';

const tags = ['placements'];

export const placementRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/people/:id/placements', { schema: { tags, params: IdParams, response: { 200: PersonPlacements } } }, async (req) =>
    personPlacements(await requireCtx(req), req.params.id),
  );

  app.post(
    '/people/:id/placements',
    { schema: { tags, params: IdParams, body: PlaceOnStepInput, response: { 201: PersonPlacements } } },
    async (req, reply) => reply.status(201).send(await placeOnStep(await requireCtx(req), req.params.id, req.body)),
  );

  app.post('/placements/bulk', { schema: { tags, body: BulkPlaceInput, response: { 200: BulkPlaceResult } } }, async (req) =>
    bulkPlace(await requireCtx(req), req.body),
  );
};

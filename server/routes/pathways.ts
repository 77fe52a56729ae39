/**
 * Permission matrix: signed out -> 401; a pathway of another district -> 404; reading -> everyone in
 * the district; create, update, deactivate, reactivate, add and reorder steps -> HR and district
 * admins, others 403. Pathways are never deleted. Pathways and their steps come in the reader's
 * language where the district translated them, except to HR and admins (who edit the originals).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, VersionInput } from '../../common/schemas/common.ts';
import {
  CreatePathwayInput,
  CreateStepInput,
  Pathway,
  PathwayList,
  PathwayListQuery,
  PathwayStep,
  ReorderStepsInput,
  UpdatePathwayInput,
} from '../../common/schemas/pathways.ts';
import { requireCtx } from '../lib/http.ts';
import { readerLocale } from '../lib/reader-locale.ts';
import { isHrOrAdmin } from '../policies/app.ts';
import { translatePathways } from '../services/translations/overlay.ts';
import { listPathways, pathwayView } from '../services/pathways/load.ts';
import { changePathway, createPathway, createStep, reorderSteps } from '../services/pathways/write.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['pathways'];

export const pathwayRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, querystring: PathwayListQuery, response: { 200: PathwayList } } }, async (req) => {
    const ctx = await requireCtx(req);
    const list = await listPathways(ctx, req.query);
    return { ...list, items: await translatePathways(ctx.db, ctx.actor.districtId, readerLocale(req), list.items, isHrOrAdmin(ctx.actor)) };
  });

  app.post('/', { schema: { tags, body: CreatePathwayInput, response: { 201: Pathway } } }, async (req, reply) =>
    reply.status(201).send(await createPathway(await requireCtx(req), req.body)),
  );

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: Pathway } } }, async (req) => {
    const ctx = await requireCtx(req);
    const [pathway] = await translatePathways(
      ctx.db,
      ctx.actor.districtId,
      readerLocale(req),
      [await pathwayView(ctx, req.params.id)],
      isHrOrAdmin(ctx.actor),
    );
    return pathway!;
  });

  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdatePathwayInput, response: { 200: Pathway } } }, async (req) =>
    changePathway(await requireCtx(req), req.params.id, req.body),
  );

  app.post('/:id/deactivate', { schema: { tags, params: IdParams, body: VersionInput, response: { 200: Pathway } } }, async (req) =>
    changePathway(await requireCtx(req), req.params.id, { version: req.body.version, active: false }),
  );

  app.post('/:id/reactivate', { schema: { tags, params: IdParams, body: VersionInput, response: { 200: Pathway } } }, async (req) =>
    changePathway(await requireCtx(req), req.params.id, { version: req.body.version, active: true }),
  );

  app.post(
    '/:id/steps',
    { schema: { tags, params: IdParams, body: CreateStepInput, response: { 201: PathwayStep } } },
    async (req, reply) => reply.status(201).send(await createStep(await requireCtx(req), req.params.id, req.body)),
  );

  app.post('/:id/steps/reorder', { schema: { tags, params: IdParams, body: ReorderStepsInput, response: { 200: Pathway } } }, async (req) =>
    reorderSteps(await requireCtx(req), req.params.id, req.body),
  );
};

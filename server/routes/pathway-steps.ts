/**
 * Permission matrix: signed out -> 401; a step of another district -> 404; reading a step and
 * comparing two steps -> everyone in the district (the rubrics compared are those of versions the
 * caller may read); update, deactivate, reactivate and equivalences -> HR and district admins,
 * others 403. Steps are never deleted.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, VersionInput } from '../../common/schemas/common.ts';
import {
  CreateEquivalenceInput,
  PathwayStep,
  StepEquivalenceParams,
  UpdateEquivalenceInput,
  UpdateStepInput,
} from '../../common/schemas/pathways.ts';
import { CompareQuery, StepComparison } from '../../common/schemas/rubrics.ts';
import { requireCtx } from '../lib/http.ts';
import { stepView } from '../services/pathways/load.ts';
import { changeStep, createEquivalence, deleteEquivalence, updateEquivalence } from '../services/pathways/write.ts';
import { compareSteps } from '../services/rubrics/compare.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['pathways'];

export const pathwayStepRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/compare', { schema: { tags, querystring: CompareQuery, response: { 200: StepComparison } } }, async (req) =>
    compareSteps(await requireCtx(req), req.query),
  );

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: PathwayStep } } }, async (req) =>
    stepView(await requireCtx(req), req.params.id),
  );

  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdateStepInput, response: { 200: PathwayStep } } }, async (req) =>
    changeStep(await requireCtx(req), req.params.id, req.body),
  );

  app.post('/:id/deactivate', { schema: { tags, params: IdParams, body: VersionInput, response: { 200: PathwayStep } } }, async (req) =>
    changeStep(await requireCtx(req), req.params.id, { version: req.body.version, active: false }),
  );

  app.post('/:id/reactivate', { schema: { tags, params: IdParams, body: VersionInput, response: { 200: PathwayStep } } }, async (req) =>
    changeStep(await requireCtx(req), req.params.id, { version: req.body.version, active: true }),
  );

  app.post(
    '/:id/equivalences',
    { schema: { tags, params: IdParams, body: CreateEquivalenceInput, response: { 201: PathwayStep } } },
    async (req, reply) => reply.status(201).send(await createEquivalence(await requireCtx(req), req.params.id, req.body)),
  );

  app.patch(
    '/:id/equivalences/:equivalenceId',
    { schema: { tags, params: StepEquivalenceParams, body: UpdateEquivalenceInput, response: { 200: PathwayStep } } },
    async (req) => updateEquivalence(await requireCtx(req), req.params.id, req.params.equivalenceId, req.body),
  );

  app.delete('/:id/equivalences/:equivalenceId', { schema: { tags, params: StepEquivalenceParams } }, async (req, reply) => {
    await deleteEquivalence(await requireCtx(req), req.params.id, req.params.equivalenceId);
    return reply.status(204).send();
  });
};

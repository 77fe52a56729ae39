/**
 * Permission matrix: signed out -> 401; every route -> HR and district admins only
 * (canManagePerformance), others 403 (the list too); a cycle of another district -> 404.
 * Changing a cycle needs it in draft (else 409 invalid_state) and the version last read (else 409
 * conflict with the current cycle); a second cycle for the same population and year -> 409.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  CreateCycleInput,
  Cycle,
  CycleActionInput,
  CycleList,
  CycleOptions,
  UnmatchedList,
  UnmatchedQuery,
  UpdateCycleInput,
} from '../../common/schemas/performance-cycles.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { closeCycle, createCycle, getCycle, listCycles, openCycle, syncCycle, updateCycle } from '../services/performance/cycles/cycles.ts';
import { cycleOptions, listUnmatched } from '../services/performance/cycles/lists.ts';

const tags = ['performance'];

export const performanceCycleRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, response: { 200: CycleList } } }, async (req) => listCycles(await requireCtx(req)));

  app.get('/options', { schema: { tags, response: { 200: CycleOptions } } }, async (req) => cycleOptions(await requireCtx(req)));

  app.post('/', { schema: { tags, body: CreateCycleInput, response: { 201: Cycle } } }, async (req, reply) =>
    reply.status(201).send(await createCycle(await requireCtx(req), app.jobs, req.body)),
  );

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: Cycle } } }, async (req) =>
    getCycle(await requireCtx(req), app.jobs, req.params.id),
  );

  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdateCycleInput, response: { 200: Cycle } } }, async (req) =>
    updateCycle(await requireCtx(req), app.jobs, req.params.id, req.body),
  );

  app.post('/:id/open', { schema: { tags, params: IdParams, body: CycleActionInput, response: { 202: Cycle } } }, async (req, reply) =>
    reply.status(202).send(await openCycle(await requireCtx(req), app.jobs, req.params.id, req.body.version)),
  );

  app.post('/:id/sync', { schema: { tags, params: IdParams, response: { 202: Cycle } } }, async (req, reply) =>
    reply.status(202).send(await syncCycle(await requireCtx(req), app.jobs, req.params.id)),
  );

  app.post('/:id/close', { schema: { tags, params: IdParams, body: CycleActionInput, response: { 200: Cycle } } }, async (req) =>
    closeCycle(await requireCtx(req), app.jobs, req.params.id, req.body.version),
  );

  app.get(
    '/:id/unmatched',
    { schema: { tags, params: IdParams, querystring: UnmatchedQuery, response: { 200: UnmatchedList } } },
    async (req) => listUnmatched(await requireCtx(req), req.params.id, req.query),
  );
};

/**
 * Permission matrix: signed out -> 401; an initiative or cycle of another district, or any of these
 * routes for a vendor guest -> 404. Listing and reading cycles, and the form options -> everyone in the district.
 * Creating, saving and advancing a cycle -> HR and admins, a leader of the cycle's school, current
 * members of that school's implementation team or of the initiative's district team (others 403).
 * A school the initiative does not cover, or a component outside its practice profile -> 400
 * naming the field; leaving a step unfinished -> 400 naming the missing field ("a cycle cannot
 * close without study and act"); a closed cycle -> 409 invalid_state; a stale version -> 409 with
 * the current cycle.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  PdsaAdvanceInput,
  PdsaCreateInput,
  PdsaCycleDetail,
  PdsaList,
  PdsaListQuery,
  PdsaOptions,
  PdsaParams,
  PdsaSaveInput,
} from '../../common/schemas/pdsa.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { pdsaOptions } from '../services/implementation/pdsa/options.ts';
import { cycleView, listCycles } from '../services/implementation/pdsa/read.ts';
import { advanceCycle, createCycle, saveCycle } from '../services/implementation/pdsa/write.ts';

const tags = ['implementation'];
const detail = { 200: PdsaCycleDetail };

export const pdsaCycleRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/:id/pdsa', { schema: { tags, params: IdParams, querystring: PdsaListQuery, response: { 200: PdsaList } } }, async (req) =>
    listCycles(await requireCtx(req), req.params.id, req.query),
  );
  app.get('/:id/pdsa/options', { schema: { tags, params: IdParams, response: { 200: PdsaOptions } } }, async (req) =>
    pdsaOptions(await requireCtx(req), req.params.id),
  );
  app.post('/:id/pdsa', { schema: { tags, params: IdParams, body: PdsaCreateInput, response: detail } }, async (req) =>
    createCycle(await requireCtx(req), req.params.id, req.body),
  );
  app.get('/:id/pdsa/:cycleId', { schema: { tags, params: PdsaParams, response: detail } }, async (req) =>
    cycleView(await requireCtx(req), req.params.id, req.params.cycleId),
  );
  app.patch('/:id/pdsa/:cycleId', { schema: { tags, params: PdsaParams, body: PdsaSaveInput, response: detail } }, async (req) =>
    saveCycle(await requireCtx(req), req.params.id, req.params.cycleId, req.body),
  );
  app.post('/:id/pdsa/:cycleId/advance', { schema: { tags, params: PdsaParams, body: PdsaAdvanceInput, response: detail } }, async (req) =>
    advanceCycle(await requireCtx(req), req.params.id, req.params.cycleId, req.body),
  );
};

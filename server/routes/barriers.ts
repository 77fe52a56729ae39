/**
 * Permission matrix (practice-policy feedback): signed out -> 401; a barrier or team of another
 * district, and every route for a vendor guest -> 404. Raising a barrier, the raise form's options and
 * "my barriers" -> everyone on staff. One barrier is read by the person who raised it (never the
 * teams' internal notes), current members of the team holding it and of the team it was first routed
 * to, leaders of its school, HR and admins; anyone else 404. Moving it (acknowledge, escalate,
 * resolve, will not fix) and writing its notes -> the team holding it, HR and admins; its other
 * readers 403. A team's queue -> its current members, HR and admins (others 403); every barrier ->
 * HR and admins (others 403). Bad ids in the body -> 400 naming the field; an initiative with no team
 * to route to -> 400 `initiativeId`; escalating with no district team -> 409 `invalid_state`
 * (`no_district_team`); closing without an answer -> 400 `answer`; a stale version -> 409 with the
 * current barrier.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Barrier,
  BarrierList,
  BarrierListQuery,
  BarrierNotesInput,
  BarrierOptions,
  MoveBarrierInput,
  RaiseBarrierInput,
} from '../../common/schemas/barriers.ts';
import { IdParams } from '../../common/schemas/common.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { barrierView } from '../services/barriers/load.ts';
import { allBarriers, barrierOptions, myBarriers, teamBarriers } from '../services/barriers/read.ts';
import { moveBarrier, raiseBarrier, saveBarrierNotes } from '../services/barriers/write.ts';

const tags = ['barriers'];
const one = { 200: Barrier };
const many = { 200: BarrierList };

export const barrierRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/barriers', { schema: { tags, querystring: BarrierListQuery, response: many } }, async (req) =>
    allBarriers(await requireCtx(req), req.query),
  );
  app.get('/barriers/mine', { schema: { tags, querystring: BarrierListQuery, response: many } }, async (req) =>
    myBarriers(await requireCtx(req), req.query),
  );
  app.get('/barriers/options', { schema: { tags, response: { 200: BarrierOptions } } }, async (req) =>
    barrierOptions(await requireCtx(req)),
  );
  app.post('/barriers', { schema: { tags, body: RaiseBarrierInput, response: { 201: Barrier } } }, async (req, reply) =>
    reply.status(201).send(await raiseBarrier(await requireCtx(req), req.body)),
  );
  app.get('/barriers/:id', { schema: { tags, params: IdParams, response: one } }, async (req) =>
    barrierView(await requireCtx(req), req.params.id),
  );
  app.patch('/barriers/:id', { schema: { tags, params: IdParams, body: BarrierNotesInput, response: one } }, async (req) =>
    saveBarrierNotes(await requireCtx(req), req.params.id, req.body),
  );
  app.post('/barriers/:id/move', { schema: { tags, params: IdParams, body: MoveBarrierInput, response: one } }, async (req) =>
    moveBarrier(await requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/implementation-teams/:id/barriers',
    { schema: { tags, params: IdParams, querystring: BarrierListQuery, response: many } },
    async (req) => teamBarriers(await requireCtx(req), req.params.id, req.query),
  );
};

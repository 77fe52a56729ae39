/**
 * Permission matrix: signed out -> 401; a 1:1 of another district -> 404. A 1:1 is seen only by
 * its leader, its member and HR (other leaders, coaches and admins: 404). Listing -> one's own 1:1s
 * (as leader or member). Creating -> a school leader, with a person they lead (an ILT member or a
 * team lead in a school they lead; anyone else 404); callers who lead no school 403. Updating the
 * agenda, decisions, notes -> the two people (HR 403); deleting -> the leader (others 403).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { CreateOneOnOneInput, OneOnOne, OneOnOneList, OneOnOneMembers, UpdateOneOnOneInput } from '../../common/schemas/one-on-ones.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import {
  createOneOnOne,
  deleteOneOnOne,
  getOneOnOne,
  listOneOnOnes,
  oneOnOneMembers,
  updateOneOnOne,
} from '../services/performance/one-on-ones/one-on-ones.ts';

const tags = ['one-on-ones'];

export const oneOnOneRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, response: { 200: OneOnOneList } } }, async (req) => listOneOnOnes(await requireCtx(req)));
  app.get('/members', { schema: { tags, response: { 200: OneOnOneMembers } } }, async (req) => oneOnOneMembers(await requireCtx(req)));
  app.post('/', { schema: { tags, body: CreateOneOnOneInput, response: { 200: OneOnOne } } }, async (req) =>
    createOneOnOne(await requireCtx(req), req.body),
  );
  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: OneOnOne } } }, async (req) =>
    getOneOnOne(await requireCtx(req), req.params.id),
  );
  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdateOneOnOneInput, response: { 200: OneOnOne } } }, async (req) =>
    updateOneOnOne(await requireCtx(req), req.params.id, req.body),
  );
  app.delete('/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteOneOnOne(await requireCtx(req), req.params.id);
    return reply.status(204).send();
  });
};

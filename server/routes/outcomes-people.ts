/**
 * Permission matrix: signed out -> 401; a vendor guest -> 404 (the guest gate); a person of another
 * district (or none) -> 404. A teacher's own outcome values -> the teacher, their evaluator this
 * school year, their coaches (caseload or an initiative's coaching pair), HR and admins; anyone else
 * of the district, school leaders and implementation teams included, 403. Values are sent only
 * where the district keeps them per teacher, and a figure under its minimum count never is.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { PersonOutcomes } from '../../common/schemas/outcomes.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { personOutcomes } from '../services/outcomes/person.ts';

export const personOutcomeRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/people/:id', { schema: { tags: ['outcomes'], params: IdParams, response: { 200: PersonOutcomes } } }, async (req) =>
    personOutcomes(await requireCtx(req), req.params.id),
  );
};

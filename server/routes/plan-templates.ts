/**
 * Permission matrix: signed out -> 401; a template of another district (or a step of another
 * district) -> 404; reading the templates -> anyone signed in, in their own district; creating,
 * saving and deleting -> HR and district admins (canManagePerformance), others 403. A stale
 * version -> 409 with the current template; a second template for one step -> 409 with the held one.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { CreatePlanTemplateInput, PlanTemplate, PlanTemplateList, UpdatePlanTemplateInput } from '../../common/schemas/plan-templates.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import {
  createPlanTemplate,
  deletePlanTemplate,
  listPlanTemplates,
  updatePlanTemplate,
} from '../services/performance/templates/templates.ts';

const tags = ['performance templates'];

export const planTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/templates', { schema: { tags, response: { 200: PlanTemplateList } } }, async (req) => listPlanTemplates(await requireCtx(req)));

  app.post('/templates', { schema: { tags, body: CreatePlanTemplateInput, response: { 201: PlanTemplate } } }, async (req, reply) =>
    reply.status(201).send(await createPlanTemplate(await requireCtx(req), req.body)),
  );

  app.put(
    '/templates/:id',
    { schema: { tags, params: IdParams, body: UpdatePlanTemplateInput, response: { 200: PlanTemplate } } },
    async (req) => updatePlanTemplate(await requireCtx(req), req.params.id, req.body),
  );

  app.delete('/templates/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await deletePlanTemplate(await requireCtx(req), req.params.id);
    return reply.status(204).send();
  });
};

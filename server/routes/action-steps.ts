/**
 * Permission matrix: signed out -> 401; a step of another district, or of someone the caller does
 * not support -> 404 (policies/observations.ts canReadActionStep: the teacher, whoever agreed it,
 * the teacher's school leaders and caseload coaches, HR and admins; a draft observation's steps
 * only its observers). PATCH: the teacher moves assigned -> practicing; marking mastered, reopening
 * a mastered step and editing wording or due date are for supporters (403 for the teacher).
 * Steps are created from an observation: POST /api/observations/:id/action-steps. A step made from
 * the library reads in the reader's language where the district translated the library's text.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ActionStep, ActionStepList, ActionStepListQuery, UpdateActionStepInput } from '../../common/schemas/action-steps.ts';
import { IdParams } from '../../common/schemas/common.ts';
import { requireCtx } from '../lib/http.ts';
import { readLogged } from '../services/record-reads/log.ts';
import { actionStepView, listActionSteps } from '../services/action-steps/load.ts';
import { updateActionStep } from '../services/action-steps/write.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { readerLocale } from '../lib/reader-locale.ts';
import { translateActionSteps } from '../services/translations/observations.ts';

const tags = ['action-steps'];

export const actionStepRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, querystring: ActionStepListQuery, response: { 200: ActionStepList } } }, async (req) => {
    const ctx = await requireCtx(req);
    const list = await listActionSteps(ctx, req.query);
    return { ...list, items: await translateActionSteps(ctx.db, ctx.actor.districtId, readerLocale(req), list.items) };
  });

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: ActionStep } } }, async (req) => {
    const ctx = await requireCtx(req);
    const step = await readLogged(
      ctx,
      'action_step',
      req.params.id,
      () => actionStepView(ctx, req.params.id),
      (s) => [s.person.id],
    );
    return (await translateActionSteps(ctx.db, ctx.actor.districtId, readerLocale(req), [step]))[0]!;
  });

  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdateActionStepInput, response: { 200: ActionStep } } }, async (req) =>
    updateActionStep(await requireCtx(req), req.params.id, req.body),
  );
};

/**
 * Permission matrix: signed out -> 401; a plan of another district, or one the caller may not read
 * -> 404 (coaches, even with the person on their caseload, and leaders of other schools). Reading
 * -> the person, their evaluator, leaders of the person's school, HR and admins. The shared view
 * -> additionally a caseload coach, and only when the person shared a goal or focus area (else 404).
 * Self-assessment -> the person only; goals, focus areas and reflections -> the person and those
 * who supervise the plan; submit -> the person; return and approve -> supervisors; sign -> the
 * person and supervisors with a signature block; reopen -> supervisors. A reader without the
 * ability -> 403. Every write carries the version read: a stale one -> 409 with the current plan.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  FocusAreaWriteInput,
  GoalWriteInput,
  PerformancePlan,
  PlanChildParams,
  PlanList,
  PlanListQuery,
  PlanVersionInput,
  ReflectionsInput,
  ReopenPlanInput,
  ReturnPlanInput,
  SelfRatingsInput,
  SharedPlanItems,
  SignPlanInput,
  VersionQuery,
} from '../../common/schemas/performance-plans.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import {
  addFocusArea,
  addGoal,
  deleteFocusArea,
  deleteGoal,
  saveReflections,
  saveSelfRatings,
  updateFocusArea,
  updateGoal,
} from '../services/performance/plans/content.ts';
import { listPlans } from '../services/performance/plans/list.ts';
import { planView, sharedPlanView } from '../services/performance/plans/view.ts';
import { approvePlan, reopenPlan, returnPlan, signPlan, submitPlan } from '../services/performance/plans/workflow.ts';

const tags = ['performance'];
const plan = { 200: PerformancePlan };

export const performancePlanRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/', { schema: { tags, querystring: PlanListQuery, response: { 200: PlanList } } }, async (req) =>
    listPlans(await requireCtx(req), req.query),
  );
  app.get('/:id', { schema: { tags, params: IdParams, response: plan } }, async (req) => planView(await requireCtx(req), req.params.id));
  app.get('/:id/shared', { schema: { tags, params: IdParams, response: { 200: SharedPlanItems } } }, async (req) =>
    sharedPlanView(await requireCtx(req), req.params.id),
  );

  app.put('/:id/self-ratings', { schema: { tags, params: IdParams, body: SelfRatingsInput, response: plan } }, async (req) =>
    saveSelfRatings(await requireCtx(req), req.params.id, req.body.version, req.body.ratings),
  );
  app.put('/:id/reflections', { schema: { tags, params: IdParams, body: ReflectionsInput, response: plan } }, async (req) =>
    saveReflections(await requireCtx(req), req.params.id, req.body.version, req.body.reflections),
  );

  app.post('/:id/goals', { schema: { tags, params: IdParams, body: GoalWriteInput, response: plan } }, async (req) =>
    addGoal(await requireCtx(req), req.params.id, req.body.version, req.body.goal),
  );
  app.put('/:id/goals/:childId', { schema: { tags, params: PlanChildParams, body: GoalWriteInput, response: plan } }, async (req) =>
    updateGoal(await requireCtx(req), req.params.id, req.params.childId, req.body.version, req.body.goal),
  );
  app.delete('/:id/goals/:childId', { schema: { tags, params: PlanChildParams, querystring: VersionQuery, response: plan } }, async (req) =>
    deleteGoal(await requireCtx(req), req.params.id, req.params.childId, req.query.version),
  );

  app.post('/:id/focus-areas', { schema: { tags, params: IdParams, body: FocusAreaWriteInput, response: plan } }, async (req) =>
    addFocusArea(await requireCtx(req), req.params.id, req.body.version, req.body.focusArea),
  );
  app.put(
    '/:id/focus-areas/:childId',
    { schema: { tags, params: PlanChildParams, body: FocusAreaWriteInput, response: plan } },
    async (req) => updateFocusArea(await requireCtx(req), req.params.id, req.params.childId, req.body.version, req.body.focusArea),
  );
  app.delete(
    '/:id/focus-areas/:childId',
    { schema: { tags, params: PlanChildParams, querystring: VersionQuery, response: plan } },
    async (req) => deleteFocusArea(await requireCtx(req), req.params.id, req.params.childId, req.query.version),
  );

  app.post('/:id/submit', { schema: { tags, params: IdParams, body: PlanVersionInput, response: plan } }, async (req) =>
    submitPlan(await requireCtx(req), req.params.id, req.body.version),
  );
  app.post('/:id/return', { schema: { tags, params: IdParams, body: ReturnPlanInput, response: plan } }, async (req) =>
    returnPlan(await requireCtx(req), req.params.id, req.body.version, req.body.note),
  );
  app.post('/:id/approve', { schema: { tags, params: IdParams, body: PlanVersionInput, response: plan } }, async (req) =>
    approvePlan(await requireCtx(req), req.params.id, req.body.version),
  );
  app.post('/:id/sign', { schema: { tags, params: IdParams, body: SignPlanInput, response: plan } }, async (req) =>
    signPlan(await requireCtx(req), req.params.id, req.body.version, req.body.typedName),
  );
  app.post('/:id/reopen', { schema: { tags, params: IdParams, body: ReopenPlanInput, response: plan } }, async (req) =>
    reopenPlan(await requireCtx(req), req.params.id, req.body.version, req.body.reason),
  );
};

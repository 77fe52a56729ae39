/**
 * Permission matrix (action plans of implementation teams): signed out -> 401; a team, plan, item or
 * meeting of another district, an item of another plan, a meeting of another team, and every route
 * for a vendor guest -> 404. Reading a team's plans, a plan, an item, the form options and a meeting's
 * review list -> everyone in the district. Creating and editing plans and items and recording reviews
 * -> current members of the (active) team, HR and admins; anyone else 403. An item with no owner, or
 * an owner, source, promoted action item or review meeting outside the district or the plan's team ->
 * 400 naming the field (`ownerId`, `source.id`, `actionItemId`, `meetingId`); a stale `version` ->
 * 409 with the current plan or item. A data source (an assessment item, an outcome value) the caller
 * may not read, or that does not hold (an item of another version, no consensus score, an outcome
 * value under the district's minimum count), or that is not the plan team's (another team's
 * administration not held at its org unit, another school's value for a school team) -> 400 naming
 * `source.id`, `source.administrationId`, `source.orgUnitId` or `source.periodId`.
 *
 * Planning from data (`GET /action-plans/from-source`): everyone in the district but a vendor guest
 * (404); the answer lists only the plans and teams the caller writes; the same refusals -> 400 naming
 * the query field (`id`, `administrationId`, `orgUnitId`, `periodId`).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActionPlanDetail,
  ActionPlanItemDetail,
  ActionPlanList,
  ActionPlanOptions,
  CreateActionPlanInput,
  CreateActionPlanItemInput,
  CreateReviewInput,
  DataSourcePlans,
  DataSourceQuery,
  MeetingActionReview,
  PlanItemParams,
  PlanParams,
  UpdateActionPlanInput,
  UpdateActionPlanItemInput,
} from '../../common/schemas/action-plans.ts';
import { IdParams, Uuid } from '../../common/schemas/common.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { addReview, createItem, itemView, meetingActionReview, updateItem } from '../services/action-plans/items.ts';
import { plansForSource } from '../services/action-plans/from-source.ts';
import { createPlan, listPlans, planOptions, planView, updatePlan } from '../services/action-plans/plans.ts';

const tags = ['action-plans'];
const plan = { 200: ActionPlanDetail };
const item = { 200: ActionPlanItemDetail };

export const actionPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get(
    '/implementation-teams/:id/action-plans',
    { schema: { tags, params: IdParams, response: { 200: ActionPlanList } } },
    async (req) => listPlans(await requireCtx(req), req.params.id),
  );
  app.post(
    '/implementation-teams/:id/action-plans',
    { schema: { tags, params: IdParams, body: CreateActionPlanInput, response: { 201: ActionPlanDetail } } },
    async (req, reply) => reply.status(201).send(await createPlan(await requireCtx(req), req.params.id, req.body)),
  );
  app.get(
    '/implementation-teams/:id/meetings/:meetingId/action-plan-review',
    { schema: { tags, params: z.object({ id: Uuid, meetingId: Uuid }), response: { 200: MeetingActionReview } } },
    async (req) => meetingActionReview(await requireCtx(req), req.params.id, req.params.meetingId),
  );
  app.get(
    '/action-plans/from-source',
    { schema: { tags, querystring: DataSourceQuery, response: { 200: DataSourcePlans } } },
    async (req) => plansForSource(await requireCtx(req), req.query),
  );
  app.get('/action-plans/:planId', { schema: { tags, params: PlanParams, response: plan } }, async (req) =>
    planView(await requireCtx(req), req.params.planId),
  );
  app.patch('/action-plans/:planId', { schema: { tags, params: PlanParams, body: UpdateActionPlanInput, response: plan } }, async (req) =>
    updatePlan(await requireCtx(req), req.params.planId, req.body),
  );
  app.get('/action-plans/:planId/options', { schema: { tags, params: PlanParams, response: { 200: ActionPlanOptions } } }, async (req) =>
    planOptions(await requireCtx(req), req.params.planId),
  );
  app.post(
    '/action-plans/:planId/items',
    { schema: { tags, params: PlanParams, body: CreateActionPlanItemInput, response: { 201: ActionPlanItemDetail } } },
    async (req, reply) => reply.status(201).send(await createItem(await requireCtx(req), req.params.planId, req.body)),
  );
  app.get('/action-plans/:planId/items/:itemId', { schema: { tags, params: PlanItemParams, response: item } }, async (req) =>
    itemView(await requireCtx(req), req.params.planId, req.params.itemId),
  );
  app.patch(
    '/action-plans/:planId/items/:itemId',
    { schema: { tags, params: PlanItemParams, body: UpdateActionPlanItemInput, response: item } },
    async (req) => updateItem(await requireCtx(req), req.params.planId, req.params.itemId, req.body),
  );
  app.post(
    '/action-plans/:planId/items/:itemId/reviews',
    { schema: { tags, params: PlanItemParams, body: CreateReviewInput, response: item } },
    async (req) => addReview(await requireCtx(req), req.params.planId, req.params.itemId, req.body),
  );
};

/**
 * Permission matrix: signed out -> 401. Expectations and escalation steps: listing -> anyone in the
 * district; creating, editing, deactivating, reordering and using the suggested list -> HR and
 * district admins, others 403. Concerns and improvement plans (policies/performance.ts
 * canReadConcern): reading -> the person (plans once active), who raised or owns it, leaders of the
 * person's current schools, HR and admins; anyone else (a coach of the person, a leader of another
 * school, another district) 404. Documenting a concern or opening a plan -> leaders of the person's
 * school, HR and admins (someone who leads no school and is not HR: 403; a person outside the
 * caller's schools: 404). Responding -> the person only (others 403); resolving, editing,
 * activating, closing -> who raised or owns it, the school's leaders, HR (the person: 403).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  ClosePlanInput,
  Concern,
  ConcernInput,
  ConcernList,
  ConcernListQuery,
  ImprovementPlan,
  ImprovementPlanInput,
  ImprovementPlanList,
  ImprovementPlanListQuery,
  ImprovementPlanUpdate,
  ListItemInput,
  ListItemParams,
  ListItemUpdate,
  ListKindParams,
  ProfessionalismSetup,
  ReorderInput,
  ResponseInput,
  VersionOnly,
} from '../../common/schemas/professionalism.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import {
  getConcern,
  listConcerns,
  personConcerns,
  raiseConcern,
  resolveConcern,
  respondToConcern,
} from '../services/performance/professionalism/concerns.ts';
import {
  activateImprovementPlan,
  closeImprovementPlan,
  createImprovementPlan,
  getImprovementPlan,
  listImprovementPlans,
  respondToImprovementPlan,
  updateImprovementPlan,
} from '../services/performance/professionalism/improvement-plans.ts';
import {
  createListItem,
  professionalismSetup,
  reorderList,
  updateListItem,
  useSuggestedLists,
} from '../services/performance/professionalism/lists.ts';

const tags = ['professionalism'];

/** Registered under /api. */
export const professionalismRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/professionalism/setup', { schema: { tags, response: { 200: ProfessionalismSetup } } }, async (req) =>
    professionalismSetup(await requireCtx(req)),
  );
  app.post('/professionalism/suggested', { schema: { tags, response: { 200: ProfessionalismSetup } } }, async (req) =>
    useSuggestedLists(await requireCtx(req)),
  );
  app.post(
    '/professionalism/:kind',
    { schema: { tags, params: ListKindParams, body: ListItemInput, response: { 200: ProfessionalismSetup } } },
    async (req) => createListItem(await requireCtx(req), req.params.kind, req.body),
  );
  app.put(
    '/professionalism/:kind/order',
    { schema: { tags, params: ListKindParams, body: ReorderInput, response: { 200: ProfessionalismSetup } } },
    async (req) => reorderList(await requireCtx(req), req.params.kind, req.body),
  );
  app.put(
    '/professionalism/:kind/:id',
    { schema: { tags, params: ListItemParams, body: ListItemUpdate, response: { 200: ProfessionalismSetup } } },
    async (req) => updateListItem(await requireCtx(req), req.params.kind, req.params.id, req.body),
  );

  app.post('/people/:id/concerns', { schema: { tags, params: IdParams, body: ConcernInput, response: { 200: Concern } } }, async (req) =>
    raiseConcern(await requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/people/:id/concerns',
    { schema: { tags, params: IdParams, querystring: ConcernListQuery, response: { 200: ConcernList } } },
    async (req) => personConcerns(await requireCtx(req), req.params.id, req.query),
  );
  app.get('/professionalism/concerns', { schema: { tags, querystring: ConcernListQuery, response: { 200: ConcernList } } }, async (req) =>
    listConcerns(await requireCtx(req), req.query),
  );
  app.get('/professionalism/concerns/:id', { schema: { tags, params: IdParams, response: { 200: Concern } } }, async (req) =>
    getConcern(await requireCtx(req), req.params.id),
  );
  app.put(
    '/professionalism/concerns/:id/response',
    { schema: { tags, params: IdParams, body: ResponseInput, response: { 200: Concern } } },
    async (req) => respondToConcern(await requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/professionalism/concerns/:id/resolve',
    { schema: { tags, params: IdParams, body: VersionOnly, response: { 200: Concern } } },
    async (req) => resolveConcern(await requireCtx(req), req.params.id, req.body.version),
  );

  app.post(
    '/people/:id/improvement-plans',
    { schema: { tags, params: IdParams, body: ImprovementPlanInput, response: { 200: ImprovementPlan } } },
    async (req) => createImprovementPlan(await requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/improvement-plans',
    { schema: { tags, querystring: ImprovementPlanListQuery, response: { 200: ImprovementPlanList } } },
    async (req) => listImprovementPlans(await requireCtx(req), req.query),
  );
  app.get('/improvement-plans/:id', { schema: { tags, params: IdParams, response: { 200: ImprovementPlan } } }, async (req) =>
    getImprovementPlan(await requireCtx(req), req.params.id),
  );
  app.put(
    '/improvement-plans/:id',
    { schema: { tags, params: IdParams, body: ImprovementPlanUpdate, response: { 200: ImprovementPlan } } },
    async (req) => updateImprovementPlan(await requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/improvement-plans/:id/activate',
    { schema: { tags, params: IdParams, body: VersionOnly, response: { 200: ImprovementPlan } } },
    async (req) => activateImprovementPlan(await requireCtx(req), req.params.id, req.body.version),
  );
  app.post(
    '/improvement-plans/:id/close',
    { schema: { tags, params: IdParams, body: ClosePlanInput, response: { 200: ImprovementPlan } } },
    async (req) => closeImprovementPlan(await requireCtx(req), req.params.id, req.body),
  );
  app.put(
    '/improvement-plans/:id/response',
    { schema: { tags, params: IdParams, body: ResponseInput, response: { 200: ImprovementPlan } } },
    async (req) => respondToImprovementPlan(await requireCtx(req), req.params.id, req.body),
  );
};

/**
 * Permission matrix ("coaching is not evaluation"): signed out -> 401; a record of another district
 * -> 404. Reading a session or cycle: its coach and coachees see everything (view 'full'); school
 * leaders of a coachee's school, HR and admins see that it happened (view 'summary': no notes, next
 * steps, goal or outcome) unless every attendee shared the session; anyone else 404. Plans: coach,
 * members and those overseeing them read them; others 404. Writing plans, cycles and sessions:
 * coaches only (others 403), for people on their caseload only (else 404), and only their own
 * records (others who can see them 403). Rating and sharing a session: its attendees only (others
 * who can see it 403); rating needs a held session (409). Caseload: coaches (others 403). Coaching
 * in my schools: school leaders, HR and admins naming a school (others 403). A person's summary:
 * the person, their coach, their school leaders, HR and admins (others 404). Listing sessions: a
 * page (newest first, `limit` 1-100, else 400) of those the reader may see in the view above, and a
 * `total` counting only those.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  Caseload,
  ChangeCyclePhaseInput,
  CoachingCycleDetail,
  CoachingCycleList,
  CoachingCycleQuery,
  CoachingLog,
  CoachingLogList,
  CoachingLogQuery,
  CoachingPersonSummary,
  CoachingPlan,
  CoachingPlanList,
  CoachingPlanQuery,
  CreateCoachingCycleInput,
  CreateCoachingLogInput,
  CreateCoachingPlanInput,
  FocusItemList,
  PersonIdParams,
  RateCoachingLogInput,
  SchoolCoaching,
  ShareCoachingLogInput,
  UpdateCoachingCycleInput,
  UpdateCoachingLogInput,
  UpdateCoachingPlanInput,
} from '../../common/schemas/coaching.ts';
import { requireCtx } from '../lib/http.ts';
import { readLogged } from '../services/record-reads/log.ts';
import { rateLog, shareLog } from '../services/coaching/attendees.ts';
import { caseload, focusItemChoices } from '../services/coaching/caseload.ts';
import { changeCyclePhase, createCycle, cycleDetail, listCycles, updateCycle } from '../services/coaching/cycles.ts';
import { createLog, updateLog } from '../services/coaching/log-writes.ts';
import { listLogs } from '../services/coaching/log-list.ts';
import { logView } from '../services/coaching/logs.ts';
import { createPlan, listPlans, planView, updatePlan } from '../services/coaching/plans.ts';
import { personCoachingSummary, schoolCoaching } from '../services/coaching/summary.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['coaching'];

export const coachingRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/caseload', { schema: { tags, response: { 200: Caseload } } }, async (req) => caseload(await requireCtx(req)));

  app.get('/focus-items', { schema: { tags, response: { 200: FocusItemList } } }, async (req) => focusItemChoices(await requireCtx(req)));

  app.get(
    '/school',
    { schema: { tags, querystring: z.object({ orgUnitId: z.uuid().optional() }), response: { 200: SchoolCoaching } } },
    async (req) => schoolCoaching(await requireCtx(req), req.query.orgUnitId),
  );

  app.get(
    '/people/:personId/summary',
    { schema: { tags, params: PersonIdParams, response: { 200: CoachingPersonSummary } } },
    async (req) => {
      const ctx = await requireCtx(req);
      const { personId } = req.params;
      return readLogged(
        ctx,
        'coaching_summary',
        personId,
        () => personCoachingSummary(ctx, personId),
        () => [personId],
      );
    },
  );

  // Plans
  app.get('/plans', { schema: { tags, querystring: CoachingPlanQuery, response: { 200: CoachingPlanList } } }, async (req) =>
    listPlans(await requireCtx(req), req.query),
  );
  app.post('/plans', { schema: { tags, body: CreateCoachingPlanInput, response: { 201: CoachingPlan } } }, async (req, reply) =>
    reply.status(201).send(await createPlan(await requireCtx(req), req.body)),
  );
  app.get('/plans/:id', { schema: { tags, params: IdParams, response: { 200: CoachingPlan } } }, async (req) => {
    const ctx = await requireCtx(req);
    return readLogged(
      ctx,
      'coaching_plan',
      req.params.id,
      () => planView(ctx, req.params.id),
      (p) => p.members.map((m) => m.id),
    );
  });
  app.patch(
    '/plans/:id',
    { schema: { tags, params: IdParams, body: UpdateCoachingPlanInput, response: { 200: CoachingPlan } } },
    async (req) => updatePlan(await requireCtx(req), req.params.id, req.body),
  );

  // Cycles
  app.get('/cycles', { schema: { tags, querystring: CoachingCycleQuery, response: { 200: CoachingCycleList } } }, async (req) =>
    listCycles(await requireCtx(req), req.query),
  );
  app.post('/cycles', { schema: { tags, body: CreateCoachingCycleInput, response: { 201: CoachingCycleDetail } } }, async (req, reply) =>
    reply.status(201).send(await createCycle(await requireCtx(req), req.body)),
  );
  app.get('/cycles/:id', { schema: { tags, params: IdParams, response: { 200: CoachingCycleDetail } } }, async (req) => {
    const ctx = await requireCtx(req);
    return readLogged(
      ctx,
      'coaching_cycle',
      req.params.id,
      () => cycleDetail(ctx, req.params.id),
      (c) => [c.coachee.id],
    );
  });
  app.patch(
    '/cycles/:id',
    { schema: { tags, params: IdParams, body: UpdateCoachingCycleInput, response: { 200: CoachingCycleDetail } } },
    async (req) => updateCycle(await requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/cycles/:id/phase',
    { schema: { tags, params: IdParams, body: ChangeCyclePhaseInput, response: { 200: CoachingCycleDetail } } },
    async (req) => changeCyclePhase(await requireCtx(req), req.params.id, req.body),
  );

  // Sessions (logs)
  app.get('/logs', { schema: { tags, querystring: CoachingLogQuery, response: { 200: CoachingLogList } } }, async (req) =>
    listLogs(await requireCtx(req), req.query),
  );
  app.post('/logs', { schema: { tags, body: CreateCoachingLogInput, response: { 201: CoachingLog } } }, async (req, reply) =>
    reply.status(201).send(await createLog(await requireCtx(req), req.body)),
  );
  app.get('/logs/:id', { schema: { tags, params: IdParams, response: { 200: CoachingLog } } }, async (req) => {
    const ctx = await requireCtx(req);
    return readLogged(
      ctx,
      'coaching_log',
      req.params.id,
      () => logView(ctx, req.params.id),
      (l) => l.attendees.map((a) => a.person.id),
    );
  });
  app.patch(
    '/logs/:id',
    { schema: { tags, params: IdParams, body: UpdateCoachingLogInput, response: { 200: CoachingLog } } },
    async (req) => updateLog(await requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/logs/:id/rating',
    { schema: { tags, params: IdParams, body: RateCoachingLogInput, response: { 200: CoachingLog } } },
    async (req) => rateLog(await requireCtx(req), req.params.id, req.body.helpfulness),
  );
  app.post(
    '/logs/:id/share',
    { schema: { tags, params: IdParams, body: ShareCoachingLogInput, response: { 200: CoachingLog } } },
    async (req) => shareLog(await requireCtx(req), req.params.id, req.body.shared),
  );
};

/**
 * Permission matrix: signed out -> 401; a school, team or goal of another district -> 404.
 * School priorities and school/team goals: read by the school's leaders (a role in the school or in
 * a network above it), HR, admins and anyone with a current role in the school; anyone else 404.
 * Writing priorities and school goals: the school's leaders, HR, admins (other readers 403). Team
 * goals and their check-ins: those, plus the team's current leads. District goals: anyone of the
 * district reads; HR and admins write (others 403). Team reflection: read by the team's current
 * leads and members, the school's leaders, HR and admins (others 404); written by the leads and the
 * school's leaders (other readers 403).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  CheckInInput,
  CreateGoalInput,
  DeleteGoalQuery,
  DistrictGoals,
  GoalDetail,
  PriorityList,
  SchoolGoals,
  SetPrioritiesInput,
  SetReflectionInput,
  TeamReflection,
  UpdateGoalInput,
  YearQuery,
} from '../../common/schemas/team-goals.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { districtGoals, goalDetail, schoolGoals } from '../services/performance/team-goals/goals.ts';
import { getPriorities, setPriorities } from '../services/performance/team-goals/priorities.ts';
import { getReflection, setReflection } from '../services/performance/team-goals/reflection.ts';
import { addCheckIn, createGoal, deleteGoal, updateGoal } from '../services/performance/team-goals/write.ts';

const tags = ['team-goals'];

export const teamGoalRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get(
    '/schools/:id/priorities',
    { schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: PriorityList } } },
    async (req) => getPriorities(await requireCtx(req), req.params.id, req.query.schoolYear),
  );
  app.put(
    '/schools/:id/priorities',
    { schema: { tags, params: IdParams, body: SetPrioritiesInput, response: { 200: PriorityList } } },
    async (req) => setPriorities(await requireCtx(req), req.params.id, req.body),
  );

  app.get(
    '/schools/:id/goals',
    { schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: SchoolGoals } } },
    async (req) => schoolGoals(await requireCtx(req), req.params.id, req.query.schoolYear),
  );
  app.get('/district-goals', { schema: { tags, querystring: YearQuery, response: { 200: DistrictGoals } } }, async (req) =>
    districtGoals(await requireCtx(req), req.query.schoolYear),
  );

  app.post('/team-goals', { schema: { tags, body: CreateGoalInput, response: { 200: GoalDetail } } }, async (req) =>
    createGoal(await requireCtx(req), req.body),
  );
  app.get('/team-goals/:id', { schema: { tags, params: IdParams, response: { 200: GoalDetail } } }, async (req) =>
    goalDetail(await requireCtx(req), req.params.id),
  );
  app.patch('/team-goals/:id', { schema: { tags, params: IdParams, body: UpdateGoalInput, response: { 200: GoalDetail } } }, async (req) =>
    updateGoal(await requireCtx(req), req.params.id, req.body),
  );
  app.delete('/team-goals/:id', { schema: { tags, params: IdParams, querystring: DeleteGoalQuery } }, async (req, reply) => {
    await deleteGoal(await requireCtx(req), req.params.id, req.query.version);
    return reply.status(204).send();
  });
  app.post(
    '/team-goals/:id/check-ins',
    { schema: { tags, params: IdParams, body: CheckInInput, response: { 200: GoalDetail } } },
    async (req) => addCheckIn(await requireCtx(req), req.params.id, req.body),
  );

  app.get(
    '/teams/:id/reflection',
    { schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: TeamReflection } } },
    async (req) => getReflection(await requireCtx(req), req.params.id, req.query.schoolYear),
  );
  app.put(
    '/teams/:id/reflection',
    { schema: { tags, params: IdParams, body: SetReflectionInput, response: { 200: TeamReflection } } },
    async (req) => setReflection(await requireCtx(req), req.params.id, req.body),
  );
};

/**
 * Permission matrix: signed out -> 401; an initiative of another district (or, for a vendor guest,
 * any initiative's drivers: guests reach only the fidelity tool) -> 404. Reading the driver plans
 * and their health -> everyone in the district. Saving a driver plan -> HR, district admins and
 * current members of the initiative's district implementation team (any driver), and the plan's
 * owner (that driver); others 403. A stale version -> 409 with the current plan; an unknown detail
 * field, a bad date or an owner not of the district -> 400 naming the field.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { DriverParams, DriverPlan, DriverPlanInput, DriverPlanList } from '../../common/schemas/driver-plans.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { listDriverPlans, saveDriverPlan } from '../services/implementation/drivers/plans.ts';

const tags = ['implementation'];

export const driverPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/:id/drivers', { schema: { tags, params: IdParams, response: { 200: DriverPlanList } } }, async (req) =>
    listDriverPlans(await requireCtx(req), req.params.id),
  );

  app.put(
    '/:id/drivers/:driver',
    { schema: { tags, params: DriverParams, body: DriverPlanInput, response: { 200: DriverPlan } } },
    async (req) => saveDriverPlan(await requireCtx(req), req.params.id, req.params.driver, req.body),
  );
};

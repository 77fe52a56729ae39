/**
 * Permission matrix: signed out -> 401; a vendor guest -> 404 (the guest gate). The district
 * dashboard -> HR, admins and current members of a district implementation team (others 403). A
 * school's dashboard -> those, the school's leaders and current members of its implementation team
 * (others 403); a unit that is not a school of the caller's district -> 404. Outcome figures under
 * the district's minimum count are never sent.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DistrictDashboard, SchoolDashboard, SchoolDashboardParams } from '../../common/schemas/dashboards.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { districtDashboard, schoolDashboard } from '../services/dashboards/dashboards.ts';

const tags = ['dashboards'];

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/district', { schema: { tags, response: { 200: DistrictDashboard } } }, async (req) => districtDashboard(await requireCtx(req)));
  app.get('/schools/:orgUnitId', { schema: { tags, params: SchoolDashboardParams, response: { 200: SchoolDashboard } } }, async (req) =>
    schoolDashboard(await requireCtx(req), req.params.orgUnitId),
  );
};

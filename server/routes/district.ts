/**
 * Permission matrix: signed out -> 401; the district summary (home page figures) and coaching
 * delivered against plans per coach and per school -> HR and district admins, others 403. Every
 * figure is of the caller's district. The district-wide observation list is GET /api/observations
 * (routes/observations.ts), which HR and admins read with its filters.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CoachingDeliveryReport, DistrictSummary, PeriodQuery } from '../../common/schemas/district.ts';
import { requireCtx } from '../lib/http.ts';
import { coachingDeliveryReport } from '../services/district/coaching-delivery.ts';
import { districtSummary } from '../services/district/summary.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['district'];

export const districtRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/summary', { schema: { tags, querystring: PeriodQuery, response: { 200: DistrictSummary } } }, async (req) =>
    districtSummary(await requireCtx(req), req.query),
  );

  app.get('/coaching-delivery', { schema: { tags, querystring: PeriodQuery, response: { 200: CoachingDeliveryReport } } }, async (req) =>
    coachingDeliveryReport(await requireCtx(req), req.query),
  );
};

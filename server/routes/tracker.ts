/**
 * Permission matrix (prefix /api): signed out -> 401 everywhere.
 * - GET /tracker/schools, GET /tracker/schools/:id, GET /tracker/schools/:id/export: school leaders
 *   (their schools, full view), coaches (schools of their caseload: caseload rows only, development
 *   levels only), HR and district admins (every school); staff without a caseload 403; a school of
 *   another district or outside the caller's schools 404. Exports are audited (tracker.export).
 * - GET /tracker/district: HR and district admins; everyone else 403.
 * - GET /people/:id/competency-profile: the person, HR, admins, leaders of the person's school (all
 *   evidence), caseload coaches (development observations only); anyone else, or another district, 404.
 * - GET /home/growth: everyone signed in (their own growth; observer lists for those who observe).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { CompetencyProfile, HomeGrowth } from '../../common/schemas/profile.ts';
import { DistrictTracker, SchoolTracker, TrackerExportQuery, TrackerQuery, TrackerSchoolList } from '../../common/schemas/tracker.ts';
import { requireCtx } from '../lib/http.ts';
import { readLogged } from '../services/record-reads/log.ts';
import { competencyProfile } from '../services/profile/competency-profile.ts';
import { homeGrowth } from '../services/profile/home.ts';
import { exportSchoolTracker } from '../services/tracker/export.ts';
import { districtTracker, schoolTracker, trackerSchools } from '../services/tracker/school.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['tracker'];

export const trackerRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/tracker/schools', { schema: { tags, response: { 200: TrackerSchoolList } } }, async (req) =>
    trackerSchools(await requireCtx(req)),
  );

  app.get(
    '/tracker/schools/:id',
    { schema: { tags, params: IdParams, querystring: TrackerQuery, response: { 200: SchoolTracker } } },
    async (req) => schoolTracker(await requireCtx(req), req.params.id, req.query),
  );

  app.get('/tracker/schools/:id/export', { schema: { tags, params: IdParams, querystring: TrackerExportQuery } }, async (req, reply) => {
    const { format, ...query } = req.query;
    const file = await exportSchoolTracker(await requireCtx(req), req.params.id, query, format);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.body);
  });

  app.get('/tracker/district', { schema: { tags, response: { 200: DistrictTracker } } }, async (req) =>
    districtTracker(await requireCtx(req)),
  );

  app.get('/people/:id/competency-profile', { schema: { tags, params: IdParams, response: { 200: CompetencyProfile } } }, async (req) => {
    const ctx = await requireCtx(req);
    return readLogged(
      ctx,
      'competency_profile',
      req.params.id,
      () => competencyProfile(ctx, req.params.id),
      (p) => [p.personId],
    );
  });

  app.get('/home/growth', { schema: { tags, response: { 200: HomeGrowth } } }, async (req) => homeGrowth(await requireCtx(req)));
};

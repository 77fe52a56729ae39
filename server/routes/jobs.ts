/**
 * Permission matrix: signed out -> 401; every route -> district admins only, others 403. A job of
 * another district answers 404 (the store reads the caller's district only).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { BackgroundJob, JobList, JobsQuery } from '../../common/schemas/jobs.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { listJobs, retryJob } from '../services/jobs/jobs.ts';

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  const tags = ['jobs'];
  app.get('/', { schema: { tags, querystring: JobsQuery, response: { 200: JobList } } }, async (req) =>
    listJobs(await requireCtx(req), app.jobs, req.query),
  );

  app.post('/:id/retry', { schema: { tags, params: IdParams, response: { 200: BackgroundJob } } }, async (req) =>
    retryJob(await requireCtx(req), app.jobs, req.params.id),
  );
};

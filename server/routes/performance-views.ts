/**
 * Permission matrix: signed out -> 401 everywhere.
 * The cycle picker, completion (by school and phase), its people drill-down and the rating distribution -> HR and
 * district admins over the district, school leaders over their own schools (a school outside their
 * scope in the drill-down -> 404); everyone else 403; another district's cycle -> 404.
 * A person's plan history -> the plans the caller may read (canReadPlan per plan: the person, their
 * evaluator, their school's leaders, HR, admins); a person the caller may not read -> 404.
 * Plan downloads (PDF, Word) -> whoever may read the plan (loadReadablePlan), else 404.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  CompletionPeople,
  CompletionPeopleQuery,
  CompletionView,
  CycleIdParams,
  PlanHistory,
  RatingDistribution,
  RatingsQuery,
  ViewCycles,
} from '../../common/schemas/performance-views.ts';
import { requireCtx } from '../lib/http.ts';
import { readerLocale } from '../lib/reader-locale.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { completionPeople, completionView } from '../services/performance/views/completion-view.ts';
import { planDocx, planPdf } from '../services/performance/views/export.ts';
import { loadPlanDocument, planFileName } from '../services/performance/views/export-data.ts';
import { planHistory } from '../services/performance/views/history.ts';
import { ratingDistribution } from '../services/performance/views/ratings.ts';
import { viewCycles } from '../services/performance/views/scope.ts';

const tags = ['performance'];
/** The language of a download's labels: `lang`, else the reader's (a link cannot send the app's Accept-Language). */
const ExportQuery = z.object({ lang: z.enum(['en', 'es']).optional() });
const disposition = (name: { ascii: string; utf8: string }) =>
  `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`;

export const performanceViewRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/performance/completion/cycles', { schema: { tags, response: { 200: ViewCycles } } }, async (req) =>
    viewCycles(await requireCtx(req)),
  );

  app.get(
    '/performance/cycles/:id/completion',
    { schema: { tags, params: CycleIdParams, response: { 200: CompletionView } } },
    async (req) => completionView(await requireCtx(req), req.params.id),
  );

  app.get(
    '/performance/cycles/:id/completion/people',
    { schema: { tags, params: CycleIdParams, querystring: CompletionPeopleQuery, response: { 200: CompletionPeople } } },
    async (req) => completionPeople(await requireCtx(req), req.params.id, req.query),
  );

  app.get(
    '/performance/cycles/:id/ratings',
    { schema: { tags, params: CycleIdParams, querystring: RatingsQuery, response: { 200: RatingDistribution } } },
    async (req) => ratingDistribution(await requireCtx(req), req.params.id, req.query.by),
  );

  app.get('/people/:id/performance-history', { schema: { tags, params: IdParams, response: { 200: PlanHistory } } }, async (req) =>
    planHistory(await requireCtx(req), req.params.id),
  );

  app.get('/performance/plans/:id/export.pdf', { schema: { tags, params: IdParams, querystring: ExportQuery } }, async (req, reply) => {
    const doc = await loadPlanDocument(await requireCtx(req), req.params.id, req.query.lang ?? readerLocale(req));
    const pdf = await planPdf(doc);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', disposition(planFileName(doc, 'pdf')))
      .send(pdf);
  });

  app.get('/performance/plans/:id/export.docx', { schema: { tags, params: IdParams, querystring: ExportQuery } }, async (req, reply) => {
    const doc = await loadPlanDocument(await requireCtx(req), req.params.id, req.query.lang ?? readerLocale(req));
    const docx = await planDocx(doc);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', disposition(planFileName(doc, 'docx')))
      .send(docx);
  });
};

/**
 * Permission matrix: signed out -> 401. The report -> HR and district admins for any school of the
 * district (or all), school leaders for the schools they lead (another school or another
 * district's: 404), coaches and staff 403. Look-for tags -> everyone signed in reads them; HR and
 * admins change them (others 403; a type or competency of another district 404).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  LookForTags,
  LookForTagsInput,
  LookForTagsList,
  WalkthroughReport,
  WalkthroughReportQuery,
} from '../../common/schemas/walkthroughs.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { walkthroughReport } from '../services/walkthroughs/report.ts';
import { listLookForTags, setLookForTags } from '../services/walkthroughs/tags.ts';

const tags = ['walkthroughs'];

export const walkthroughRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/report', { schema: { tags, querystring: WalkthroughReportQuery, response: { 200: WalkthroughReport } } }, async (req) =>
    walkthroughReport(await requireCtx(req), req.query),
  );

  app.get('/look-for-tags', { schema: { tags, response: { 200: LookForTagsList } } }, async (req) =>
    listLookForTags(await requireCtx(req)),
  );

  app.put(
    '/types/:id/look-for-tags',
    { schema: { tags, params: IdParams, body: LookForTagsInput, response: { 200: LookForTags } } },
    async (req) => setLookForTags(await requireCtx(req), req.params.id, req.body),
  );
};

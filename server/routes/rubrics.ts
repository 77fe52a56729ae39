/**
 * Permission matrix: signed out -> 401; a rubric (or version, criterion, descriptor) of another
 * district, or of a draft the caller may not read -> 404; reading a rubric and its PDF/DOCX ->
 * everyone who may read its version (published: the whole district; draft: editors and the
 * design team); create, descriptors, add/remove/reorder criteria -> HR and district admins on
 * drafts (others 403; a published version answers 409 invalid_state). The grid comes in the
 * reader's language where the district translated it (routes/translations.ts), except to a draft's editors.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  AddCriteriaInput,
  CreateRubricInput,
  ReorderCriteriaInput,
  RubricDescriptor,
  RubricGrid,
  RubricList,
  UpdateDescriptorInput,
} from '../../common/schemas/rubrics.ts';
import { requireCtx } from '../lib/http.ts';
import { readerLocale } from '../lib/reader-locale.ts';
import { exportFileName, rubricDocx, rubricPdf } from '../services/rubrics/export.ts';
import { loadGrid } from '../services/rubrics/grid.ts';
import { translateGrid } from '../services/translations/overlay.ts';
import {
  addCriteria,
  createRubric,
  listVersionRubrics,
  removeCriterion,
  reorderCriteria,
  updateDescriptor,
} from '../services/rubrics/write.ts';
import { routesNeed, routesOpenToGuests } from '../lib/route-auth.ts';

const tags = ['rubrics'];
const ExportQuery = z.object({ lang: z.enum(['en', 'es']).default('en') });

const disposition = (name: { ascii: string; utf8: string }) =>
  `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`;

export const rubricRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  // A partner's guest edits its initiative's fidelity tool here; policies/frameworks.ts keeps it to that framework.
  routesOpenToGuests(app, 'fidelityTool');
  app.get('/framework-versions/:id/rubrics', { schema: { tags, params: IdParams, response: { 200: RubricList } } }, async (req) =>
    listVersionRubrics(await requireCtx(req), req.params.id),
  );

  app.post(
    '/framework-versions/:id/rubrics',
    { schema: { tags, params: IdParams, body: CreateRubricInput, response: { 201: RubricGrid } } },
    async (req, reply) => reply.status(201).send(await createRubric(await requireCtx(req), req.params.id, req.body)),
  );

  app.get('/rubrics/:id', { schema: { tags, params: IdParams, response: { 200: RubricGrid } } }, async (req) => {
    const ctx = await requireCtx(req);
    return translateGrid(ctx.db, ctx.actor.districtId, readerLocale(req), await loadGrid(ctx, req.params.id));
  });

  app.get('/rubrics/:id/export.pdf', { schema: { tags, params: IdParams, querystring: ExportQuery } }, async (req, reply) => {
    const ctx = await requireCtx(req);
    const grid = await translateGrid(ctx.db, ctx.actor.districtId, req.query.lang, await loadGrid(ctx, req.params.id));
    const pdf = await rubricPdf(grid, req.query.lang);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', disposition(exportFileName(grid, 'pdf')))
      .send(pdf);
  });

  app.get('/rubrics/:id/export.docx', { schema: { tags, params: IdParams, querystring: ExportQuery } }, async (req, reply) => {
    const ctx = await requireCtx(req);
    const grid = await translateGrid(ctx.db, ctx.actor.districtId, req.query.lang, await loadGrid(ctx, req.params.id));
    const docx = await rubricDocx(grid, req.query.lang);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', disposition(exportFileName(grid, 'docx')))
      .send(docx);
  });

  app.post(
    '/rubrics/:id/criteria',
    { schema: { tags, params: IdParams, body: AddCriteriaInput, response: { 200: RubricGrid } } },
    async (req) => addCriteria(await requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/rubrics/:id/criteria/reorder',
    { schema: { tags, params: IdParams, body: ReorderCriteriaInput, response: { 200: RubricGrid } } },
    async (req) => reorderCriteria(await requireCtx(req), req.params.id, req.body),
  );

  app.delete('/rubric-criteria/:id', { schema: { tags, params: IdParams, response: { 200: RubricGrid } } }, async (req) =>
    removeCriterion(await requireCtx(req), req.params.id),
  );

  app.patch(
    '/rubric-descriptors/:id',
    { schema: { tags, params: IdParams, body: UpdateDescriptorInput, response: { 200: RubricDescriptor } } },
    async (req) => updateDescriptor(await requireCtx(req), req.params.id, req.body),
  );
};

/**
 * Permission matrix: signed out -> 401; the import template (CSV) -> anyone signed in; the import
 * (dry run and apply) -> HR and district admins (canManagePerformance), others 403; a cycle of
 * another district -> 404. The list of cycles to import into -> HR and district admins. Uploads larger than MAX_UPLOAD_MB are refused before being read.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { ImportableCycles, PlanImportQuery, PlanImportResult } from '../../common/schemas/plan-templates.ts';
import { AppError, forbidden } from '../lib/errors.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { canManagePerformance } from '../policies/performance.ts';
import { readBodyWithin, uploadTooLarge } from '../lib/upload-limit.ts';
import { importableCycles, importPlanSheet } from '../services/performance/templates/import.ts';
import { planImportTemplateCsv } from '../services/performance/templates/sheet.ts';

const tags = ['performance import'];

export const performanceImportRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  const maxBytes = app.env.MAX_UPLOAD_MB * 1024 * 1024;

  app.get('/import-template.csv', { schema: { tags } }, async (req, reply) => {
    await requireCtx(req);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trellis-goals-focus-areas.csv"')
      .send(planImportTemplateCsv());
  });

  app.get('/import-cycles', { schema: { tags, response: { 200: ImportableCycles } } }, async (req) =>
    importableCycles(await requireCtx(req)),
  );

  app.post(
    '/cycles/:id/import',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: PlanImportQuery,
        response: { 200: PlanImportResult },
      },
      onRequest: async (req) => {
        if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw uploadTooLarge(maxBytes);
      },
    },
    async (req, reply) => {
      const ctx = await requireCtx(req);
      if (!canManagePerformance(ctx.actor)) throw forbidden('Only HR and district admins import plans');
      if (!req.isMultipart()) throw new AppError('validation_failed', 'Send the file as multipart/form-data', { code: 'no_files' });
      const files = await readBodyWithin(req, reply, maxBytes, async () => {
        const read: { name: string; data: Buffer }[] = [];
        for await (const part of req.files()) read.push({ name: part.filename || 'upload', data: await part.toBuffer() });
        return read;
      });
      const file = files[0];
      if (!file) throw new AppError('validation_failed', 'Choose a file', { code: 'no_files' });
      return importPlanSheet(ctx, req.params.id, file, req.query.dryRun);
    },
  );
};

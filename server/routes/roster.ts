/**
 * Permission matrix: signed out -> 401; an import of another district -> 404; every route ->
 * district admins only (roster import changes who everyone is), others 403.
 * Uploads larger than MAX_UPLOAD_MB are refused from their Content-Length before being read, and
 * a body without one (chunked) as soon as it passes the limit, over all its files together.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { ImportList, RosterImport } from '../../common/schemas/roster.ts';
import { AppError, forbidden } from '../lib/errors.ts';
import { requireCtx } from '../lib/http.ts';
import { readBodyWithin, uploadTooLarge } from '../lib/upload-limit.ts';
import { canImportRoster } from '../policies/roster.ts';
import {
  createRosterImport,
  discardRosterImport,
  getRosterImport,
  listRosterImports,
  startRosterImport,
} from '../services/roster/roster.ts';
import { buildStaffTemplateCsv, buildStaffTemplateXlsx, type RosterInputFile } from '../services/roster/parse/index.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['roster import'];

export const rosterRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  const maxBytes = app.env.MAX_UPLOAD_MB * 1024 * 1024;

  app.get('/', { schema: { tags, response: { 200: ImportList } } }, async (req) => listRosterImports(await requireCtx(req)));

  app.post(
    '/',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 201: RosterImport } },
      onRequest: async (req) => {
        const length = Number(req.headers['content-length'] ?? 0);
        if (length > maxBytes) throw uploadTooLarge(maxBytes);
      },
    },
    async (req, reply) => {
      const ctx = await requireCtx(req);
      if (!canImportRoster(ctx.actor)) throw forbidden();
      if (!req.isMultipart()) throw new AppError('validation_failed', 'Send the files as multipart/form-data', { code: 'no_files' });
      const files = await readBodyWithin(req, reply, maxBytes, async () => {
        const read: RosterInputFile[] = [];
        for await (const part of req.files()) read.push({ name: part.filename || 'upload', data: await part.toBuffer() });
        return read;
      });
      if (files.length === 0) throw new AppError('validation_failed', 'Choose at least one file', { code: 'no_files' });
      return reply.status(201).send(await createRosterImport(ctx, files));
    },
  );

  app.get('/templates/staff.csv', { schema: { tags } }, async (req, reply) => {
    await requireCtx(req);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trellis-staff-template.csv"')
      .send(buildStaffTemplateCsv());
  });

  app.get('/templates/staff.xlsx', { schema: { tags } }, async (req, reply) => {
    await requireCtx(req);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="trellis-staff-template.xlsx"')
      .send(await buildStaffTemplateXlsx());
  });

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: RosterImport } } }, async (req) =>
    getRosterImport(await requireCtx(req), req.params.id),
  );

  app.post('/:id/apply', { schema: { tags, params: IdParams, response: { 202: RosterImport } } }, async (req, reply) => {
    const { import: started } = await startRosterImport(await requireCtx(req), req.params.id);
    return reply.status(202).send(started);
  });

  app.post('/:id/discard', { schema: { tags, params: IdParams, response: { 200: RosterImport } } }, async (req) =>
    discardRosterImport(await requireCtx(req), req.params.id),
  );
};

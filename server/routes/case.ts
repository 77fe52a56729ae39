/**
 * Permission matrix: signed out -> 401 (every route); a version of another district, or a draft
 * the caller may not read -> 404 (exports); imports -> HR and district admins only, others 403;
 * exports -> anyone who can read the version; templates -> anyone signed in.
 * Uploads over the limit (CASE_UPLOAD_MAX_BYTES, or MAX_UPLOAD_MB when lower) answer 413
 * `payload_too_large`, from their Content-Length before reading or as soon as the body passes
 * the limit, in any part (never read beyond it). A file that cannot be understood answers 400
 * `validation_failed` with `details.code` (an i18n key under `case:fatal.`) and its params.
 * A file whose CASE document is already a framework of the district is applied only with
 * `existing=new_version` (its next version, a draft; refused with `document_has_draft` while the
 * framework has a draft) or `existing=new_framework`; without a choice it is refused
 * (`document_exists`). The dry run reports the framework in `existing`.
 * An XLSX export whose text does not fit a cell (32,767 characters) cuts it with a marker in the
 * cell and says how many cells in the `trellis-cut-cells` header.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_UPLOAD_MAX_BYTES } from '../../common/competency.ts';
import { ERROR_STATUS } from '../../common/errors.ts';
import { IdParams } from '../../common/schemas/common.ts';
import { FrameworkImportQuery, FrameworkImportReport } from '../../common/schemas/case.ts';
import { forbidden } from '../lib/errors.ts';
import { requireCtx } from '../lib/http.ts';
import { publicOrigin } from '../lib/public-url.ts';
import { readBodyWithin, uploadTooLarge } from '../lib/upload-limit.ts';
import { canEditFrameworks } from '../policies/frameworks.ts';
import { exportVersion, type ExportFormat } from '../services/case/exports.ts';
import { importCase } from '../services/case/import.ts';
import { CaseFileError } from '../services/case/messages.ts';
import { templateCsv, templateXlsx } from '../services/case/spreadsheet/export.ts';
import { importSpreadsheet } from '../services/case/spreadsheet/import.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['framework import and export'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reads the first file of a multipart upload, refusing (413) as soon as the body passes `maxBytes`,
 * whether in that file or in parts after it (never buffered or read beyond it).
 */
export async function readUpload(req: FastifyRequest, reply: FastifyReply, maxBytes: number): Promise<{ name: string; data: Buffer }> {
  if (!req.isMultipart()) throw new CaseFileError('no_file');
  return readBodyWithin(req, reply, maxBytes, async () => {
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw new CaseFileError('no_file');
    const chunks: Buffer[] = [];
    for await (const chunk of part.file as AsyncIterable<Buffer>) chunks.push(chunk);
    if (part.file.truncated) throw uploadTooLarge(maxBytes);
    return { name: part.filename || 'upload', data: Buffer.concat(chunks) };
  });
}

/** `validation_failed` with the reason, for a file that cannot be understood (the envelope of every error). */
function refuse(reply: FastifyReply, err: CaseFileError) {
  return reply.status(ERROR_STATUS.validation_failed).send({
    error: {
      code: 'validation_failed',
      message: err.message,
      details: { code: err.code, params: err.params, ...(err.report ? { report: err.report } : {}) },
    },
  });
}

const ExportParams = IdParams;
/** The language of the words an export adds (the XLSX marker of a cut cell). */
const ExportQuery = z.object({ lang: z.enum(['en', 'es']).default('en') });

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  const maxBytes = Math.min(CASE_UPLOAD_MAX_BYTES, app.env.MAX_UPLOAD_MB * 1024 * 1024);
  const onRequest = async (req: FastifyRequest) => {
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw uploadTooLarge(maxBytes);
  };
  const upload = (kind: 'case' | 'spreadsheet') =>
    app.post(
      `/framework-imports/${kind}`,
      {
        schema: {
          tags,
          consumes: ['multipart/form-data'],
          querystring: FrameworkImportQuery,
          response: { 200: FrameworkImportReport, 201: FrameworkImportReport },
        },
        onRequest,
      },
      async (req, reply) => {
        const ctx = await requireCtx(req);
        if (!canEditFrameworks(ctx.actor)) throw forbidden();
        try {
          const file = await readUpload(req, reply, maxBytes);
          const input = {
            data: file.data,
            fileName: file.name,
            baseUrl: publicOrigin(req),
            dryRun: req.query.dryRun,
            publish: req.query.publish,
            existing: req.query.existing,
          };
          const report =
            kind === 'case' ? await importCase(ctx, input) : await importSpreadsheet(ctx, { ...input, title: req.query.title });
          return reply.status(report.applied ? 201 : 200).send(report);
        } catch (err) {
          if (err instanceof CaseFileError) return refuse(reply, err);
          throw err;
        }
      },
    );
  upload('case');
  upload('spreadsheet');

  app.get('/framework-imports/template.csv', { schema: { tags } }, async (req, reply) => {
    await requireCtx(req);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trellis-framework-template.csv"')
      .send(templateCsv());
  });

  app.get('/framework-imports/template.xlsx', { schema: { tags } }, async (req, reply) => {
    await requireCtx(req);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', 'attachment; filename="trellis-framework-template.xlsx"')
      .send(await templateXlsx());
  });

  const exportRoute = (format: ExportFormat, path: string) =>
    app.get(
      `/framework-versions/:id/export/${path}`,
      { schema: { tags, params: ExportParams, querystring: ExportQuery } },
      async (req, reply) => {
        const file = await exportVersion(await requireCtx(req), req.params.id, format, publicOrigin(req), req.query.lang);
        // Cells cut to fit Excel's limit are marked in the file; API clients also see how many here.
        if (file.cutCells > 0) reply.header('trellis-cut-cells', String(file.cutCells));
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
  exportRoute('case', 'case');
  exportRoute('xlsx', 'xlsx');
  exportRoute('csv', 'csv');
};

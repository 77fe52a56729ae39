/**
 * Permission matrix: signed out -> 401; listing and saving a district's translations of its content
 * (scale levels, rubric descriptors, observation types, the action-step library, pathways and
 * their steps) -> HR and district admins, others 403; a record of another district -> 404; a stale
 * version -> 409 `conflict` with the current translation. Readers get translations through the
 * content's own routes, in the language of their request (lib/reader-locale.ts). Export and import
 * of a translations file (CSV, dry run first): HR and district admins; rows of records outside the
 * district, or changed since the export, are row errors.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.ts';
import { CaseFileError } from '../services/case/messages.ts';
import { exportTranslations, importTranslations } from '../services/translations/bulk.ts';
import { readUpload } from './case.ts';
import {
  SaveTranslationInput,
  TranslationImportQuery,
  TranslationImportReport,
  SavedTranslation,
  TranslationParams,
  TranslationTable,
  TranslationTableQuery,
} from '../../common/schemas/translations.ts';
import { requireCtx } from '../lib/http.ts';
import { saveTranslation, translationTable } from '../services/translations/edit.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['translations'];
/** A translations file is text: a few MB holds every descriptor of a large district. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const translationRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get(
    '/:entityType',
    { schema: { tags, params: TranslationParams, querystring: TranslationTableQuery, response: { 200: TranslationTable } } },
    async (req) => translationTable(await requireCtx(req), req.params.entityType, req.query),
  );

  app.put(
    '/:entityType',
    { schema: { tags, params: TranslationParams, body: SaveTranslationInput, response: { 200: SavedTranslation } } },
    async (req) => saveTranslation(await requireCtx(req), req.params.entityType, req.body),
  );

  app.get(
    '/:entityType/export.csv',
    { schema: { tags, params: TranslationParams, querystring: TranslationTableQuery } },
    async (req, reply) => {
      const csv = await exportTranslations(await requireCtx(req), req.params.entityType, req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="trellis-translations-${req.params.entityType}-${req.query.locale}.csv"`)
        .send(csv);
    },
  );

  app.post(
    '/:entityType/import',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        params: TranslationParams,
        querystring: TranslationImportQuery,
        response: { 200: TranslationImportReport },
      },
    },
    async (req, reply) => {
      const ctx = await requireCtx(req);
      let file: { data: Buffer };
      try {
        file = await readUpload(req, reply, MAX_FILE_BYTES);
      } catch (err) {
        if (err instanceof CaseFileError)
          throw new AppError('validation_failed', 'Send the file as multipart/form-data', { code: 'no_file' });
        throw err;
      }
      return importTranslations(ctx, req.params.entityType, req.query, file.data);
    },
  );
};

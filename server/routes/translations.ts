/**
 * Permission matrix: signed out -> 401; listing and saving a district's translations of its content
 * (scale levels, rubric descriptors, observation types, the action-step library, pathways and
 * their steps) -> HR and district admins, others 403; a record of another district -> 404; a stale
 * version -> 409 `conflict` with the current translation. Readers get translations through the
 * content's own routes, in the language of their request (lib/reader-locale.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  SaveTranslationInput,
  SavedTranslation,
  TranslationParams,
  TranslationTable,
  TranslationTableQuery,
} from '../../common/schemas/translations.ts';
import { requireCtx } from '../lib/http.ts';
import { saveTranslation, translationTable } from '../services/translations/edit.ts';

const tags = ['translations'];

export const translationRoutes: FastifyPluginAsyncZod = async (app) => {
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
};

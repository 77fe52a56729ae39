/**
 * Permission matrix: signed out -> 401; a person of another district, or outside the caller's
 * scope -> 404; reading a person's evaluator -> whoever may read the person; setting one, the
 * list, the bulk assignment and the CSV import (dry run and apply) -> HR and district admins,
 * others 403. The CSV template -> anyone signed in.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  BulkEvaluatorInput,
  BulkEvaluatorResult,
  EvaluatorList,
  EvaluatorListQuery,
  EvaluatorQuery,
  PersonEvaluator,
  SetEvaluatorInput,
} from '../../common/schemas/evaluators.ts';
import { CsvImportInput, CsvImportResult } from '../../common/schemas/teams.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { evaluatorCsvTemplate, importEvaluatorsCsv } from '../services/evaluators/import.ts';
import { bulkAssignEvaluator, listEvaluators, personEvaluator, setEvaluator } from '../services/evaluators/evaluators.ts';

const tags = ['evaluators'];

export const evaluatorRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get(
    '/people/:id/evaluator',
    { schema: { tags, params: IdParams, querystring: EvaluatorQuery, response: { 200: PersonEvaluator } } },
    async (req) => personEvaluator(await requireCtx(req), req.params.id, req.query.schoolYear),
  );

  app.put(
    '/people/:id/evaluator',
    { schema: { tags, params: IdParams, body: SetEvaluatorInput, response: { 200: PersonEvaluator } } },
    async (req) => setEvaluator(await requireCtx(req), req.params.id, req.body),
  );

  app.get('/evaluators', { schema: { tags, querystring: EvaluatorListQuery, response: { 200: EvaluatorList } } }, async (req) =>
    listEvaluators(await requireCtx(req), req.query),
  );

  app.post('/evaluators/bulk', { schema: { tags, body: BulkEvaluatorInput, response: { 200: BulkEvaluatorResult } } }, async (req) =>
    bulkAssignEvaluator(await requireCtx(req), req.body),
  );

  app.get('/evaluators/template.csv', { schema: { tags } }, async (req, reply) => {
    await requireCtx(req);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trellis-evaluators-template.csv"')
      .send(evaluatorCsvTemplate());
  });

  app.post('/evaluators/import', { schema: { tags, body: CsvImportInput, response: { 200: CsvImportResult } } }, async (req) =>
    importEvaluatorsCsv(await requireCtx(req), req.body),
  );
};

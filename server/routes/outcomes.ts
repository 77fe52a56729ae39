/**
 * Permission matrix: signed out -> 401; a vendor guest -> 404 on every route (the guest gate); a
 * measure of another district -> 404. Listing measures (definitions, no figures) -> everyone in the
 * district. Creating and editing measures, the settings (minimum count, per-teacher values), the CSV
 * template and the import -> HR and admins (others 403). A measure's values -> whoever reads the
 * district dashboard (HR, admins, district implementation teams) for every school, or with
 * `orgUnitId` a school's leaders and implementation team for that school (others 403; a unit that is
 * not a school of the district 404). Outcome figures under the minimum count are never sent.
 * Bad input -> 400 naming the field; a CSV applied with row errors -> 400 listing them; a stale
 * version -> 409 with the current record.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  OutcomeImportInput,
  OutcomeImportResult,
  OutcomeMeasure,
  OutcomeMeasureInput,
  OutcomeMeasureList,
  OutcomeMeasureUpdate,
  OutcomeMeasureValues,
  OutcomeSettings,
  OutcomeSettingsInput,
  OutcomeValuesQuery,
} from '../../common/schemas/outcomes.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { importOutcomes, outcomeCsvTemplate } from '../services/outcomes/import.ts';
import { createMeasure, listMeasures, updateMeasure } from '../services/outcomes/measures.ts';
import { getOutcomeSettings, saveOutcomeSettings } from '../services/outcomes/settings.ts';
import { measureValues } from '../services/outcomes/values.ts';

const tags = ['outcomes'];

export const outcomeRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/measures', { schema: { tags, response: { 200: OutcomeMeasureList } } }, async (req) => listMeasures(await requireCtx(req)));
  app.post('/measures', { schema: { tags, body: OutcomeMeasureInput, response: { 201: OutcomeMeasure } } }, async (req, reply) =>
    reply.status(201).send(await createMeasure(await requireCtx(req), req.body)),
  );
  app.patch(
    '/measures/:id',
    { schema: { tags, params: IdParams, body: OutcomeMeasureUpdate, response: { 200: OutcomeMeasure } } },
    async (req) => updateMeasure(await requireCtx(req), req.params.id, req.body),
  );
  app.get(
    '/measures/:id/values',
    { schema: { tags, params: IdParams, querystring: OutcomeValuesQuery, response: { 200: OutcomeMeasureValues } } },
    async (req) => measureValues(await requireCtx(req), req.params.id, req.query),
  );
  app.get('/settings', { schema: { tags, response: { 200: OutcomeSettings } } }, async (req) => getOutcomeSettings(await requireCtx(req)));
  app.put('/settings', { schema: { tags, body: OutcomeSettingsInput, response: { 200: OutcomeSettings } } }, async (req) =>
    saveOutcomeSettings(await requireCtx(req), req.body),
  );
  app.get('/import/template', { schema: { tags } }, async (req, reply) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="outcomes.csv"')
      .send(outcomeCsvTemplate(await requireCtx(req))),
  );
  app.post('/import', { schema: { tags, body: OutcomeImportInput, response: { 200: OutcomeImportResult } } }, async (req) =>
    importOutcomes(await requireCtx(req), req.body),
  );
};

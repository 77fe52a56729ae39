/**
 * Permission matrix: signed out -> 401; an instrument or version of another district, or any of
 * these routes for a vendor guest -> 404. Listing and reading instruments and versions, and the
 * settings -> everyone in the district. Creating, editing, starting a draft, saving a draft,
 * publishing and importing -> HR, admins and current facilitators of an implementation team (others
 * 403). Installing the built-in library and saving the settings -> HR and admins (others 403).
 * Saving or publishing a published version -> 409 invalid_state; a second draft -> 409
 * invalid_state; a stale version -> 409 with the current record; a scale with a repeated value, an
 * item id of another draft, or publishing with no item -> 400 naming the field.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  AssessmentSettingsInput,
  AssessmentSettingsView,
  Instrument,
  InstrumentImportInput,
  InstrumentImportResult,
  InstrumentInput,
  InstrumentList,
  InstrumentUpdateInput,
  LibraryInstallResult,
  PublishInput,
  VersionContentInput,
  VersionDetail,
  VersionParams,
} from '../../common/schemas/assessments.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { importInstrument } from '../services/assessments/import.ts';
import { createInstrument, instrumentView, listInstruments, startDraft, updateInstrument } from '../services/assessments/instruments.ts';
import { installLibrary } from '../services/assessments/library.ts';
import { saveSettings, settingsView } from '../services/assessments/settings.ts';
import { publishVersion, saveContent, versionView } from '../services/assessments/versions.ts';

const tags = ['assessments'];

export const assessmentInstrumentRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/instruments', { schema: { tags, response: { 200: InstrumentList } } }, async (req) => listInstruments(await requireCtx(req)));
  app.post('/instruments', { schema: { tags, body: InstrumentInput, response: { 200: Instrument } } }, async (req) =>
    createInstrument(await requireCtx(req), req.body),
  );
  app.post(
    '/instruments/import',
    { schema: { tags, body: InstrumentImportInput, response: { 200: InstrumentImportResult } } },
    async (req) => importInstrument(await requireCtx(req), req.body),
  );
  app.get('/instruments/:id', { schema: { tags, params: IdParams, response: { 200: Instrument } } }, async (req) =>
    instrumentView(await requireCtx(req), req.params.id),
  );
  app.patch(
    '/instruments/:id',
    { schema: { tags, params: IdParams, body: InstrumentUpdateInput, response: { 200: Instrument } } },
    async (req) => updateInstrument(await requireCtx(req), req.params.id, req.body),
  );
  app.post('/instruments/:id/draft', { schema: { tags, params: IdParams, response: { 200: VersionDetail } } }, async (req) =>
    startDraft(await requireCtx(req), req.params.id),
  );
  app.get('/versions/:versionId', { schema: { tags, params: VersionParams, response: { 200: VersionDetail } } }, async (req) =>
    versionView(await requireCtx(req), req.params.versionId),
  );
  app.put(
    '/versions/:versionId',
    { schema: { tags, params: VersionParams, body: VersionContentInput, response: { 200: VersionDetail } } },
    async (req) => saveContent(await requireCtx(req), req.params.versionId, req.body),
  );
  app.post(
    '/versions/:versionId/publish',
    { schema: { tags, params: VersionParams, body: PublishInput, response: { 200: VersionDetail } } },
    async (req) => publishVersion(await requireCtx(req), req.params.versionId, req.body.version),
  );
  app.post('/library', { schema: { tags, response: { 200: LibraryInstallResult } } }, async (req) => installLibrary(await requireCtx(req)));
  app.get('/settings', { schema: { tags, response: { 200: AssessmentSettingsView } } }, async (req) => settingsView(await requireCtx(req)));
  app.put('/settings', { schema: { tags, body: AssessmentSettingsInput, response: { 200: AssessmentSettingsView } } }, async (req) =>
    saveSettings(await requireCtx(req), req.body),
  );
};

/**
 * Permission matrix: signed out -> 401; a type, library step, term or non-school day of another
 * district -> 404 (as are competency items of another district); reading non-negotiables,
 * observation types, the action-step library and the school calendar -> everyone in the district;
 * changing them -> HR and district admins (canManageObservationSettings, canManageSchoolCalendar),
 * others 403. Types and library steps are deactivated, never deleted; terms and non-school days
 * are deleted. Readers who cannot change types and library steps get them in their language where
 * the district translated them (routes/translations.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, VersionInput } from '../../common/schemas/common.ts';
import {
  CreateLibraryStepInput,
  CreateNonSchoolDaysInput,
  CreateObservationTypeInput,
  CreateTermInput,
  LibraryStep,
  LibraryStepList,
  LibraryStepListQuery,
  NonNegotiables,
  NonSchoolDayList,
  ObservationType,
  ObservationTypeList,
  ObservationTypeListQuery,
  SchoolCalendar,
  SchoolCalendarQuery,
  SchoolDaysCount,
  SchoolDaysQuery,
  SchoolTerm,
  UpdateLibraryStepInput,
  UpdateNonNegotiablesInput,
  UpdateObservationTypeInput,
  UpdateTermInput,
} from '../../common/schemas/settings.ts';
import { requireCtx } from '../lib/http.ts';
import { readerLocale } from '../lib/reader-locale.ts';
import { canManageObservationSettings } from '../policies/observations.ts';
import { translateItems } from '../services/translations/overlay.ts';
import { changeLibraryStep, createLibraryStep, libraryStepView, listLibrarySteps } from '../services/settings/action-step-library.ts';
import { nonNegotiablesView, updateNonNegotiables } from '../services/settings/non-negotiables.ts';
import { changeObservationType, createObservationType, listObservationTypes } from '../services/settings/observation-types.ts';
import {
  countSchoolDays,
  createNonSchoolDays,
  createTerm,
  deleteNonSchoolDay,
  deleteTerm,
  schoolCalendarView,
  updateTerm,
} from '../services/school-calendar/calendar.ts';
import { routesNeed } from '../lib/route-auth.ts';

const tags = ['settings'];
const calendarTags = ['school calendar'];

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/settings/non-negotiables', { schema: { tags, response: { 200: NonNegotiables } } }, async (req) =>
    nonNegotiablesView(await requireCtx(req)),
  );
  app.put(
    '/settings/non-negotiables',
    { schema: { tags, body: UpdateNonNegotiablesInput, response: { 200: NonNegotiables } } },
    async (req) => updateNonNegotiables(await requireCtx(req), req.body),
  );

  // Observation types
  app.get(
    '/observation-types',
    { schema: { tags, querystring: ObservationTypeListQuery, response: { 200: ObservationTypeList } } },
    async (req) => {
      const ctx = await requireCtx(req);
      const list = await listObservationTypes(ctx, req.query);
      return translateItems(
        ctx.db,
        ctx.actor.districtId,
        readerLocale(req),
        'observation_type',
        list,
        canManageObservationSettings(ctx.actor),
      );
    },
  );
  app.post(
    '/observation-types',
    { schema: { tags, body: CreateObservationTypeInput, response: { 201: ObservationType } } },
    async (req, reply) => reply.status(201).send(await createObservationType(await requireCtx(req), req.body)),
  );
  app.patch(
    '/observation-types/:id',
    { schema: { tags, params: IdParams, body: UpdateObservationTypeInput, response: { 200: ObservationType } } },
    async (req) => changeObservationType(await requireCtx(req), req.params.id, req.body),
  );
  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/observation-types/:id/${path}`,
      { schema: { tags, params: IdParams, body: VersionInput, response: { 200: ObservationType } } },
      async (req) => changeObservationType(await requireCtx(req), req.params.id, { version: req.body.version, active }),
    );
  }

  // Action-step library
  app.get(
    '/action-step-library',
    { schema: { tags, querystring: LibraryStepListQuery, response: { 200: LibraryStepList } } },
    async (req) => {
      const ctx = await requireCtx(req);
      const list = await listLibrarySteps(ctx, req.query);
      return translateItems(
        ctx.db,
        ctx.actor.districtId,
        readerLocale(req),
        'action_step_library',
        list,
        canManageObservationSettings(ctx.actor),
      );
    },
  );
  app.post('/action-step-library', { schema: { tags, body: CreateLibraryStepInput, response: { 201: LibraryStep } } }, async (req, reply) =>
    reply.status(201).send(await createLibraryStep(await requireCtx(req), req.body)),
  );
  app.get('/action-step-library/:id', { schema: { tags, params: IdParams, response: { 200: LibraryStep } } }, async (req) =>
    libraryStepView(await requireCtx(req), req.params.id),
  );
  app.patch(
    '/action-step-library/:id',
    { schema: { tags, params: IdParams, body: UpdateLibraryStepInput, response: { 200: LibraryStep } } },
    async (req) => changeLibraryStep(await requireCtx(req), req.params.id, req.body),
  );
  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/action-step-library/:id/${path}`,
      { schema: { tags, params: IdParams, body: VersionInput, response: { 200: LibraryStep } } },
      async (req) => changeLibraryStep(await requireCtx(req), req.params.id, { version: req.body.version, active }),
    );
  }

  // School calendar
  app.get(
    '/school-calendar',
    { schema: { tags: calendarTags, querystring: SchoolCalendarQuery, response: { 200: SchoolCalendar } } },
    async (req) => schoolCalendarView(await requireCtx(req), req.query.schoolYear),
  );
  app.get(
    '/school-calendar/school-days',
    { schema: { tags: calendarTags, querystring: SchoolDaysQuery, response: { 200: SchoolDaysCount } } },
    async (req) => countSchoolDays(await requireCtx(req), req.query.from, req.query.to),
  );
  app.post(
    '/school-calendar/terms',
    { schema: { tags: calendarTags, body: CreateTermInput, response: { 201: SchoolTerm } } },
    async (req, reply) => reply.status(201).send(await createTerm(await requireCtx(req), req.body)),
  );
  app.patch(
    '/school-calendar/terms/:id',
    { schema: { tags: calendarTags, params: IdParams, body: UpdateTermInput, response: { 200: SchoolTerm } } },
    async (req) => updateTerm(await requireCtx(req), req.params.id, req.body),
  );
  app.delete('/school-calendar/terms/:id', { schema: { tags: calendarTags, params: IdParams } }, async (req, reply) => {
    await deleteTerm(await requireCtx(req), req.params.id);
    return reply.status(204).send();
  });
  app.post(
    '/school-calendar/non-school-days',
    { schema: { tags: calendarTags, body: CreateNonSchoolDaysInput, response: { 201: NonSchoolDayList } } },
    async (req, reply) => reply.status(201).send({ items: await createNonSchoolDays(await requireCtx(req), req.body) }),
  );
  app.delete('/school-calendar/non-school-days/:id', { schema: { tags: calendarTags, params: IdParams } }, async (req, reply) => {
    await deleteNonSchoolDay(await requireCtx(req), req.params.id);
    return reply.status(204).send();
  });
};

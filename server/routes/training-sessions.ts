/**
 * Permission matrix: signed out -> 401; an initiative or session of another district, a session of
 * another initiative, or a vendor guest -> 404. Reading sessions and attendance -> everyone in the
 * district. Creating and editing sessions -> HR, district admins, the initiative's district
 * implementation team and the training plan's owner; recording attendance (list or CSV) -> those
 * and school leaders; others 403. A stale version -> 409 with the current session. A component not
 * in the practice profile, or a person not of the district -> 400 naming the field.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../common/schemas/common.ts';
import { CsvImportInput, CsvImportResult } from '../../common/schemas/teams.ts';
import {
  AttendanceList,
  CreateTrainingSessionsInput,
  RecordAttendanceInput,
  RecordAttendanceResult,
  TrainingSession,
  TrainingSessionList,
  TrainingSessionParams,
  UpdateTrainingSessionInput,
} from '../../common/schemas/training-sessions.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import {
  attendanceCsvTemplate,
  importAttendanceCsv,
  listAttendance,
  recordAttendance,
} from '../services/implementation/drivers/attendance.ts';
import { createTrainingSessions, listTrainingSessions, updateTrainingSession } from '../services/implementation/drivers/training.ts';

const tags = ['implementation'];

export const trainingSessionRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/:id/training-sessions', { schema: { tags, params: IdParams, response: { 200: TrainingSessionList } } }, async (req) =>
    listTrainingSessions(await requireCtx(req), req.params.id),
  );

  app.post(
    '/:id/training-sessions',
    {
      schema: {
        tags,
        params: IdParams,
        body: CreateTrainingSessionsInput,
        response: { 201: z.object({ items: z.array(TrainingSession) }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createTrainingSessions(await requireCtx(req), req.params.id, req.body)),
  );

  app.get('/:id/training-sessions/attendance-template.csv', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const csv = await attendanceCsvTemplate(await requireCtx(req), req.params.id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trellis-training-attendance-template.csv"')
      .send(csv);
  });

  app.put(
    '/:id/training-sessions/:sessionId',
    { schema: { tags, params: TrainingSessionParams, body: UpdateTrainingSessionInput, response: { 200: TrainingSession } } },
    async (req) => updateTrainingSession(await requireCtx(req), req.params.id, req.params.sessionId, req.body),
  );

  app.get(
    '/:id/training-sessions/:sessionId/attendance',
    { schema: { tags, params: TrainingSessionParams, response: { 200: AttendanceList } } },
    async (req) => listAttendance(await requireCtx(req), req.params.id, req.params.sessionId),
  );

  app.post(
    '/:id/training-sessions/:sessionId/attendance',
    { schema: { tags, params: TrainingSessionParams, body: RecordAttendanceInput, response: { 200: RecordAttendanceResult } } },
    async (req) => recordAttendance(await requireCtx(req), req.params.id, req.params.sessionId, req.body),
  );

  app.post(
    '/:id/training-sessions/:sessionId/attendance/import',
    { schema: { tags, params: TrainingSessionParams, body: CsvImportInput, response: { 200: CsvImportResult } } },
    async (req) => importAttendanceCsv(await requireCtx(req), req.params.id, req.params.sessionId, req.body),
  );
};

/**
 * Permission matrix: signed out -> 401; an initiative or assignment of another district, an
 * assignment of another initiative, or a vendor guest -> 404. Reading assignments and coaching-system
 * reviews -> everyone in the district. Assigning (one coach, many people; or a CSV), changing an
 * assignment and recording a review -> HR, district admins, the initiative's district implementation
 * team and the coaching plan's owner; others 403. A stale version -> 409 with the current
 * assignment. A person not of the district or not on the staff of a covered school, a component
 * outside the practice profile, a coaching plan of another coach or without the person -> 400
 * naming the field.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  AssignInitiativeCoachingInput,
  AssignInitiativeCoachingResult,
  CoachingAssignment,
  CoachingAssignmentParams,
  CoachingSystemReview,
  CoachingSystemReviewInput,
  InitiativeCoaching,
  UpdateInitiativeCoachingInput,
} from '../../common/schemas/initiative-coaching.ts';
import { CsvImportInput, CsvImportResult } from '../../common/schemas/teams.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { assignInitiativeCoaching, listInitiativeCoaching, updateInitiativeCoaching } from '../services/implementation/drivers/coaching.ts';
import { coachingCsvTemplate, importInitiativeCoachingCsv } from '../services/implementation/drivers/coaching-import.ts';
import { addCoachingSystemReview } from '../services/implementation/drivers/reviews.ts';

const tags = ['implementation'];

export const initiativeCoachingRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/:id/coaching', { schema: { tags, params: IdParams, response: { 200: InitiativeCoaching } } }, async (req) =>
    listInitiativeCoaching(await requireCtx(req), req.params.id),
  );

  app.post(
    '/:id/coaching',
    { schema: { tags, params: IdParams, body: AssignInitiativeCoachingInput, response: { 200: AssignInitiativeCoachingResult } } },
    async (req) => assignInitiativeCoaching(await requireCtx(req), req.params.id, req.body),
  );

  app.get('/:id/coaching/template.csv', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const csv = await coachingCsvTemplate(await requireCtx(req), req.params.id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trellis-initiative-coaching-template.csv"')
      .send(csv);
  });

  app.post(
    '/:id/coaching/import',
    { schema: { tags, params: IdParams, body: CsvImportInput, response: { 200: CsvImportResult } } },
    async (req) => importInitiativeCoachingCsv(await requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/:id/coaching/reviews',
    { schema: { tags, params: IdParams, body: CoachingSystemReviewInput, response: { 201: CoachingSystemReview } } },
    async (req, reply) => reply.status(201).send(await addCoachingSystemReview(await requireCtx(req), req.params.id, req.body)),
  );

  app.put(
    '/:id/coaching/:assignmentId',
    { schema: { tags, params: CoachingAssignmentParams, body: UpdateInitiativeCoachingInput, response: { 200: CoachingAssignment } } },
    async (req) => updateInitiativeCoaching(await requireCtx(req), req.params.id, req.params.assignmentId, req.body),
  );
};

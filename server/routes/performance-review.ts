/**
 * Permission matrix (check-ins and the end-of-year review of a plan): signed out -> 401; a plan of
 * another district, or one the caller may not read (coaches, other staff, leaders of other
 * schools) -> 404. Reading -> the person, their evaluator, their school's leaders, HR and admins.
 * Check-ins are written once the plan is signed: the person writes their notes, a supervisor
 * (evaluator, school leader, HR, admin) the evaluator notes; either records progress and marks it
 * held (403 otherwise). The review is written, completed and reopened by a supervisor; the
 * reflection and acknowledgment by the person (403 otherwise). A stale version -> 409.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  AcknowledgeInput,
  CheckIn,
  CheckInList,
  CheckInParams,
  ReflectionInput,
  ReopenReviewInput,
  Review,
  UpdateCheckInInput,
  UpdateReviewInput,
  VersionOnly,
} from '../../common/schemas/performance-review.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { listCheckIns, updateCheckIn } from '../services/performance/review/check-ins.ts';
import {
  acknowledgeReview,
  completeReview,
  reopenReview,
  saveReflection,
  updateReview,
} from '../services/performance/review/review-writes.ts';
import { getReview } from '../services/performance/review/review.ts';

const tags = ['performance'];

export const performanceReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/plans/:id/check-ins', { schema: { tags, params: IdParams, response: { 200: CheckInList } } }, async (req) =>
    listCheckIns(await requireCtx(req), req.params.id),
  );

  app.put(
    '/plans/:id/check-ins/:checkInId',
    { schema: { tags, params: CheckInParams, body: UpdateCheckInInput, response: { 200: CheckIn } } },
    async (req) => updateCheckIn(await requireCtx(req), req.params.id, req.params.checkInId, req.body),
  );

  app.get('/plans/:id/review', { schema: { tags, params: IdParams, response: { 200: Review } } }, async (req) =>
    getReview(await requireCtx(req), req.params.id),
  );

  app.put('/plans/:id/review', { schema: { tags, params: IdParams, body: UpdateReviewInput, response: { 200: Review } } }, async (req) =>
    updateReview(await requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/plans/:id/review/complete',
    { schema: { tags, params: IdParams, body: VersionOnly, response: { 200: Review } } },
    async (req) => completeReview(await requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/plans/:id/review/reopen',
    { schema: { tags, params: IdParams, body: ReopenReviewInput, response: { 200: Review } } },
    async (req) => reopenReview(await requireCtx(req), req.params.id, req.body),
  );

  app.put(
    '/plans/:id/review/reflection',
    { schema: { tags, params: IdParams, body: ReflectionInput, response: { 200: Review } } },
    async (req) => saveReflection(await requireCtx(req), req.params.id, req.body),
  );

  app.post(
    '/plans/:id/review/acknowledge',
    { schema: { tags, params: IdParams, body: AcknowledgeInput, response: { 200: Review } } },
    async (req) => acknowledgeReview(await requireCtx(req), req.params.id, req.body),
  );
};

/**
 * Coaching plan reviews. Permission matrix: signed out -> 401; a plan of another district -> 404.
 * Reading a plan's reviews: its coach and members in full; school leaders of a member's school, HR
 * and admins see that a review happened and its decision (no data notes, next steps or coachee
 * note); anyone else 404. Recording and editing: the plan's coach only (others who can read it 403);
 * a stale version 409 with the current review. Acknowledging: the plan's members only (others 403).
 * Overdue reviews: coaches (their plans), school leaders (their schools), HR and admins (all); others 403.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  AcknowledgeCoachingPlanReviewInput,
  CoachingPlanReview,
  CoachingPlanReviewList,
  CreateCoachingPlanReviewInput,
  OverdueReviewList,
  PlanReviewParams,
  UpdateCoachingPlanReviewInput,
} from '../../common/schemas/coaching-reviews.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { overdueReviews } from '../services/coaching/overdue-reviews.ts';
import { acknowledgeReview, createReview, listReviews, updateReview } from '../services/coaching/reviews.ts';

const tags = ['coaching'];

export const coachingReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/reviews/overdue', { schema: { tags, response: { 200: OverdueReviewList } } }, async (req) =>
    overdueReviews(await requireCtx(req)),
  );

  app.get('/plans/:id/reviews', { schema: { tags, params: IdParams, response: { 200: CoachingPlanReviewList } } }, async (req) =>
    listReviews(await requireCtx(req), req.params.id),
  );
  app.post(
    '/plans/:id/reviews',
    { schema: { tags, params: IdParams, body: CreateCoachingPlanReviewInput, response: { 201: CoachingPlanReview } } },
    async (req, reply) => reply.status(201).send(await createReview(await requireCtx(req), req.params.id, req.body)),
  );
  app.patch(
    '/plans/:id/reviews/:reviewId',
    { schema: { tags, params: PlanReviewParams, body: UpdateCoachingPlanReviewInput, response: { 200: CoachingPlanReview } } },
    async (req) => updateReview(await requireCtx(req), req.params.id, req.params.reviewId, req.body),
  );
  app.post(
    '/plans/:id/reviews/:reviewId/acknowledge',
    { schema: { tags, params: PlanReviewParams, body: AcknowledgeCoachingPlanReviewInput, response: { 200: CoachingPlanReview } } },
    async (req) => acknowledgeReview(await requireCtx(req), req.params.id, req.params.reviewId, req.body),
  );
};

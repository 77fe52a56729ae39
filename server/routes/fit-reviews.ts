/**
 * Permission matrix: signed out -> 401; a review of another district, one outside the caller's
 * reach, a candidate of another review, or any of these routes for a vendor guest -> 404. Reading a
 * review, its candidates and the side-by-side comparison -> HR, admins, members of a district
 * implementation team, leaders of its school, its team's members and whoever started it; the list
 * shows only those. Starting a review -> HR and admins; for a team, also the team's facilitator
 * (without a team, others 403). Editing it, adding and editing candidates, recording
 * recommendations, deciding and reopening -> HR, admins, the team's facilitator (others who read
 * it 403). Adopting a candidate -> those who create initiatives (HR and district admins; others who
 * read it 403). Scores are recorded on each candidate's administration, under its own matrix.
 * An instrument version that is not a published fit version, ids of another district, an org unit
 * that is not the team's -> 400 naming the field; a recommendation outside adopt, adapt,
 * do_not_adopt -> 400; writing to a decided review, adopting twice or adopting a candidate not
 * recommended to adopt or adapt -> 409 invalid_state; a stale version -> 409 with the current review.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  FitAdoptInput,
  FitCandidateInput,
  FitCandidateParams,
  FitCandidateUpdateInput,
  FitRecommendationInput,
  FitReviewCreateInput,
  FitReviewDetail,
  FitReviewList,
  FitReviewListQuery,
  FitReviewStatusInput,
  FitReviewUpdateInput,
} from '../../common/schemas/fit-reviews.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { adoptCandidate } from '../services/assessments/fit-reviews/adopt.ts';
import { addCandidate, recordRecommendation, updateCandidate } from '../services/assessments/fit-reviews/candidates.ts';
import { fitReviewView, listFitReviews } from '../services/assessments/fit-reviews/read.ts';
import { createFitReview, setFitReviewStatus, updateFitReview } from '../services/assessments/fit-reviews/write.ts';

const tags = ['assessments'];
const detail = { 200: FitReviewDetail };

export const fitReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.get('/fit-reviews', { schema: { tags, querystring: FitReviewListQuery, response: { 200: FitReviewList } } }, async (req) =>
    listFitReviews(await requireCtx(req), req.query),
  );
  app.post('/fit-reviews', { schema: { tags, body: FitReviewCreateInput, response: detail } }, async (req) =>
    createFitReview(await requireCtx(req), req.body),
  );
  app.get('/fit-reviews/:id', { schema: { tags, params: IdParams, response: detail } }, async (req) =>
    fitReviewView(await requireCtx(req), req.params.id),
  );
  app.patch('/fit-reviews/:id', { schema: { tags, params: IdParams, body: FitReviewUpdateInput, response: detail } }, async (req) =>
    updateFitReview(await requireCtx(req), req.params.id, req.body),
  );
  app.post('/fit-reviews/:id/status', { schema: { tags, params: IdParams, body: FitReviewStatusInput, response: detail } }, async (req) =>
    setFitReviewStatus(await requireCtx(req), req.params.id, req.body),
  );
  app.post('/fit-reviews/:id/candidates', { schema: { tags, params: IdParams, body: FitCandidateInput, response: detail } }, async (req) =>
    addCandidate(await requireCtx(req), req.params.id, req.body),
  );
  app.patch(
    '/fit-reviews/:id/candidates/:candidateId',
    { schema: { tags, params: FitCandidateParams, body: FitCandidateUpdateInput, response: detail } },
    async (req) => updateCandidate(await requireCtx(req), req.params.id, req.params.candidateId, req.body),
  );
  app.put(
    '/fit-reviews/:id/candidates/:candidateId/recommendation',
    { schema: { tags, params: FitCandidateParams, body: FitRecommendationInput, response: detail } },
    async (req) => recordRecommendation(await requireCtx(req), req.params.id, req.params.candidateId, req.body),
  );
  app.post(
    '/fit-reviews/:id/candidates/:candidateId/adopt',
    { schema: { tags, params: FitCandidateParams, body: FitAdoptInput, response: detail } },
    async (req) => adoptCandidate(await requireCtx(req), req.params.id, req.params.candidateId, req.body),
  );
};

/**
 * Permission matrix: signed out -> 401; an administration of another district, one outside the
 * caller's reach, or any of these routes for a vendor guest -> 404. Reading an administration and
 * its results -> HR, admins, members of a district implementation team, leaders of its school, its
 * team's members, its attendees, the person scoring alone and whoever started it; lists and trends
 * show only those. Starting one -> HR and admins; for a team, also the team's facilitator and the
 * leaders of its school; alone, oneself at a school one leads or has a team at (others 403).
 * Recording a consensus score -> its facilitator or note taker, or the person scoring alone (an
 * administrator who attends, and everyone else, 403). Attendees and closing -> HR, admins, whoever
 * started it, its facilitator, its team's facilitator. Comparing schools -> HR, admins, district
 * team members; school leaders only where the district setting allows (others 403).
 * A draft version, ids of another district, an org unit that is not the team's -> 400 naming the
 * field; a score outside the scale or an item of another version -> 400; writing after close ->
 * 409 invalid_state; a stale version -> 409 with the current record. A score, attendees and closing
 * are announced to everyone following the administration live (routes/assessment-voting.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import {
  AdministrationCreateInput,
  AdministrationDetail,
  AdministrationList,
  AdministrationListQuery,
  AttendeesInput,
  CloseInput,
  SchoolComparison,
  SchoolComparisonQuery,
  ScoreInput,
  ScoreParams,
  Trend,
  TrendQuery,
} from '../../common/schemas/assessments.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { closeAdministration, createAdministration, setAttendees } from '../services/assessments/administration-writes.ts';
import { administrationView, listAdministrations } from '../services/assessments/administrations.ts';
import { compareSchools, trend } from '../services/assessments/results.ts';
import { recordScore } from '../services/assessments/scores.ts';
import { announceAdministration } from '../services/assessments/voting-state.ts';
import type { VotingEventKind } from '../../common/schemas/assessment-voting.ts';
import type { Ctx } from '../lib/context.ts';

const tags = ['assessments'];
const detail = { 200: AdministrationDetail };

export const assessmentAdministrationRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  /** Runs a write of the administration, then tells everyone following it live (after the commit). */
  const announced = async (ctx: Ctx, id: string, kind: VotingEventKind, write: Promise<AdministrationDetail>) => {
    const result = await write;
    await announceAdministration(ctx, app.live, id, kind);
    return result;
  };

  app.get(
    '/administrations',
    { schema: { tags, querystring: AdministrationListQuery, response: { 200: AdministrationList } } },
    async (req) => listAdministrations(await requireCtx(req), req.query),
  );
  app.post('/administrations', { schema: { tags, body: AdministrationCreateInput, response: detail } }, async (req) =>
    createAdministration(await requireCtx(req), req.body),
  );
  app.get('/administrations/:id', { schema: { tags, params: IdParams, response: detail } }, async (req) =>
    administrationView(await requireCtx(req), req.params.id),
  );
  app.put('/administrations/:id/attendees', { schema: { tags, params: IdParams, body: AttendeesInput, response: detail } }, async (req) => {
    const ctx = await requireCtx(req);
    return announced(ctx, req.params.id, 'attendees', setAttendees(ctx, req.params.id, req.body));
  });
  app.put(
    '/administrations/:id/scores/:itemId',
    { schema: { tags, params: ScoreParams, body: ScoreInput, response: detail } },
    async (req) => {
      const ctx = await requireCtx(req);
      return announced(ctx, req.params.id, 'score', recordScore(ctx, req.params.id, req.params.itemId, req.body));
    },
  );
  app.post('/administrations/:id/close', { schema: { tags, params: IdParams, body: CloseInput, response: detail } }, async (req) => {
    const ctx = await requireCtx(req);
    return announced(ctx, req.params.id, 'close', closeAdministration(ctx, req.params.id, req.body.version));
  });
  app.get('/results/trend', { schema: { tags, querystring: TrendQuery, response: { 200: Trend } } }, async (req) =>
    trend(await requireCtx(req), req.query),
  );
  app.get('/results/schools', { schema: { tags, querystring: SchoolComparisonQuery, response: { 200: SchoolComparison } } }, async (req) =>
    compareSchools(await requireCtx(req), req.query.instrumentId),
  );
};

/**
 * Permission matrix (an implementation team's meetings, decisions and action items): signed out ->
 * 401; a team or meeting of another district, a meeting of another team, and every route for a
 * vendor guest -> 404. Reading a meeting -> everyone in the district. Creating a meeting, editing its
 * agenda and notes, taking its data review, recording decisions and action items, and editing or
 * ticking off an action item -> current members of the (active) team; anyone else 403. A stale
 * `version` -> 409 with the current meeting (or action item).
 *
 * Following a meeting live (`GET /:id/meetings/:meetingId/live`: server-sent events, or JSON with
 * `?since=` for a client that polls): whoever may read the meeting (no 403: reading is open to the
 * district); another district's meeting or a guest -> 404; signed out -> 401. Every write below
 * then sends `meeting.changed` with the meeting's new revision to everyone following it.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../common/schemas/common.ts';
import { LivePoll, LivePollQuery } from '../../common/schemas/live.ts';
import {
  ActionItem,
  ActionItemInput,
  CreateMeetingInput,
  DecisionInput,
  Meeting,
  TakeDataReviewInput,
  UpdateActionItemInput,
  UpdateMeetingInput,
} from '../../common/schemas/implementation-teams.ts';
import type { Ctx } from '../lib/context.ts';
import { requireCtx, sessionStillLive } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { createMeeting, meetingView, takeDataReview, updateMeeting } from '../services/implementation/teams/meetings.ts';
import { announceMeetingChange, currentMeetingEvent, meetingTopic } from '../services/implementation/teams/meeting-live.ts';
import { addActionItem, addDecision, updateActionItem } from '../services/implementation/teams/records.ts';

const tags = ['implementation-teams'];
const MeetingParams = z.object({ id: Uuid, meetingId: Uuid });
const ItemParams = z.object({ id: Uuid, itemId: Uuid });
const meeting = { 200: Meeting };

/** Runs a write of a meeting's records, then tells everyone following that meeting (after the commit). */
async function announced<T>(
  req: FastifyRequest,
  teamId: string,
  write: (ctx: Ctx) => Promise<T>,
  meetingOf: (result: T) => string | null,
): Promise<T> {
  const ctx = await requireCtx(req);
  const result = await write(ctx);
  await announceMeetingChange(ctx, req.server.live, teamId, meetingOf(result));
  return result;
}
const meetingId = (m: Meeting) => m.id;

export const implementationMeetingRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  app.post(
    '/:id/meetings',
    { schema: { tags, params: IdParams, body: CreateMeetingInput, response: { 201: Meeting } } },
    async (req, reply) => reply.status(201).send(await createMeeting(await requireCtx(req), req.params.id, req.body)),
  );
  app.get('/:id/meetings/:meetingId', { schema: { tags, params: MeetingParams, response: meeting } }, async (req) =>
    meetingView(await requireCtx(req), req.params.id, req.params.meetingId),
  );
  app.get(
    '/:id/meetings/:meetingId/live',
    { schema: { tags, params: MeetingParams, querystring: LivePollQuery, response: { 200: LivePoll } } },
    async (req, reply) => {
      const ctx = await requireCtx(req);
      const { id, meetingId } = req.params;
      return req.server.liveStreams.serve(req, reply, {
        districtId: ctx.actor.districtId,
        topic: meetingTopic(meetingId),
        current: () => currentMeetingEvent(ctx, id, meetingId),
        stillAllowed: () => sessionStillLive(req),
      });
    },
  );
  app.patch(
    '/:id/meetings/:meetingId',
    { schema: { tags, params: MeetingParams, body: UpdateMeetingInput, response: meeting } },
    async (req) => announced(req, req.params.id, (ctx) => updateMeeting(ctx, req.params.id, req.params.meetingId, req.body), meetingId),
  );
  app.post(
    '/:id/meetings/:meetingId/data-review',
    { schema: { tags, params: MeetingParams, body: TakeDataReviewInput, response: meeting } },
    async (req) => announced(req, req.params.id, (ctx) => takeDataReview(ctx, req.params.id, req.params.meetingId, req.body), meetingId),
  );
  app.post(
    '/:id/meetings/:meetingId/decisions',
    { schema: { tags, params: MeetingParams, body: DecisionInput, response: { 201: Meeting } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(await announced(req, req.params.id, (ctx) => addDecision(ctx, req.params.id, req.params.meetingId, req.body), meetingId)),
  );
  app.post(
    '/:id/meetings/:meetingId/action-items',
    { schema: { tags, params: MeetingParams, body: ActionItemInput, response: { 201: Meeting } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(await announced(req, req.params.id, (ctx) => addActionItem(ctx, req.params.id, req.params.meetingId, req.body), meetingId)),
  );
  app.patch(
    '/:id/action-items/:itemId',
    { schema: { tags, params: ItemParams, body: UpdateActionItemInput, response: { 200: ActionItem } } },
    async (req) =>
      announced(
        req,
        req.params.id,
        (ctx) => updateActionItem(ctx, req.params.id, req.params.itemId, req.body),
        (i) => i.meetingId,
      ),
  );
};

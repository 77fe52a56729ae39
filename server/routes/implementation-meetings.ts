/**
 * Permission matrix (an implementation team's meetings, decisions and action items): signed out ->
 * 401; a team or meeting of another district, a meeting of another team, and every route for a
 * vendor guest -> 404. Reading a meeting -> everyone in the district. Creating a meeting, editing its
 * agenda and notes, taking its data review, recording decisions and action items, and editing or
 * ticking off an action item -> current members of the (active) team; anyone else 403. A stale
 * `version` -> 409 with the current meeting (or action item).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../common/schemas/common.ts';
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
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { createMeeting, meetingView, takeDataReview, updateMeeting } from '../services/implementation/teams/meetings.ts';
import { addActionItem, addDecision, updateActionItem } from '../services/implementation/teams/records.ts';

const tags = ['implementation-teams'];
const MeetingParams = z.object({ id: Uuid, meetingId: Uuid });
const ItemParams = z.object({ id: Uuid, itemId: Uuid });
const meeting = { 200: Meeting };

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
  app.patch(
    '/:id/meetings/:meetingId',
    { schema: { tags, params: MeetingParams, body: UpdateMeetingInput, response: meeting } },
    async (req) => updateMeeting(await requireCtx(req), req.params.id, req.params.meetingId, req.body),
  );
  app.post(
    '/:id/meetings/:meetingId/data-review',
    { schema: { tags, params: MeetingParams, body: TakeDataReviewInput, response: meeting } },
    async (req) => takeDataReview(await requireCtx(req), req.params.id, req.params.meetingId, req.body),
  );
  app.post(
    '/:id/meetings/:meetingId/decisions',
    { schema: { tags, params: MeetingParams, body: DecisionInput, response: { 201: Meeting } } },
    async (req, reply) => reply.status(201).send(await addDecision(await requireCtx(req), req.params.id, req.params.meetingId, req.body)),
  );
  app.post(
    '/:id/meetings/:meetingId/action-items',
    { schema: { tags, params: MeetingParams, body: ActionItemInput, response: { 201: Meeting } } },
    async (req, reply) => reply.status(201).send(await addActionItem(await requireCtx(req), req.params.id, req.params.meetingId, req.body)),
  );
  app.patch(
    '/:id/action-items/:itemId',
    { schema: { tags, params: ItemParams, body: UpdateActionItemInput, response: { 200: ActionItem } } },
    async (req) => updateActionItem(await requireCtx(req), req.params.id, req.params.itemId, req.body),
  );
};

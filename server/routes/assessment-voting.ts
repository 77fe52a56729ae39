/**
 * Live consensus voting on an administration, and following it live.
 *
 * Permission matrix: signed out -> 401; an administration of another district, one outside the
 * caller's reach, or any of these routes for a vendor guest -> 404 (whoever may read the
 * administration reads its voting state and follows it live: `GET .../live`, server-sent events or
 * JSON with `?since=` for a client that polls). Opening an item and revealing the votes (forced or
 * not) -> its facilitator or note taker, or the person scoring alone (HR, admins, the
 * administrator who attends, voting members and other readers 403). Voting -> its voting members
 * (the facilitator, the note taker, the administrator and other readers 403).
 * An item of another version -> 400 `itemId`; a vote outside the scale -> 400 `value`; a vote on
 * an item that is not open (another item is, its votes are revealed, its score recorded, the
 * administration closed) -> 409 invalid_state; a reveal before every voting member has voted
 * without `force` -> 409 invalid_state naming who has not voted. Every write then sends
 * `administration.changed` (its kind and new revision, never a vote's value) to everyone following.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RevealInput, VoteInput, VotingState, type VotingEventKind } from '../../common/schemas/assessment-voting.ts';
import { ScoreParams } from '../../common/schemas/assessments.ts';
import { IdParams } from '../../common/schemas/common.ts';
import { LivePoll, LivePollQuery } from '../../common/schemas/live.ts';
import type { Ctx } from '../lib/context.ts';
import { requireCtx, sessionStillLive } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { castVote, openItem, revealVotes } from '../services/assessments/voting.ts';
import {
  administrationTopic,
  announceVotingWrite,
  currentAdministrationEvent,
  votingState,
  type VotingWrite,
} from '../services/assessments/voting-state.ts';

const tags = ['assessments'];
const state = { 200: VotingState };

export const assessmentVotingRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');

  /** Runs a voting write, tells everyone following the administration (after the commit), answers the state. */
  const announced = async (ctx: Ctx, kind: VotingEventKind, write: Promise<VotingWrite>) =>
    announceVotingWrite(ctx, app.live, await write, kind);

  app.get('/administrations/:id/voting', { schema: { tags, params: IdParams, response: state } }, async (req) =>
    votingState(await requireCtx(req), req.params.id),
  );
  app.get(
    '/administrations/:id/live',
    { schema: { tags, params: IdParams, querystring: LivePollQuery, response: { 200: LivePoll } } },
    async (req, reply) => {
      const ctx = await requireCtx(req);
      return req.server.liveStreams.serve(req, reply, {
        districtId: ctx.actor.districtId,
        topic: administrationTopic(req.params.id),
        current: () => currentAdministrationEvent(ctx, req.params.id),
        stillAllowed: () => sessionStillLive(req),
      });
    },
  );
  app.post('/administrations/:id/items/:itemId/open', { schema: { tags, params: ScoreParams, response: state } }, async (req) => {
    const ctx = await requireCtx(req);
    return announced(ctx, 'open', openItem(ctx, req.params.id, req.params.itemId));
  });
  app.put(
    '/administrations/:id/items/:itemId/vote',
    { schema: { tags, params: ScoreParams, body: VoteInput, response: state } },
    async (req) => {
      const ctx = await requireCtx(req);
      return announced(ctx, 'vote', castVote(ctx, req.params.id, req.params.itemId, req.body.value));
    },
  );
  app.post(
    '/administrations/:id/items/:itemId/reveal',
    { schema: { tags, params: ScoreParams, body: RevealInput, response: state } },
    async (req) => {
      const ctx = await requireCtx(req);
      return announced(ctx, 'reveal', revealVotes(ctx, req.params.id, req.params.itemId, req.body.force));
    },
  );
};

/**
 * Permission matrix: signed out -> 401; an observation of another district, or one the caller may
 * not read -> 404 (policies/observations.ts canReadObservation: drafts are the observers' own; a
 * scored observation by a leader, HR or an admin is an evaluation record never shown to coaches).
 * Create: coaches, school leaders, HR and admins (others 403), of a teacher in their scope (else
 * 404). Draft save, discard and action steps: the observers (other readers 403). Publish and revise:
 * the observer (403). Acknowledge: the observed teacher (403). Replies: the teacher and the
 * observers (403). Feedback meeting: the observers (403).
 * Observations are answered in the reader's language where the district translated its content
 * (type names, the rubric, action steps from the library: services/translations/observations.ts).
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OBSERVATION_LIMITS } from '../../common/observation.ts';
import { ActionStep, CreateActionStepInput } from '../../common/schemas/action-steps.ts';
import { IdParams } from '../../common/schemas/common.ts';
import {
  AcknowledgeObservationInput,
  CreateObservationInput,
  CreateReplyInput,
  DiscardObservationQuery,
  Observation,
  ObservationList,
  ObservationListQuery,
  ObservationReply,
  ObservationRevisionDetail,
  PublishObservationInput,
  RecordFeedbackInput,
  ReviseObservationInput,
  RevisionParams,
  SaveDraftInput,
  SaveDraftResult,
} from '../../common/schemas/observations.ts';
import type { Ctx } from '../lib/context.ts';
import { requireCtx } from '../lib/http.ts';
import { readLogged } from '../services/record-reads/log.ts';
import { createActionStep } from '../services/action-steps/write.ts';
import { createObservation } from '../services/observations/create.ts';
import { discardDraft, saveDraft } from '../services/observations/draft.ts';
import { acknowledgeObservation, recordFeedback, replyToObservation } from '../services/observations/feedback.ts';
import { listObservations } from '../services/observations/list.ts';
import { observationView, revisionView } from '../services/observations/load.ts';
import { publishObservation, reviseObservation } from '../services/observations/publish.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { readerLocale } from '../lib/reader-locale.ts';
import { translateObservation, translateObservationList } from '../services/translations/observations.ts';

const tags = ['observations'];
/** Draft saves and revisions carry every note: up to OBSERVATION_LIMITS.draftBodyBytes (else 413). */
const bodyLimit = OBSERVATION_LIMITS.draftBodyBytes;

/** An observation as the request's reader reads it (routes/translations.ts). */
const forReader = (req: FastifyRequest, ctx: Ctx, o: Observation) =>
  translateObservation(ctx.db, ctx.actor.districtId, readerLocale(req), o);

export const observationRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/', { schema: { tags, querystring: ObservationListQuery, response: { 200: ObservationList } } }, async (req) => {
    const ctx = await requireCtx(req);
    return translateObservationList(ctx.db, ctx.actor.districtId, readerLocale(req), await listObservations(ctx, req.query));
  });

  app.post('/', { schema: { tags, body: CreateObservationInput, response: { 201: Observation } } }, async (req, reply) => {
    const ctx = await requireCtx(req);
    return reply.status(201).send(await forReader(req, ctx, await createObservation(ctx, req.body)));
  });

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: Observation } } }, async (req) => {
    const ctx = await requireCtx(req);
    return forReader(
      req,
      ctx,
      await readLogged(
        ctx,
        'observation',
        req.params.id,
        () => observationView(ctx, req.params.id),
        (o) => [o.observed.id],
      ),
    );
  });

  app.put(
    '/:id/draft',
    {
      bodyLimit,
      config: { keepsSessions: true },
      schema: { tags, params: IdParams, body: SaveDraftInput, response: { 200: SaveDraftResult } },
    },
    async (req) => saveDraft(await requireCtx(req), req.params.id, req.body),
  );

  app.delete('/:id', { schema: { tags, params: IdParams, querystring: DiscardObservationQuery } }, async (req, reply) => {
    await discardDraft(await requireCtx(req), req.params.id, req.query.version);
    return reply.status(204).send();
  });

  app.post(
    '/:id/publish',
    { schema: { tags, params: IdParams, body: PublishObservationInput, response: { 200: Observation } } },
    async (req) => {
      const ctx = await requireCtx(req);
      return forReader(req, ctx, await publishObservation(ctx, req.params.id, req.body));
    },
  );

  app.post(
    '/:id/revise',
    { bodyLimit, schema: { tags, params: IdParams, body: ReviseObservationInput, response: { 200: Observation } } },
    async (req) => {
      const ctx = await requireCtx(req);
      return forReader(req, ctx, await reviseObservation(ctx, req.params.id, req.body));
    },
  );

  app.get(
    '/:id/revisions/:revision',
    { schema: { tags, params: RevisionParams, response: { 200: ObservationRevisionDetail } } },
    async (req) => revisionView(await requireCtx(req), req.params.id, req.params.revision),
  );

  app.post(
    '/:id/acknowledge',
    { schema: { tags, params: IdParams, body: AcknowledgeObservationInput, response: { 200: Observation } } },
    async (req) => {
      const ctx = await requireCtx(req);
      return forReader(req, ctx, await acknowledgeObservation(ctx, req.params.id, req.body));
    },
  );

  app.post(
    '/:id/replies',
    { schema: { tags, params: IdParams, body: CreateReplyInput, response: { 201: ObservationReply } } },
    async (req, reply) => reply.status(201).send(await replyToObservation(await requireCtx(req), req.params.id, req.body)),
  );

  app.post(
    '/:id/feedback',
    { schema: { tags, params: IdParams, body: RecordFeedbackInput, response: { 200: Observation } } },
    async (req) => {
      const ctx = await requireCtx(req);
      return forReader(req, ctx, await recordFeedback(ctx, req.params.id, req.body));
    },
  );

  app.post(
    '/:id/action-steps',
    { schema: { tags, params: IdParams, body: CreateActionStepInput, response: { 201: ActionStep } } },
    async (req, reply) => reply.status(201).send(await createActionStep(await requireCtx(req), req.params.id, req.body)),
  );
};

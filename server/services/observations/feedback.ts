import { and, eq } from 'drizzle-orm';
import type {
  AcknowledgeObservationInput,
  CreateReplyInput,
  Observation,
  ObservationReply,
  RecordFeedbackInput,
} from '../../../common/schemas/observations.ts';
import { observationReplies, observations, people } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, invalidState } from '../../lib/errors.ts';
import { observationAbilities } from '../../policies/observations.ts';
import { recordAudit } from '../audit.ts';
import { notify } from '../notifications/notify.ts';
import { invalid, loadReadableObservation, personNameSql } from './access.ts';
import { observationView } from './load.ts';
import { summariesChangedFor } from '../tracker/freshness.ts';

const nameOf = async (ctx: Ctx, personId: string) =>
  (
    await ctx.db
      .select({ name: personNameSql(people) })
      .from(people)
      .where(eq(people.id, personId))
  )[0]?.name ?? '';

/** POST /api/observations/:id/acknowledge: the teacher confirms they read this revision; the observers are told. */
export async function acknowledgeObservation(ctx: Ctx, id: string, input: AcknowledgeObservationInput): Promise<Observation> {
  const row = await loadReadableObservation(ctx, id);
  if (!observationAbilities(ctx.actor, row).acknowledge) throw forbidden('Only the observed teacher acknowledges an observation');
  if (input.revision !== row.revision) {
    throw invalidState(`The observation changed since you read it (revision ${row.revision}); read it again`, {
      status: row.status,
      observation: await observationView(ctx, id),
    });
  }
  const teacher = await nameOf(ctx, ctx.actor.personId);
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(observations)
      .set({ acknowledgedAt: new Date(), acknowledgedRevision: row.revision, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(observations.id, id), eq(observations.revision, input.revision)))
      .returning();
    if (!updated) throw invalidState('The observation changed since you read it; read it again');
    await notify(tx, ctx, {
      personIds: [row.observerPersonId, ...(row.coObserverPersonId ? [row.coObserverPersonId] : [])],
      kind: 'observation_acknowledged',
      entityType: 'observation',
      entityId: id,
      params: { teacher, date: row.observedOn },
      path: `/observations/${id}`,
    });
    await recordAudit(tx, ctx, {
      action: 'observation.acknowledge',
      entityType: 'observation',
      entityId: id,
      after: { revision: row.revision },
    });
  });
  return observationView(ctx, id);
}

/** POST /api/observations/:id/replies: the teacher or an observer writes; the other side is told. */
export async function replyToObservation(ctx: Ctx, id: string, input: CreateReplyInput): Promise<ObservationReply> {
  const row = await loadReadableObservation(ctx, id);
  if (!observationAbilities(ctx.actor, row).reply) throw forbidden('Only the teacher and the observers reply on an observation');
  const author = await nameOf(ctx, ctx.actor.personId);
  const observers = [row.observerPersonId, ...(row.coObserverPersonId ? [row.coObserverPersonId] : [])];
  const reply = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(observationReplies)
      .values({ districtId: row.districtId, observationId: id, authorPersonId: ctx.actor.personId, body: input.body })
      .returning();
    await notify(tx, ctx, {
      // The teacher's reply goes to the observers; an observer's to the teacher and the other observer.
      personIds: [row.observedPersonId, ...observers],
      kind: 'observation_reply',
      entityType: 'observation',
      entityId: id,
      params: { author, date: row.observedOn, excerpt: input.body.length > 200 ? `${input.body.slice(0, 200)}…` : input.body },
      path: `/observations/${id}`,
    });
    await recordAudit(tx, ctx, { action: 'observation.reply', entityType: 'observation', entityId: id, after: created });
    return created!;
  });
  return { id: reply.id, author: { id: ctx.actor.personId, name: author }, body: reply.body, createdAt: reply.createdAt.toISOString() };
}

/** POST /api/observations/:id/feedback: schedule the feedback meeting and/or record it held (observers). */
export async function recordFeedback(ctx: Ctx, id: string, input: RecordFeedbackInput): Promise<Observation> {
  const row = await loadReadableObservation(ctx, id);
  if (!observationAbilities(ctx.actor, row).scheduleFeedback) {
    if (row.status !== 'published') throw invalidState('Feedback is given on a published observation', { status: row.status });
    throw forbidden('Only the observers record the feedback meeting');
  }
  const set: Partial<typeof observations.$inferInsert> = {
    version: row.version + 1,
    updatedAt: new Date(),
    updatedByUserId: ctx.actor.userId,
  };
  if (input.feedbackMeetingAt !== undefined) set.feedbackMeetingAt = input.feedbackMeetingAt ? new Date(input.feedbackMeetingAt) : null;
  if (input.held !== undefined) set.feedbackHeldAt = input.held ? new Date(input.heldAt ?? Date.now()) : null;
  if (input.feedbackMeetingAt === undefined && input.held === undefined)
    throw invalid('held', 'Give a meeting time or say whether it was held');
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx.update(observations).set(set).where(eq(observations.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'observation.feedback', entityType: 'observation', entityId: id, before: row, after: updated });
  });
  await summariesChangedFor(ctx, [row.observedPersonId]);
  return observationView(ctx, id);
}

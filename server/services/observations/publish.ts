import { and, eq } from 'drizzle-orm';
import { addSchoolDays } from '../../../common/school-days.ts';
import type { Observation, PublishObservationInput, ReviseObservationInput } from '../../../common/schemas/observations.ts';
import type { Executor } from '../../db/client.ts';
import { observationRevisions, observationScores, observations, people } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidState } from '../../lib/errors.ts';
import { observationAbilities } from '../../policies/observations.ts';
import { applyActionStepChecks, notifyStepsAssigned, stepsOfObservation } from '../action-steps/write.ts';
import { recordAudit } from '../audit.ts';
import { appendObservationEvidence, recomputeCompetencyLatest } from '../evidence/observations.ts';
import { assertEveryComponentScored, recordFidelityPublish } from '../fidelity/on-publish.ts';
import { assertCheckEditable } from '../fidelity/tool.ts';
import { notify } from '../notifications/notify.ts';
import { loadNonNegotiables, loadNonSchoolDays } from '../school-calendar/context.ts';
import { assertReadable, invalid, isObserverOf, loadObservationRow, personNameSql, type ObservationRow } from './access.ts';
import { loadForWrite, StaleWrite, validateContent, writeContent } from './content.ts';
import { loadContent, observationView } from './load.ts';
import { summariesChangedFor } from '../tracker/freshness.ts';
import { appendWalkthroughEvidence } from '../walkthroughs/evidence.ts';

/** The day feedback is due: N school days after the observation (district non-negotiable and calendar). */
export async function feedbackDueOn(db: Executor, districtId: string, observedOn: string): Promise<string> {
  const { feedbackWithinSchoolDays } = await loadNonNegotiables(db, districtId);
  // A generous window: N school days never span more than N weeks plus the longest break.
  const until = new Date(`${observedOn}T00:00:00Z`);
  until.setUTCDate(until.getUTCDate() + feedbackWithinSchoolDays * 7 + 60);
  const nonSchoolDays = await loadNonSchoolDays(db, districtId, observedOn, until.toISOString().slice(0, 10));
  return addSchoolDays(observedOn, feedbackWithinSchoolDays, nonSchoolDays);
}

async function observerName(db: Executor, personId: string): Promise<string> {
  const [me] = await db
    .select({ name: personNameSql(people) })
    .from(people)
    .where(eq(people.id, personId));
  return me?.name ?? '';
}

/** Only the observer publishes and revises; others who may read it get 403, the rest 404. */
async function requireObserver(ctx: Ctx, row: ObservationRow, ability: 'publish' | 'revise') {
  if (!isObserverOf(ctx.actor, row)) await assertReadable(ctx, row);
  if (row.observerPersonId !== ctx.actor.personId) throw forbidden('Only the observer publishes or changes the observation');
  if (!observationAbilities(ctx.actor, row)[ability]) {
    const what = ability === 'publish' ? 'already published' : 'not published yet';
    throw invalidState(`This observation is ${what}`, { status: row.status, observation: await observationView(ctx, row.id) });
  }
  if (row.kind === 'fidelity') await assertCheckEditable(ctx.db, row);
}

async function staleOrState(ctx: Ctx, id: string, expected: string): Promise<never> {
  const current = await loadObservationRow(ctx, id);
  const view = await observationView(ctx, id);
  if (current.status !== expected)
    throw invalidState(`This observation is ${current.status} now`, { status: current.status, observation: view });
  throw conflict(view);
}

/**
 * POST /api/observations/:id/publish: shares it with the teacher. Revision 1 is kept as a snapshot,
 * each score becomes evidence, the latest levels are recomputed, action-step checks move the steps
 * on, the feedback due date is set, and the teacher is told (and about each step agreed).
 */
export async function publishObservation(ctx: Ctx, id: string, input: PublishObservationInput): Promise<Observation> {
  const row = await loadObservationRow(ctx, id);
  await requireObserver(ctx, row, 'publish');
  if (row.version !== input.version) throw conflict(await observationView(ctx, id));
  const content = await loadContent(ctx.db, row);
  if (row.kind === 'scored' && content.scores.length === 0) throw invalid('scores', 'Score at least one competency before publishing');
  if (row.kind === 'fidelity') await assertEveryComponentScored(ctx.db, row.rubricId, content.scores.length);
  const dueOn = await feedbackDueOn(ctx.db, row.districtId, row.observedOn);
  const steps = await stepsOfObservation(ctx.db, id);
  const name = await observerName(ctx.db, row.observerPersonId);
  const now = new Date();
  const published = await ctx.db
    .transaction(async (tx) => {
      const [updated] = await tx
        .update(observations)
        .set({
          status: 'published',
          revision: 1,
          publishedAt: now,
          feedbackDueOn: dueOn,
          feedbackMeetingAt: input.feedbackMeetingAt ? new Date(input.feedbackMeetingAt) : row.feedbackMeetingAt,
          version: row.version + 1,
          updatedAt: now,
          updatedByUserId: ctx.actor.userId,
        })
        .where(and(eq(observations.id, id), eq(observations.version, input.version), eq(observations.status, 'draft')))
        .returning();
      if (!updated) throw new StaleWrite();
      await tx
        .insert(observationRevisions)
        .values({ districtId: row.districtId, observationId: id, revision: 1, snapshot: content, createdByUserId: ctx.actor.userId });
      if (row.kind === 'fidelity') {
        // Fidelity is not evaluation: its own evidence source and summaries, never competency_latest.
        await recordFidelityPublish(tx, ctx, updated, 0, content.scores);
      } else {
        await appendObservationEvidence(tx, ctx, updated, content.scores);
        await appendWalkthroughEvidence(tx, ctx, updated);
        await recomputeCompetencyLatest(
          tx,
          row.districtId,
          row.observedPersonId,
          row.purpose,
          content.scores.map((s) => s.itemId),
        );
      }
      await applyActionStepChecks(tx, id);
      await notify(tx, ctx, {
        personIds: [row.observedPersonId],
        kind: 'observation_published',
        entityType: 'observation',
        entityId: id,
        params: { observer: name, date: row.observedOn },
        path: `/observations/${id}`,
      });
      await notifyStepsAssigned(tx, ctx, row, steps);
      await recordAudit(tx, ctx, { action: 'observation.publish', entityType: 'observation', entityId: id, before: row, after: updated });
      return updated;
    })
    .catch((err: unknown) => (err instanceof StaleWrite ? staleOrState(ctx, id, 'draft') : Promise.reject(err)));
  await summariesChangedFor(ctx, [row.observedPersonId]);
  return observationView(ctx, published.id);
}

/**
 * POST /api/observations/:id/revise: a published edit. The new content is kept as revision N+1
 * (the earlier ones stay), changed scores are appended to the evidence, the latest levels are
 * recomputed for every competency touched, the acknowledgement is cleared and the teacher told.
 */
export async function reviseObservation(ctx: Ctx, id: string, input: ReviseObservationInput): Promise<Observation> {
  const { row, meta } = await loadForWrite(ctx, id);
  await requireObserver(ctx, row, 'revise');
  if (row.version !== input.version) throw conflict(await observationView(ctx, id));
  const { version, reason, ...content } = input;
  await validateContent(ctx.db, row, meta, content);
  if (row.kind === 'scored' && content.scores && content.scores.length === 0)
    throw invalid('scores', 'A published scored observation keeps at least one score');
  if (row.kind === 'fidelity' && content.scores) await assertEveryComponentScored(ctx.db, row.rubricId, content.scores.length);
  const before = await ctx.db
    .select({ itemId: observationScores.itemId, scaleLevelId: observationScores.scaleLevelId })
    .from(observationScores)
    .where(eq(observationScores.observationId, id));
  const dueOn =
    content.observedOn && content.observedOn !== row.observedOn
      ? await feedbackDueOn(ctx.db, row.districtId, content.observedOn)
      : row.feedbackDueOn;
  const name = await observerName(ctx.db, row.observerPersonId);
  await ctx.db
    .transaction(async (tx) => {
      const revision = row.revision + 1;
      const updated = await writeContent(
        tx,
        ctx,
        row,
        meta,
        content,
        { version, status: 'published' },
        (after) => ({ action: 'observation.revise', entityType: 'observation', entityId: id, before: row, after: { ...after, reason } }),
        { revision, feedbackDueOn: dueOn, acknowledgedAt: null, acknowledgedRevision: null },
      );
      const snapshot = await loadContent(tx, updated);
      await tx
        .insert(observationRevisions)
        .values({ districtId: row.districtId, observationId: id, revision, snapshot, reason, createdByUserId: ctx.actor.userId });
      const previous = new Map(before.map((s) => [s.itemId, s.scaleLevelId]));
      const dateMoved = updated.observedOn !== row.observedOn;
      const changed = snapshot.scores.filter((s) => dateMoved || previous.get(s.itemId) !== s.scaleLevelId);
      if (row.kind === 'fidelity') {
        await recordFidelityPublish(tx, ctx, updated, row.revision, changed);
      } else {
        await appendObservationEvidence(tx, ctx, updated, changed);
        await appendWalkthroughEvidence(tx, ctx, updated, row.lookForResults);
        await recomputeCompetencyLatest(tx, row.districtId, row.observedPersonId, row.purpose, [
          ...previous.keys(),
          ...snapshot.scores.map((s) => s.itemId),
        ]);
      }
      await applyActionStepChecks(tx, id);
      await notify(tx, ctx, {
        personIds: [row.observedPersonId],
        kind: 'observation_revised',
        entityType: 'observation',
        entityId: id,
        params: { observer: name, date: updated.observedOn, revision, reason },
        path: `/observations/${id}`,
      });
    })
    .catch((err: unknown) => (err instanceof StaleWrite ? staleOrState(ctx, id, 'published') : Promise.reject(err)));
  await summariesChangedFor(ctx, [row.observedPersonId]);
  return observationView(ctx, id);
}

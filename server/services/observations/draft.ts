import { and, eq, inArray } from 'drizzle-orm';
import type { SaveDraftInput, SaveDraftResult } from '../../../common/schemas/observations.ts';
import { actionStepChecks, actionSteps, fidelityChecks, observationNotes, observationScores, observations } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidState } from '../../lib/errors.ts';
import { observationAbilities } from '../../policies/observations.ts';
import { recordAudit } from '../audit.ts';
import { markDashboardStale } from '../dashboards/freshness.ts';
import { assertCheckEditable } from '../fidelity/tool.ts';
import { assertReadable, isObserverOf, loadObservationRow, type ObservationRow } from './access.ts';
import { loadForWrite, StaleWrite, validateContent, writeContent } from './content.ts';
import { observationView } from './load.ts';

/**
 * 409 `invalid_state` carrying the published observation, so a client whose (offline) edit arrived
 * after publishing can show what it sent next to what was published: nothing is lost.
 */
async function publishedMeanwhile(ctx: Ctx, id: string) {
  return invalidState('This observation was published; the change was not saved. Copy it and revise the published observation instead.', {
    status: 'published',
    observation: await observationView(ctx, id),
  });
}

/** Refusals common to draft writes: not an observer (403 when readable, else 404), published (409 invalid_state), stale (409 conflict). */
async function checkDraftWrite(ctx: Ctx, row: ObservationRow, version: number | undefined, ability: 'edit' | 'discard') {
  if (!isObserverOf(ctx.actor, row)) {
    await assertReadable(ctx, row);
    throw forbidden('Only the observers edit this observation');
  }
  if (row.status !== 'draft') throw await publishedMeanwhile(ctx, row.id);
  if (!observationAbilities(ctx.actor, row)[ability]) throw forbidden();
  if (version !== undefined && row.version !== version) throw conflict(await observationView(ctx, row.id));
  if (row.kind === 'fidelity' && ability === 'edit') await assertCheckEditable(ctx.db, row);
}

/**
 * PUT /api/observations/:id/draft: autosave. One read (the row with its rubric's criteria and
 * levels), then one transaction: the row (optimistic version), each list sent replaced in bulk, audit.
 */
export async function saveDraft(ctx: Ctx, id: string, input: SaveDraftInput): Promise<SaveDraftResult> {
  const { row, meta } = await loadForWrite(ctx, id);
  await checkDraftWrite(ctx, row, input.version, 'edit');
  const { version, ...content } = input;
  await validateContent(ctx.db, row, meta, content);
  try {
    const updated = await ctx.db.transaction(async (tx) =>
      writeContent(tx, ctx, row, meta, content, { version, status: 'draft' }, (saved) => ({
        action: 'observation.save_draft',
        entityType: 'observation',
        entityId: id,
        after: { version: saved.version, notes: content.notes?.length ?? null, scores: content.scores?.length ?? null },
      })),
    );
    return { version: updated.version, savedAt: updated.updatedAt.toISOString() };
  } catch (err) {
    if (!(err instanceof StaleWrite)) throw err;
    const current = await loadObservationRow(ctx, id);
    if (current.status !== 'draft') throw await publishedMeanwhile(ctx, id);
    throw conflict(await observationView(ctx, id));
  }
}

/** DELETE /api/observations/:id: a draft never published is deleted with its notes, scores and steps. */
export async function discardDraft(ctx: Ctx, id: string, version?: number): Promise<void> {
  const row = await loadObservationRow(ctx, id);
  await checkDraftWrite(ctx, row, version, 'discard');
  await ctx.db
    .transaction(async (tx) => {
      await tx.delete(actionStepChecks).where(eq(actionStepChecks.observationId, id));
      const steps = await tx.select({ id: actionSteps.id }).from(actionSteps).where(eq(actionSteps.observationId, id));
      if (steps.length > 0) {
        // The draft's own steps go with it (with any check another draft recorded of them).
        await tx.delete(actionStepChecks).where(
          inArray(
            actionStepChecks.actionStepId,
            steps.map((s) => s.id),
          ),
        );
        await tx.delete(actionSteps).where(eq(actionSteps.observationId, id));
      }
      await tx.delete(observationScores).where(eq(observationScores.observationId, id));
      await tx.delete(observationNotes).where(eq(observationNotes.observationId, id));
      if (row.kind === 'fidelity') {
        const checks = await tx
          .delete(fidelityChecks)
          .where(eq(fidelityChecks.observationId, id))
          .returning({ initiativeId: fidelityChecks.initiativeId });
        await markDashboardStale(
          tx,
          ctx.actor.districtId,
          checks.map((c) => c.initiativeId),
        );
      }
      const [deleted] = await tx
        .delete(observations)
        .where(and(eq(observations.id, id), eq(observations.status, 'draft'), eq(observations.version, row.version)))
        .returning();
      if (!deleted) throw new StaleWrite();
      await recordAudit(tx, ctx, { action: 'observation.discard', entityType: 'observation', entityId: id, before: deleted });
    })
    .catch(async (err: unknown) => {
      if (!(err instanceof StaleWrite)) throw err;
      const current = await loadObservationRow(ctx, id);
      if (current.status !== 'draft') throw await publishedMeanwhile(ctx, id);
      throw conflict(await observationView(ctx, id));
    });
}

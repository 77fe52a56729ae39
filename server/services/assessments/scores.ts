import { and, eq, sql } from 'drizzle-orm';
import type { AdministrationDetail, ScoreInput } from '../../../common/schemas/assessments.ts';
import { assessmentAdministrations, assessmentItems, assessmentScores, assessmentVersions } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidField, invalidState } from '../../lib/errors.ts';
import { canScore } from '../../policies/assessments.ts';
import { recordAudit } from '../audit.ts';
import { administrationView, loadAdministration } from './administrations.ts';
import { versionSections } from './load.ts';
import { computeResults } from './scoring.ts';

/**
 * PUT /api/assessments/administrations/:id/scores/:itemId: the consensus score of one item and its
 * note, recorded by the facilitator or note taker (or the person scoring alone) while the
 * administration is open. The value must be a point of the version's scale and the item an item of
 * that version. Results are kept on the administration in the same transaction. Recording the item
 * the live voting is on marks it decided (its votes lock); recording without voting (a team around
 * a table, one person alone) works as well.
 */
export async function recordScore(ctx: Ctx, id: string, itemId: string, input: ScoreInput): Promise<AdministrationDetail> {
  const { row, access } = await loadAdministration(ctx, id);
  const districtId = ctx.actor.districtId;
  if (!canScore(ctx.actor, access)) throw forbidden('Only the facilitator or the note taker records the consensus score');
  if (row.status !== 'open') throw invalidState('This administration is closed');
  const [[item], [version]] = await Promise.all([
    ctx.db
      .select({ id: assessmentItems.id })
      .from(assessmentItems)
      .where(and(eq(assessmentItems.districtId, districtId), eq(assessmentItems.id, itemId), eq(assessmentItems.versionId, row.versionId))),
    ctx.db
      .select()
      .from(assessmentVersions)
      .where(and(eq(assessmentVersions.districtId, districtId), eq(assessmentVersions.id, row.versionId))),
  ]);
  if (!item) throw invalidField('itemId', "not an item of this administration's version");
  if (!version!.scalePoints.some((p) => p.value === input.value)) throw invalidField('value', 'not a point of the scale');

  const current = () =>
    ctx.db
      .select()
      .from(assessmentScores)
      .where(
        and(eq(assessmentScores.districtId, districtId), eq(assessmentScores.administrationId, id), eq(assessmentScores.itemId, itemId)),
      );
  const [before] = await current();
  if (before && before.version !== input.version) throw conflict(before);

  const written = await ctx.db.transaction(async (tx) => {
    if (before) {
      const [updated] = await tx
        .update(assessmentScores)
        .set({
          value: input.value,
          note: input.note,
          recordedBy: ctx.actor.userId,
          version: sql`${assessmentScores.version} + 1`,
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(assessmentScores.id, before.id),
            eq(assessmentScores.districtId, districtId),
            eq(assessmentScores.version, before.version),
          ),
        )
        .returning({ id: assessmentScores.id });
      if (!updated) return false;
    } else {
      const [inserted] = await tx
        .insert(assessmentScores)
        .values({ districtId, administrationId: id, itemId, value: input.value, note: input.note, recordedBy: ctx.actor.userId })
        .onConflictDoNothing()
        .returning({ id: assessmentScores.id });
      if (!inserted) return false;
    }
    // Closing and scoring race: the score counts only while the administration is still open.
    const [stillOpen] = await tx
      .select({ status: assessmentAdministrations.status, currentItemId: assessmentAdministrations.currentItemId })
      .from(assessmentAdministrations)
      .where(and(eq(assessmentAdministrations.id, id), eq(assessmentAdministrations.districtId, districtId)))
      .for('update');
    if (stillOpen?.status !== 'open') throw invalidState('This administration is closed');
    const scores = await tx
      .select({ itemId: assessmentScores.itemId, value: assessmentScores.value })
      .from(assessmentScores)
      .where(and(eq(assessmentScores.districtId, districtId), eq(assessmentScores.administrationId, id)));
    const results = computeResults(
      await versionSections(tx, districtId, row.versionId),
      version!.scalePoints,
      new Map(scores.map((s) => [s.itemId, s.value])),
    );
    await tx
      .update(assessmentAdministrations)
      .set({
        results,
        totalPct: results.total.pct,
        // The item the team is on is decided once its consensus is recorded (its votes lock).
        ...(stillOpen.currentItemId === itemId ? { currentItemState: 'decided' } : {}),
        liveRevision: sql`${assessmentAdministrations.liveRevision} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(assessmentAdministrations.id, id), eq(assessmentAdministrations.districtId, districtId)));
    await recordAudit(tx, ctx, {
      action: 'assessment_score.record',
      entityType: 'assessment_administration',
      entityId: id,
      before: before ? { itemId, value: before.value, note: before.note } : null,
      after: { itemId, value: input.value, note: input.note },
    });
    return true;
  });
  if (!written) {
    const [now] = await current();
    throw conflict(now);
  }
  return administrationView(ctx, id);
}

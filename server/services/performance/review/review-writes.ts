import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AcknowledgeInput,
  ReflectionInput,
  ReopenReviewInput,
  Review,
  UpdateReviewInput,
  VersionOnly,
} from '../../../../common/schemas/performance-review.ts';
import type { Executor } from '../../../db/client.ts';
import { evidence, performancePlans, planGoals, planRatings } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit.ts';
import { loadReadablePlan, type PlanRow, type ReadablePlan } from '../access.ts';
import { refreshCompletion } from '../completion.ts';
import { cycleOf } from './header.ts';
import { getReview, reviewAbilities, snapshotCriteria } from './review.ts';
import { overallRating } from './score.ts';

type Ability = keyof ReturnType<typeof reviewAbilities>;
const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

/**
 * One write on a plan's review: checks the caller may (403) and the version they saw (409 with the
 * current review), then in one transaction applies `write`, bumps the version, audits and recounts
 * the completion summary of the plan's cycle and school.
 */
async function writeReview(
  ctx: Ctx,
  planId: string,
  version: number,
  ability: Ability,
  action: string,
  write: (tx: Executor, row: PlanRow, readable: ReadablePlan) => Promise<Partial<typeof performancePlans.$inferInsert>>,
  reason?: string,
): Promise<Review> {
  const readable = await loadReadablePlan(ctx, planId);
  if (!reviewAbilities(ctx, readable)[ability]) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadReadablePlan(ctx, planId, tx);
    if (row.version !== version) throw conflict(await getReview(ctx, planId, tx));
    const changes = await write(tx, row, readable);
    const [after] = await tx
      .update(performancePlans)
      .set({ ...changes, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(performancePlans.id, row.id), eq(performancePlans.version, row.version)))
      .returning();
    if (!after) throw conflict(await getReview(ctx, planId, tx));
    const picked = (r: PlanRow) => ({
      status: r.status,
      reviewSummary: r.reviewSummary,
      overallScore: r.overallScore,
      overallLabel: r.overallLabel,
      personReflection: r.personReflection,
      reviewedAt: r.reviewedAt,
      acknowledgedAt: r.acknowledgedAt,
      acknowledgmentResponse: r.acknowledgmentResponse,
    });
    await recordAudit(tx, ctx, {
      action,
      entityType: 'performance_plan',
      entityId: row.id,
      before: picked(row),
      after: { ...picked(after), reason },
    });
    await refreshCompletion(tx, ctx.actor.districtId, row.cycleId, row.orgUnitId);
  });
  return getReview(ctx, planId);
}

/** The overall score and label from the evaluator's ratings now stored. */
async function rescore(tx: Executor, row: PlanRow) {
  const cycle = await cycleOf(tx, row);
  const ratings = await tx
    .select({ itemId: planRatings.itemId, score: planRatings.levelScore })
    .from(planRatings)
    .where(and(eq(planRatings.planId, row.id), eq(planRatings.rater, 'evaluator')));
  const { score, label } = overallRating(cycle.ratingMethod, ratings);
  return { overallScore: score, overallLabel: label };
}

/**
 * The supervisor saves (part of) the review: ratings per criterion of the plan's rubric snapshot (a
 * level outside the criterion's levels, or a criterion outside the snapshot: 400), goal ratings
 * (this plan's goals only) and the summary. Made for autosave: only what is sent changes.
 */
export async function updateReview(ctx: Ctx, planId: string, input: z.infer<typeof UpdateReviewInput>) {
  return writeReview(ctx, planId, input.version, 'edit', 'performance.review.update', async (tx, row) => {
    const criteria = await snapshotCriteria(tx, row);
    for (const [i, r] of (input.ratings ?? []).entries()) {
      const criterion = criteria.find((c) => c.itemId === r.itemId);
      if (!criterion) throw invalid(`ratings.${i}.itemId`, 'Not a criterion of this plan’s rubric');
      const level = r.scaleLevelId === null ? null : criterion.levels.find((l) => l.scaleLevelId === r.scaleLevelId);
      if (level === undefined) throw invalid(`ratings.${i}.scaleLevelId`, 'Not a level of this criterion');
      await tx
        .insert(planRatings)
        .values({
          districtId: row.districtId,
          planId: row.id,
          itemId: r.itemId,
          rater: 'evaluator',
          scaleLevelId: level?.scaleLevelId ?? null,
          levelScore: level?.score ?? null,
          comment: r.comment,
          ratedByUserId: ctx.actor.userId,
        })
        .onConflictDoUpdate({
          target: [planRatings.planId, planRatings.itemId, planRatings.rater],
          set: {
            scaleLevelId: level?.scaleLevelId ?? null,
            levelScore: level?.score ?? null,
            comment: r.comment,
            ratedByUserId: ctx.actor.userId,
            updatedAt: new Date(),
          },
        });
    }
    for (const [i, g] of (input.goals ?? []).entries()) {
      const [updated] = await tx
        .update(planGoals)
        .set({ rating: g.rating, ratingComment: g.comment, updatedAt: new Date() })
        .where(and(eq(planGoals.id, g.goalId), eq(planGoals.planId, row.id), eq(planGoals.districtId, row.districtId)))
        .returning({ id: planGoals.id });
      if (!updated) throw invalid(`goals.${i}.goalId`, 'Not a goal of this plan');
    }
    return { ...(input.summary !== undefined && { reviewSummary: input.summary }), ...(await rescore(tx, row)) };
  });
}

/** The supervisor completes the review: status reviewed; each rating becomes evidence of source manager_review. */
export async function completeReview(ctx: Ctx, planId: string, input: z.infer<typeof VersionOnly>) {
  return writeReview(ctx, planId, input.version, 'complete', 'performance.review.complete', async (tx, row) => {
    const criteria = await snapshotCriteria(tx, row);
    const ratings = await tx
      .select()
      .from(planRatings)
      .where(and(eq(planRatings.planId, row.id), eq(planRatings.rater, 'evaluator')));
    const unrated = criteria.filter((c) => !ratings.some((r) => r.itemId === c.itemId && r.scaleLevelId));
    if (unrated.length > 0)
      throw new AppError(
        'validation_failed',
        'Rate every competency before completing the review',
        unrated.map((c) => ({ path: `ratings.${c.itemId}`, message: 'unrated' })),
      );
    const now = new Date();
    const rated = ratings.filter((r) => r.scaleLevelId);
    if (rated.length > 0)
      await tx.insert(evidence).values(
        rated.map((r) => ({
          districtId: row.districtId,
          personId: row.personId,
          itemId: r.itemId,
          scaleLevelId: r.scaleLevelId,
          levelScore: r.levelScore,
          source: 'manager_review',
          sourceId: row.id,
          observedAt: now,
          recordedByUserId: ctx.actor.userId,
        })),
      );
    return { status: 'reviewed', reviewedAt: now, ...(await rescore(tx, row)) };
  });
}

/** The person writes their reflection on the year (before or after the review is completed). */
export async function saveReflection(ctx: Ctx, planId: string, input: z.infer<typeof ReflectionInput>) {
  return writeReview(ctx, planId, input.version, 'reflect', 'performance.review.reflect', async () => ({
    personReflection: input.personReflection,
  }));
}

/** The person acknowledges the completed review, with an optional response. Acknowledging is not agreeing. */
export async function acknowledgeReview(ctx: Ctx, planId: string, input: z.infer<typeof AcknowledgeInput>) {
  return writeReview(ctx, planId, input.version, 'acknowledge', 'performance.review.acknowledge', async () => ({
    status: 'acknowledged',
    acknowledgedAt: new Date(),
    acknowledgmentResponse: input.response?.trim() || null,
  }));
}

/** A supervisor reopens a completed review with a reason: back to signed, the acknowledgment cleared. */
export async function reopenReview(ctx: Ctx, planId: string, input: z.infer<typeof ReopenReviewInput>) {
  return writeReview(
    ctx,
    planId,
    input.version,
    'reopen',
    'performance.review.reopen',
    async () => ({ status: 'signed', reviewedAt: null, acknowledgedAt: null, acknowledgmentResponse: null }),
    input.reason,
  );
}

import type { CoachingSystemReview, CoachingSystemReviewInput } from '../../../../common/schemas/initiative-coaching.ts';
import { coachingSystemReviews } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { invalidField } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit.ts';
import { coachingAccess } from './access.ts';

type ReviewRow = typeof coachingSystemReviews.$inferSelect;

export const presentReview = (r: ReviewRow): CoachingSystemReview => ({
  id: r.id,
  reviewedOn: r.reviewedOn,
  fidelityFindings: r.fidelityFindings,
  observationFindings: r.observationFindings,
  satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
  decisions: r.decisions,
});

/**
 * POST /api/initiatives/:id/coaching/reviews: records a review of the coaching system (three a
 * year) against fidelity, coach observations and satisfaction, with its decisions. Not in the future.
 */
export async function addCoachingSystemReview(ctx: Ctx, initiativeId: string, input: CoachingSystemReviewInput) {
  const access = await coachingAccess(ctx, initiativeId);
  if (input.reviewedOn > access.today) throw invalidField('reviewedOn', 'in the future');
  const values = {
    reviewedOn: input.reviewedOn,
    fidelityFindings: input.fidelityFindings.trim(),
    observationFindings: input.observationFindings.trim(),
    satisfaction: input.satisfaction,
    decisions: input.decisions.trim(),
  };
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(coachingSystemReviews)
      .values({ districtId: ctx.actor.districtId, initiativeId: access.initiative.id, createdBy: ctx.actor.userId, ...values })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'coaching_system_review',
      entityId: created!.id,
      action: 'coaching_system_review.create',
      after: values,
    });
    return created!;
  });
  return presentReview(row);
}

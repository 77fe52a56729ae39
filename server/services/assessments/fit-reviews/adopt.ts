import { and, eq, isNull, sql } from 'drizzle-orm';
import { ADOPTABLE_RECOMMENDATIONS, type FitRecommendation } from '../../../../common/fit-reviews.ts';
import type { FitAdoptInput, FitReviewDetail } from '../../../../common/schemas/fit-reviews.ts';
import {
  assessmentAdministrations,
  fitCandidates,
  initiatives,
  initiativeSchools,
  initiativeStageMoves,
  initiativeStages,
  orgUnits,
} from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, invalidState } from '../../../lib/errors.ts';
import { canManageInitiatives } from '../../../policies/implementation.ts';
import { recordAudit } from '../../audit.ts';
import { loadCandidate, loadFitReview } from './load.ts';
import { fitReviewView } from './read.ts';

/**
 * POST /api/assessments/fit-reviews/:id/candidates/:candidateId/adopt: the team recommended this
 * candidate (adopt or adapt), and someone who creates initiatives adopts it. In one transaction:
 * the initiative (the candidate's name and vendor, the review's need), its stage at the review's
 * school or the district at exploration with the review as the stage's first evidence, the school
 * covered, the candidate's administration attached to the initiative, all audited. Once only
 * (409); a candidate recommended not to adopt, or with no recommendation, is never adopted (409).
 */

class AlreadyAdopted extends Error {}

export async function adoptCandidate(ctx: Ctx, reviewId: string, candidateId: string, input: FitAdoptInput): Promise<FitReviewDetail> {
  const { row: review } = await loadFitReview(ctx, reviewId);
  const candidate = await loadCandidate(ctx, review, candidateId);
  if (!canManageInitiatives(ctx.actor)) throw forbidden();
  if (candidate.initiativeId) throw invalidState('This candidate is already adopted', { initiativeId: candidate.initiativeId });
  if (!ADOPTABLE_RECOMMENDATIONS.includes(candidate.recommendation as FitRecommendation))
    throw invalidState('Only a candidate the team recommended to adopt or adapt can be adopted');
  if (candidate.version !== input.version) throw conflict(await fitReviewView(ctx, reviewId));
  const districtId = ctx.actor.districtId;
  const [unit] = await ctx.db
    .select({ type: orgUnits.type })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.id, review.orgUnitId)));

  try {
    await ctx.db.transaction(async (tx) => {
      const [initiative] = await tx
        .insert(initiatives)
        .values({
          districtId,
          name: input.name ?? candidate.name,
          purpose: input.purpose ?? review.need,
          need: review.need,
          partnerName: candidate.vendor || null,
          createdBy: ctx.actor.userId,
        })
        .returning();
      const id = initiative!.id;
      const [adopted] = await tx
        .update(fitCandidates)
        .set({
          initiativeId: id,
          adoptedBy: ctx.actor.userId,
          adoptedAt: new Date(),
          version: sql`${fitCandidates.version} + 1`,
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(fitCandidates.id, candidate.id),
            eq(fitCandidates.districtId, districtId),
            eq(fitCandidates.version, input.version),
            isNull(fitCandidates.initiativeId),
          ),
        )
        .returning();
      if (!adopted) throw new AlreadyAdopted();
      if (unit?.type === 'school') await tx.insert(initiativeSchools).values({ districtId, initiativeId: id, orgUnitId: review.orgUnitId });
      const [stage] = await tx
        .insert(initiativeStages)
        .values({ districtId, initiativeId: id, orgUnitId: review.orgUnitId, stage: 'exploration' })
        .returning({ id: initiativeStages.id });
      await tx.insert(initiativeStageMoves).values({
        districtId,
        initiativeId: id,
        orgUnitId: review.orgUnitId,
        fromStage: null,
        toStage: 'exploration',
        evidence: candidate.rationale || review.title,
        movedBy: ctx.actor.userId,
      });
      await tx
        .update(assessmentAdministrations)
        .set({ initiativeId: id, version: sql`${assessmentAdministrations.version} + 1`, updatedAt: new Date() })
        .where(and(eq(assessmentAdministrations.districtId, districtId), eq(assessmentAdministrations.id, candidate.administrationId)));
      await recordAudit(tx, ctx, [
        { action: 'initiative.create', entityType: 'initiative', entityId: id, after: initiative },
        {
          action: 'initiative_stage.move',
          entityType: 'initiative_stage',
          entityId: stage!.id,
          after: { initiativeId: id, orgUnitId: review.orgUnitId, stage: 'exploration', fitReviewId: review.id },
        },
        { action: 'fit_candidate.adopt', entityType: 'fit_candidate', entityId: candidate.id, before: candidate, after: adopted },
      ]);
    });
  } catch (err) {
    if (err instanceof AlreadyAdopted) throw conflict(await fitReviewView(ctx, reviewId));
    throw err;
  }
  return fitReviewView(ctx, reviewId);
}

import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  assessmentInstruments,
  assessmentVersions,
  fitCandidates,
  fitReviews,
  implementationTeams,
  orgUnits,
} from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { isHrOrAdmin } from '../../../policies/app.ts';
import { canReadAssessments, onDistrictTeam, type AssessmentReach } from '../../../policies/assessments.ts';
import { canReadFitReview, type FitReviewAccess } from '../../../policies/fit-reviews.ts';
import { loadReach } from '../load.ts';

/** Loading fit reviews and their candidates: the caller's district and reach, else 404. */

export type FitReviewRow = typeof fitReviews.$inferSelect;
export type FitCandidateRow = typeof fitCandidates.$inferSelect;

const columns = {
  r: fitReviews,
  orgUnitName: orgUnits.name,
  teamName: implementationTeams.name,
  instrumentName: assessmentInstruments.name,
  versionNumber: assessmentVersions.versionNumber,
  targetPct: assessmentVersions.targetPct,
};

/** Reviews with the names they show, under `where`. */
export function selectFitReviews(db: Executor, where: SQL | undefined) {
  const r = fitReviews;
  return db
    .select(columns)
    .from(r)
    .innerJoin(orgUnits, and(eq(orgUnits.id, r.orgUnitId), eq(orgUnits.districtId, r.districtId)))
    .innerJoin(assessmentInstruments, and(eq(assessmentInstruments.id, r.instrumentId), eq(assessmentInstruments.districtId, r.districtId)))
    .innerJoin(assessmentVersions, and(eq(assessmentVersions.id, r.versionId), eq(assessmentVersions.districtId, r.districtId)))
    .leftJoin(implementationTeams, and(eq(implementationTeams.id, r.teamId), eq(implementationTeams.districtId, r.districtId)))
    .where(where);
}
export type LoadedFitReview = Awaited<ReturnType<typeof selectFitReviews>>[number];

export const fitAccess = (r: FitReviewRow): FitReviewAccess => ({ orgUnitId: r.orgUnitId, teamId: r.teamId, createdBy: r.createdBy });

/** The reviews the caller may read, as a SQL condition (HR, admins and the district team: all). */
export function readableFitReviews(ctx: Ctx, reach: AssessmentReach): SQL | undefined {
  if (isHrOrAdmin(ctx.actor) || onDistrictTeam(reach)) return undefined;
  const teamIds = reach.memberships.map((m) => m.teamId);
  return or(
    eq(fitReviews.createdBy, ctx.actor.userId),
    ctx.actor.leaderOrgUnitIds.length ? inArray(fitReviews.orgUnitId, ctx.actor.leaderOrgUnitIds) : undefined,
    teamIds.length ? inArray(fitReviews.teamId, teamIds) : undefined,
  );
}

export interface FitReviewContext {
  loaded: LoadedFitReview;
  row: FitReviewRow;
  reach: AssessmentReach;
}

/** A review the caller may read, else 404 (another district's, outside the caller's reach, a guest). */
export async function loadFitReview(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<FitReviewContext> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Fit review');
  const [[loaded], reach] = await Promise.all([
    selectFitReviews(db, and(eq(fitReviews.districtId, ctx.actor.districtId), eq(fitReviews.id, id))),
    loadReach(ctx, db),
  ]);
  if (!loaded || !canReadFitReview(ctx.actor, fitAccess(loaded.r), reach)) throw notFound('Fit review');
  return { loaded, row: loaded.r, reach };
}

/** A candidate of this review (never one of another review or district), else 404. */
export async function loadCandidate(ctx: Ctx, review: FitReviewRow, candidateId: string, db: Executor = ctx.db): Promise<FitCandidateRow> {
  const [row] = await db
    .select()
    .from(fitCandidates)
    .where(
      and(eq(fitCandidates.districtId, ctx.actor.districtId), eq(fitCandidates.reviewId, review.id), eq(fitCandidates.id, candidateId)),
    );
  if (!row) throw notFound('Candidate');
  return row;
}

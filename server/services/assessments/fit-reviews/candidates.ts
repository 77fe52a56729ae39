import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { ADMINISTRATION_ROLE_FOR_TEAM_ROLE, type AdministrationRole } from '../../../../common/assessments.ts';
import { FIT_REVIEW_LIMITS } from '../../../../common/fit-reviews.ts';
import type {
  FitCandidateInput,
  FitCandidateUpdateInput,
  FitRecommendationInput,
  FitReviewDetail,
} from '../../../../common/schemas/fit-reviews.ts';
import type { Executor } from '../../../db/client.ts';
import {
  assessmentAdministrations,
  assessmentAttendees,
  fitCandidates,
  fitReviews,
  implementationTeamMembers,
  users,
} from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, invalidState } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit.ts';
import { districtToday } from '../../coaching/refs.ts';
import { insertAdministration } from '../administration-writes.ts';
import { loadCandidate, type FitCandidateRow, type FitReviewRow } from './load.ts';
import { fitReviewView } from './read.ts';
import { loadForEdit, requireOpen } from './write.ts';

/**
 * A review's candidates: adding one starts its administration of the review's version (by the
 * review's team, with the attendees of the previous candidate or else the team's current members;
 * without a team, the person who started the review scores alone), editing its details, and the
 * team's recommendation with its rationale.
 */

type Attendee = { personId: string; role: AdministrationRole };

/** Who attends a new candidate's administration: as for the last candidate, else the team's current members. */
async function attendeesFor(tx: Executor, ctx: Ctx, review: FitReviewRow, today: string): Promise<Attendee[]> {
  const districtId = ctx.actor.districtId;
  const [last] = await tx
    .select({ administrationId: fitCandidates.administrationId })
    .from(fitCandidates)
    .where(and(eq(fitCandidates.districtId, districtId), eq(fitCandidates.reviewId, review.id)))
    .orderBy(desc(fitCandidates.position))
    .limit(1);
  if (last) {
    const rows = await tx
      .select({ personId: assessmentAttendees.personId, role: assessmentAttendees.role })
      .from(assessmentAttendees)
      .where(and(eq(assessmentAttendees.districtId, districtId), eq(assessmentAttendees.administrationId, last.administrationId)));
    return rows.map((r) => ({ personId: r.personId, role: r.role as AdministrationRole }));
  }
  if (!review.teamId) return [];
  const members = await tx
    .select({ personId: implementationTeamMembers.personId, role: implementationTeamMembers.role })
    .from(implementationTeamMembers)
    .where(
      and(
        eq(implementationTeamMembers.districtId, districtId),
        eq(implementationTeamMembers.teamId, review.teamId),
        sql`${implementationTeamMembers.startsOn} <= ${today}`,
        sql`(${implementationTeamMembers.endsOn} is null or ${implementationTeamMembers.endsOn} > ${today})`,
      ),
    );
  const seen = new Set<string>();
  return members.flatMap((m) => {
    if (seen.has(m.personId)) return [];
    seen.add(m.personId);
    return [{ personId: m.personId, role: ADMINISTRATION_ROLE_FOR_TEAM_ROLE[m.role] ?? 'voting_member' }];
  });
}

/** Without a team, the person who started the review scores every candidate alone (whoever adds it, if that account is gone). */
async function soloPerson(tx: Executor, ctx: Ctx, review: FitReviewRow): Promise<string> {
  if (!review.createdBy) return ctx.actor.personId;
  const [creator] = await tx
    .select({ personId: users.personId })
    .from(users)
    .where(and(eq(users.districtId, ctx.actor.districtId), eq(users.id, review.createdBy)));
  return creator?.personId ?? ctx.actor.personId;
}

/** POST /api/assessments/fit-reviews/:id/candidates */
export async function addCandidate(ctx: Ctx, reviewId: string, input: FitCandidateInput): Promise<FitReviewDetail> {
  const { row: review } = await loadForEdit(ctx, reviewId);
  requireOpen(review);
  const districtId = ctx.actor.districtId;
  const { today } = await districtToday(ctx.db, districtId);
  await ctx.db.transaction(async (tx) => {
    // The review's row lock makes concurrent adds take turns for the next position.
    const [locked] = await tx
      .select({ status: fitReviews.status })
      .from(fitReviews)
      .where(and(eq(fitReviews.districtId, districtId), eq(fitReviews.id, reviewId)))
      .for('update');
    if (locked?.status !== 'open') throw invalidState('This fit review is decided: reopen it first');
    const [{ n, top }] = (await tx
      .select({ n: sql<number>`count(*)::int`, top: sql<number>`coalesce(max(${fitCandidates.position}), 0)::int` })
      .from(fitCandidates)
      .where(and(eq(fitCandidates.districtId, districtId), eq(fitCandidates.reviewId, reviewId)))) as [{ n: number; top: number }];
    if (n >= FIT_REVIEW_LIMITS.candidates) throw invalidState(`A fit review weighs at most ${FIT_REVIEW_LIMITS.candidates} candidates`);
    const attendees = await attendeesFor(tx, ctx, review, today);
    const administrationId = await insertAdministration(
      tx,
      ctx,
      {
        instrumentId: review.instrumentId,
        versionId: review.versionId,
        teamId: review.teamId,
        soloPersonId: review.teamId ? null : await soloPerson(tx, ctx, review),
        orgUnitId: review.orgUnitId,
        title: input.name,
        heldOn: today,
      },
      attendees,
    );
    const [row] = await tx
      .insert(fitCandidates)
      .values({ districtId, reviewId, position: top + 1, ...input, administrationId })
      .returning();
    await recordAudit(tx, ctx, { action: 'fit_candidate.create', entityType: 'fit_candidate', entityId: row!.id, after: row });
  });
  return fitReviewView(ctx, reviewId);
}

class StaleWrite extends Error {}

/** Writes `set` over the candidate at `expected` with its audit row; 409 with the review when someone wrote first. */
async function writeCandidate(
  ctx: Ctx,
  before: FitCandidateRow,
  expected: number,
  action: string,
  set: Partial<typeof fitCandidates.$inferInsert>,
  also?: (tx: Executor) => Promise<void>,
) {
  if (before.version !== expected) throw conflict(await fitReviewView(ctx, before.reviewId));
  try {
    await ctx.db.transaction(async (tx) => {
      const [after] = await tx
        .update(fitCandidates)
        .set({ ...set, version: sql`${fitCandidates.version} + 1`, updatedAt: new Date() })
        .where(
          and(
            eq(fitCandidates.id, before.id),
            eq(fitCandidates.districtId, ctx.actor.districtId),
            eq(fitCandidates.version, expected),
            isNull(fitCandidates.initiativeId),
          ),
        )
        .returning();
      if (!after) throw new StaleWrite();
      await also?.(tx);
      await recordAudit(tx, ctx, { action, entityType: 'fit_candidate', entityId: before.id, before, after });
    });
  } catch (err) {
    if (err instanceof StaleWrite) throw conflict(await fitReviewView(ctx, before.reviewId));
    throw err;
  }
  return fitReviewView(ctx, before.reviewId);
}

/** PATCH /api/assessments/fit-reviews/:id/candidates/:candidateId: name, kind, vendor, notes (the administration's title follows the name). */
export async function updateCandidate(ctx: Ctx, reviewId: string, candidateId: string, input: FitCandidateUpdateInput) {
  const { row: review } = await loadForEdit(ctx, reviewId);
  const candidate = await loadCandidate(ctx, review, candidateId);
  requireOpen(review);
  if (candidate.initiativeId) throw invalidState('This candidate is adopted: its details stay as they were');
  const { version, ...fields } = input;
  return writeCandidate(ctx, candidate, version, 'fit_candidate.update', fields, async (tx) => {
    if (fields.name === undefined || fields.name === candidate.name) return;
    await tx
      .update(assessmentAdministrations)
      .set({ title: fields.name, version: sql`${assessmentAdministrations.version} + 1`, updatedAt: new Date() })
      .where(
        and(eq(assessmentAdministrations.districtId, ctx.actor.districtId), eq(assessmentAdministrations.id, candidate.administrationId)),
      );
  });
}

/** PUT /api/assessments/fit-reviews/:id/candidates/:candidateId/recommendation: the team's call, recorded with who and when. */
export async function recordRecommendation(ctx: Ctx, reviewId: string, candidateId: string, input: FitRecommendationInput) {
  const { row: review } = await loadForEdit(ctx, reviewId);
  const candidate = await loadCandidate(ctx, review, candidateId);
  requireOpen(review);
  if (candidate.initiativeId) throw invalidState('This candidate is adopted: its recommendation stays as it was');
  const recorded = input.recommendation !== null;
  return writeCandidate(ctx, candidate, input.version, recorded ? 'fit_candidate.recommend' : 'fit_candidate.clear_recommendation', {
    recommendation: input.recommendation,
    rationale: input.rationale,
    recommendedBy: recorded ? ctx.actor.userId : null,
    recommendedAt: recorded ? new Date() : null,
  });
}

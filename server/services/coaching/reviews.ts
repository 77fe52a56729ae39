import { and, asc, eq } from 'drizzle-orm';
import type {
  AcknowledgeCoachingPlanReviewInput,
  CoachingPlanReview,
  CoachingPlanReviewList,
  CreateCoachingPlanReviewInput,
  UpdateCoachingPlanReviewInput,
} from '../../../common/schemas/coaching-reviews.ts';
import type { Executor } from '../../db/client.ts';
import { coachingPlanReviews, coachingPlans } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { coachingView, type CoachingAccessInput } from '../../policies/coaching.ts';
import { recordAudit } from '../audit.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { heldDatesOfPlans, phaseOn, planDelivery } from './delivery.ts';
import { membersOfPlans } from './members.ts';
import { loadPlanRow, type PlanRow } from './plans.ts';
import { districtToday, invalid, personRefs, unknownPerson } from './refs.ts';

type ReviewRow = typeof coachingPlanReviews.$inferSelect;

interface PlanAccess {
  row: PlanRow;
  memberIds: string[];
  access: CoachingAccessInput;
  view: 'full' | 'summary';
}

/** The plan and what the actor sees of its reviews; a plan they may not read is 404. */
async function planAccess(ctx: Ctx, planId: string, db: Executor = ctx.db): Promise<PlanAccess> {
  const row = await loadPlanRow(ctx, planId, db);
  const memberIds = (await membersOfPlans(db, ctx.actor.districtId, [planId])).get(planId) ?? [];
  const units = await currentOrgUnitsOf(db, ctx.actor.districtId, memberIds);
  const access = {
    districtId: row.districtId,
    coachPersonId: row.coachPersonId,
    coacheeIds: memberIds,
    coacheeOrgUnitIds: memberIds.flatMap((id) => units.get(id) ?? []),
  };
  const view = coachingView(ctx.actor, access);
  if (view === 'none') throw notFound('Coaching plan');
  return { row, memberIds, access, view };
}

/** The review dates of a plan that are past (before `today`) with no review recorded. */
export function overdueDates(reviewDates: string[], reviewed: string[], today: string, status: string): string[] {
  if (status !== 'active') return [];
  return reviewDates.filter((d) => d < today && !reviewed.includes(d));
}

async function presentReviews(ctx: Ctx, plan: PlanAccess, rows: ReviewRow[], db: Executor): Promise<CoachingPlanReview[]> {
  const names = await personRefs(
    db,
    ctx.actor.districtId,
    rows.flatMap((r) => [r.recordedByPersonId, r.acknowledgedByPersonId ?? r.recordedByPersonId]),
  );
  const isCoach = plan.row.coachPersonId === ctx.actor.personId;
  const isMember = plan.memberIds.includes(ctx.actor.personId);
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    view: plan.view,
    reviewDate: r.reviewDate,
    plannedSessions: r.plannedSessions,
    deliveredSessions: r.deliveredSessions,
    followed: r.followed as CoachingPlanReview['followed'],
    decision: r.decision as CoachingPlanReview['decision'],
    ...(plan.view === 'full' ? { dataNotes: r.dataNotes, nextSteps: r.nextSteps, coacheeNote: r.coacheeNote } : {}),
    recordedBy: names.get(r.recordedByPersonId) ?? unknownPerson(r.recordedByPersonId),
    recordedAt: r.createdAt.toISOString(),
    acknowledgedBy: r.acknowledgedByPersonId ? (names.get(r.acknowledgedByPersonId) ?? unknownPerson(r.acknowledgedByPersonId)) : null,
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    version: r.version,
    abilities: { edit: isCoach, acknowledge: isMember },
  }));
}

async function reviewRows(ctx: Ctx, planId: string, db: Executor) {
  return db
    .select()
    .from(coachingPlanReviews)
    .where(and(eq(coachingPlanReviews.districtId, ctx.actor.districtId), eq(coachingPlanReviews.planId, planId)))
    .orderBy(asc(coachingPlanReviews.reviewDate));
}

/** A plan's recorded reviews, its overdue review dates and the next one due. */
export async function listReviews(ctx: Ctx, planId: string): Promise<CoachingPlanReviewList> {
  const plan = await planAccess(ctx, planId);
  const rows = await reviewRows(ctx, planId, ctx.db);
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  const reviewed = rows.map((r) => r.reviewDate);
  return {
    items: await presentReviews(ctx, plan, rows, ctx.db),
    overdueDates: overdueDates(plan.row.reviewDates, reviewed, today, plan.row.status),
    nextDue: plan.row.reviewDates.find((d) => d >= today && !reviewed.includes(d)) ?? null,
    canRecord: plan.row.coachPersonId === ctx.actor.personId,
  };
}

async function reviewView(ctx: Ctx, plan: PlanAccess, reviewId: string, db: Executor): Promise<CoachingPlanReview> {
  const row = await loadReview(ctx, plan.row.id, reviewId, db);
  return (await presentReviews(ctx, plan, [row], db))[0]!;
}

async function loadReview(ctx: Ctx, planId: string, reviewId: string, db: Executor): Promise<ReviewRow> {
  const [row] = await db
    .select()
    .from(coachingPlanReviews)
    .where(
      and(
        eq(coachingPlanReviews.id, reviewId),
        eq(coachingPlanReviews.districtId, ctx.actor.districtId),
        eq(coachingPlanReviews.planId, planId),
      ),
    );
  if (!row) throw notFound('Coaching plan review');
  return row;
}

/** What a decision does to the plan: `end` closes it; `fade` starts its next phase today (if it has one later). */
function planAfterDecision(row: PlanRow, decision: string, today: string): Partial<PlanRow> | null {
  if (decision === 'end') return row.status === 'closed' ? null : { status: 'closed' };
  if (decision !== 'fade') return null;
  const phases = [...row.phases].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const current = phaseOn(phases, today);
  const next = phases.find((p) => p.startsOn > today);
  if (!next || (current && current.startsOn === today) || today < row.startsOn) return null;
  return { phases: phases.map((p) => (p === next ? { ...p, startsOn: today } : p)) };
}

/** The plan's coach records the review of one of its review dates; planned vs delivered to that date is kept. */
export async function createReview(ctx: Ctx, planId: string, input: CreateCoachingPlanReviewInput): Promise<CoachingPlanReview> {
  const plan = await planAccess(ctx, planId);
  if (plan.row.coachPersonId !== ctx.actor.personId) throw forbidden('Only the plan’s coach records its reviews');
  if (!plan.row.reviewDates.includes(input.reviewDate)) throw invalid('reviewDate', 'Pick one of the plan’s review dates');
  const { timeZone, today } = await districtToday(ctx.db, ctx.actor.districtId);
  const held = await heldDatesOfPlans(ctx.db, ctx.actor.districtId, timeZone, [{ ...plan.row, memberIds: plan.memberIds }]);
  const delivery = planDelivery(plan.row, held.get(planId) ?? [], input.reviewDate);
  const id = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: coachingPlanReviews.id })
      .from(coachingPlanReviews)
      .where(
        and(
          eq(coachingPlanReviews.districtId, ctx.actor.districtId),
          eq(coachingPlanReviews.planId, planId),
          eq(coachingPlanReviews.reviewDate, input.reviewDate),
        ),
      );
    if (existing)
      throw new AppError('conflict', 'This review date already has a review', { current: await reviewView(ctx, plan, existing.id, tx) });
    const [row] = await tx
      .insert(coachingPlanReviews)
      .values({
        districtId: ctx.actor.districtId,
        planId,
        reviewDate: input.reviewDate,
        plannedSessions: delivery.plannedToDate,
        deliveredSessions: delivery.deliveredToDate,
        followed: input.followed,
        decision: input.decision,
        dataNotes: input.dataNotes,
        nextSteps: input.nextSteps,
        recordedByPersonId: ctx.actor.personId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'coaching_plan_review.create',
      entityType: 'coaching_plan_review',
      entityId: row!.id,
      after: row,
    });
    const change = planAfterDecision(plan.row, input.decision, today);
    if (change) {
      const [updated] = await tx
        .update(coachingPlans)
        .set({ ...change, version: plan.row.version + 1, updatedAt: new Date() })
        .where(and(eq(coachingPlans.id, planId), eq(coachingPlans.districtId, ctx.actor.districtId)))
        .returning();
      await recordAudit(tx, ctx, {
        action: 'coaching_plan.update',
        entityType: 'coaching_plan',
        entityId: planId,
        before: plan.row,
        after: updated,
      });
    }
    return row!.id;
  });
  return reviewView(ctx, plan, id, ctx.db);
}

/** The coach corrects a review; the coachee's acknowledgement is cleared (they acknowledge what it now says). */
export async function updateReview(
  ctx: Ctx,
  planId: string,
  reviewId: string,
  input: UpdateCoachingPlanReviewInput,
): Promise<CoachingPlanReview> {
  const plan = await planAccess(ctx, planId);
  const current = await loadReview(ctx, planId, reviewId, ctx.db);
  if (plan.row.coachPersonId !== ctx.actor.personId) throw forbidden('Only the plan’s coach edits its reviews');
  if (current.version !== input.version) throw conflict(await reviewView(ctx, plan, reviewId, ctx.db));
  const { version, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(coachingPlanReviews)
      .set({ ...fields, acknowledgedByPersonId: null, acknowledgedAt: null, version: version + 1, updatedAt: new Date() })
      .where(
        and(
          eq(coachingPlanReviews.id, reviewId),
          eq(coachingPlanReviews.districtId, ctx.actor.districtId),
          eq(coachingPlanReviews.version, version),
        ),
      )
      .returning();
    if (!updated) throw conflict(await reviewView(ctx, plan, reviewId, tx));
    await recordAudit(tx, ctx, {
      action: 'coaching_plan_review.update',
      entityType: 'coaching_plan_review',
      entityId: reviewId,
      before: current,
      after: updated,
    });
  });
  return reviewView(ctx, plan, reviewId, ctx.db);
}

/** A plan member acknowledges the review with their note (agreeing, or saying what they see differently). */
export async function acknowledgeReview(
  ctx: Ctx,
  planId: string,
  reviewId: string,
  input: AcknowledgeCoachingPlanReviewInput,
): Promise<CoachingPlanReview> {
  const plan = await planAccess(ctx, planId);
  const current = await loadReview(ctx, planId, reviewId, ctx.db);
  if (!plan.memberIds.includes(ctx.actor.personId)) throw forbidden('Only the coachee acknowledges a review');
  if (current.version !== input.version) throw conflict(await reviewView(ctx, plan, reviewId, ctx.db));
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(coachingPlanReviews)
      .set({
        coacheeNote: input.note,
        acknowledgedByPersonId: ctx.actor.personId,
        acknowledgedAt: new Date(),
        version: input.version + 1,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(coachingPlanReviews.id, reviewId),
          eq(coachingPlanReviews.districtId, ctx.actor.districtId),
          eq(coachingPlanReviews.version, input.version),
        ),
      )
      .returning();
    if (!updated) throw conflict(await reviewView(ctx, plan, reviewId, tx));
    await recordAudit(tx, ctx, {
      action: 'coaching_plan_review.acknowledge',
      entityType: 'coaching_plan_review',
      entityId: reviewId,
      before: current,
      after: updated,
    });
  });
  return reviewView(ctx, plan, reviewId, ctx.db);
}

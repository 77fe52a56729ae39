import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { ACTIVE_ACTION_ITEM_STATUSES } from '../../../common/action-plans.ts';
import type {
  ActionPlanItemDetail,
  CreateActionPlanItemInput,
  CreateReviewInput,
  MeetingActionReview,
  UpdateActionPlanItemInput,
} from '../../../common/schemas/action-plans.ts';
import type { Executor } from '../../db/client.ts';
import {
  actionPlanItems,
  actionPlanReviews,
  actionPlans,
  implementationActionItems,
  implementationMeetings,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, invalidField, invalidState } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { dateIn, districtToday } from '../coaching/refs.ts';
import { loadMeeting } from '../implementation/teams/meetings.ts';
import { requireDistrictPeople } from '../implementation/teams/members.ts';
import { loadItem, loadPlan, presentItems, requireEditor, teamAccess } from './load.ts';
import { assertSource, sourceRefOf } from './sources.ts';

/**
 * Action plan items (the problem-solving protocol's record) and their progress reviews. Every id in
 * a body is checked against the caller's district and the plan's team: the owner (`ownerId`), the
 * source (`source.id`), the promoted action item (`actionItemId`) and a review's meeting (`meetingId`).
 */

type ReviewRow = typeof actionPlanReviews.$inferSelect;

async function presentReviews(db: Executor, districtId: string, rows: ReviewRow[]) {
  const meetingIds = [...new Set(rows.map((r) => r.meetingId).filter((id): id is string => !!id))];
  const meetings = meetingIds.length
    ? await db
        .select({ id: implementationMeetings.id, meetsAt: implementationMeetings.meetsAt })
        .from(implementationMeetings)
        .where(and(eq(implementationMeetings.districtId, districtId), inArray(implementationMeetings.id, meetingIds)))
    : [];
  const byId = new Map(meetings.map((m) => [m.id, { id: m.id, meetsAt: m.meetsAt.toISOString() }]));
  return rows.map((r) => ({
    id: r.id,
    reviewedOn: r.reviewedOn,
    note: r.note,
    meeting: r.meetingId ? (byId.get(r.meetingId) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** GET /api/action-plans/:planId/items/:itemId: the item with its reviews, oldest first. */
export async function itemView(ctx: Ctx, planId: string, itemId: string, db: Executor = ctx.db): Promise<ActionPlanItemDetail> {
  const { plan, today, edit } = await loadPlan(ctx, planId, db);
  const item = await loadItem(ctx, planId, itemId, db);
  const reviews = await db
    .select()
    .from(actionPlanReviews)
    .where(and(eq(actionPlanReviews.districtId, ctx.actor.districtId), eq(actionPlanReviews.itemId, itemId)))
    .orderBy(asc(actionPlanReviews.reviewedOn), asc(actionPlanReviews.createdAt));
  const [presented] = await presentItems(db, ctx.actor.districtId, [item], today, edit);
  return {
    ...presented!,
    plan: { id: plan.id, title: plan.title },
    reviews: await presentReviews(db, ctx.actor.districtId, reviews),
  };
}

/** The meeting action item of the plan's team being promoted, else a 400 naming `actionItemId`. */
async function assertActionItem(ctx: Ctx, teamId: string, id: string) {
  const [row] = await ctx.db
    .select({ id: implementationActionItems.id })
    .from(implementationActionItems)
    .where(
      and(
        eq(implementationActionItems.id, id),
        eq(implementationActionItems.teamId, teamId),
        eq(implementationActionItems.districtId, ctx.actor.districtId),
      ),
    );
  if (!row) throw invalidField('actionItemId', "not an action item of this plan's team");
}

/** POST /api/action-plans/:planId/items: every protocol step answered, the owner a person of the district. */
export async function createItem(ctx: Ctx, planId: string, input: CreateActionPlanItemInput): Promise<ActionPlanItemDetail> {
  const access = await loadPlan(ctx, planId);
  requireEditor(access);
  if (!access.plan.active) throw invalidState('This action plan is closed', { code: 'plan_closed' });
  await requireDistrictPeople(ctx, [input.ownerId], 'ownerId');
  await assertSource(ctx, access, input.source);
  if (input.actionItemId) await assertActionItem(ctx, access.plan.teamId, input.actionItemId);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(actionPlanItems)
      .values({
        districtId: ctx.actor.districtId,
        planId,
        teamId: access.plan.teamId,
        problem: input.problem,
        sourceKind: input.source.kind,
        sourceId: input.source.id,
        sourceRef: sourceRefOf(input.source),
        rootCauses: input.rootCauses,
        strategy: input.strategy,
        ownerPersonId: input.ownerId,
        dueOn: input.dueOn,
        measure: input.measure,
        reviewOn: input.reviewOn,
        actionItemId: input.actionItemId ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'action_plan_item.create', entityType: 'action_plan_item', entityId: row!.id, after: row });
    return row!.id;
  });
  return itemView(ctx, planId, id);
}

/** PATCH /api/action-plans/:planId/items/:itemId: the fields given and the status; 409 with the current item on a stale version. */
export async function updateItem(
  ctx: Ctx,
  planId: string,
  itemId: string,
  input: UpdateActionPlanItemInput,
): Promise<ActionPlanItemDetail> {
  const access = await loadPlan(ctx, planId);
  const item = await loadItem(ctx, planId, itemId);
  requireEditor(access);
  if (item.version !== input.version) throw conflict(await itemView(ctx, planId, itemId));
  const { version, ownerId, ...rest } = input;
  if (ownerId) await requireDistrictPeople(ctx, [ownerId], 'ownerId');
  const set = { ...rest, ...(ownerId ? { ownerPersonId: ownerId } : {}) };
  const written = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(actionPlanItems)
      .set({ ...set, version: version + 1, updatedAt: new Date() })
      .where(
        and(eq(actionPlanItems.id, itemId), eq(actionPlanItems.districtId, ctx.actor.districtId), eq(actionPlanItems.version, version)),
      )
      .returning();
    if (!row) return false;
    await recordAudit(tx, ctx, {
      action: set.status && set.status !== item.status ? `action_plan_item.${set.status}` : 'action_plan_item.update',
      entityType: 'action_plan_item',
      entityId: itemId,
      before: item,
      after: row,
    });
    return true;
  });
  if (!written) throw conflict(await itemView(ctx, planId, itemId));
  return itemView(ctx, planId, itemId);
}

/**
 * POST /api/action-plans/:planId/items/:itemId/reviews: a dated progress note, optionally at a
 * meeting of the plan's team (a meeting of another team: 400 naming `meetingId`). Not in the future.
 */
export async function addReview(ctx: Ctx, planId: string, itemId: string, input: CreateReviewInput): Promise<ActionPlanItemDetail> {
  const access = await loadPlan(ctx, planId);
  await loadItem(ctx, planId, itemId);
  requireEditor(access);
  if (input.reviewedOn > access.today) throw invalidField('reviewedOn', 'not in the future');
  if (input.meetingId) {
    const [meeting] = await ctx.db
      .select({ id: implementationMeetings.id })
      .from(implementationMeetings)
      .where(
        and(
          eq(implementationMeetings.id, input.meetingId),
          eq(implementationMeetings.teamId, access.plan.teamId),
          eq(implementationMeetings.districtId, ctx.actor.districtId),
        ),
      );
    if (!meeting) throw invalidField('meetingId', "not a meeting of this plan's team");
  }
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(actionPlanReviews)
      .values({
        districtId: ctx.actor.districtId,
        itemId,
        reviewedOn: input.reviewedOn,
        note: input.note,
        meetingId: input.meetingId ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'action_plan_review.create', entityType: 'action_plan_item', entityId: itemId, after: row });
  });
  return itemView(ctx, planId, itemId);
}

/**
 * GET /api/implementation-teams/:id/meetings/:meetingId/action-plan-review: the team's active items
 * (of active plans) whose review date has come by the meeting's day, and the reviews recorded at it.
 */
export async function meetingActionReview(ctx: Ctx, teamId: string, meetingId: string): Promise<MeetingActionReview> {
  const access = await teamAccess(ctx, teamId);
  const { meeting } = await loadMeeting(ctx, teamId, meetingId);
  const districtId = ctx.actor.districtId;
  const { timeZone } = await districtToday(ctx.db, districtId);
  const meetingDay = dateIn(timeZone, meeting.meetsAt);
  const [due, reviews] = await Promise.all([
    ctx.db
      .select({ item: actionPlanItems, planTitle: actionPlans.title })
      .from(actionPlanItems)
      .innerJoin(actionPlans, and(eq(actionPlans.id, actionPlanItems.planId), eq(actionPlans.districtId, actionPlanItems.districtId)))
      .where(
        and(
          eq(actionPlanItems.districtId, districtId),
          eq(actionPlanItems.teamId, teamId),
          eq(actionPlans.active, true),
          inArray(actionPlanItems.status, [...ACTIVE_ACTION_ITEM_STATUSES]),
          lte(actionPlanItems.reviewOn, meetingDay),
        ),
      )
      .orderBy(asc(actionPlanItems.reviewOn), asc(actionPlanItems.dueOn))
      .limit(200),
    ctx.db
      .select({ review: actionPlanReviews, problem: actionPlanItems.problem })
      .from(actionPlanReviews)
      .innerJoin(
        actionPlanItems,
        and(eq(actionPlanItems.id, actionPlanReviews.itemId), eq(actionPlanItems.districtId, actionPlanReviews.districtId)),
      )
      .where(and(eq(actionPlanReviews.districtId, districtId), eq(actionPlanReviews.meetingId, meetingId)))
      .orderBy(asc(actionPlanReviews.createdAt)),
  ]);
  const items = await presentItems(
    ctx.db,
    districtId,
    due.map((d) => d.item),
    access.today,
    access.edit,
  );
  const presentedReviews = await presentReviews(
    ctx.db,
    districtId,
    reviews.map((r) => r.review),
  );
  return {
    due: items.map((item, i) => ({ ...item, planTitle: due[i]!.planTitle })),
    reviewed: presentedReviews.map((r, i) => ({ ...r, itemId: reviews[i]!.review.itemId, problem: reviews[i]!.problem })),
  };
}

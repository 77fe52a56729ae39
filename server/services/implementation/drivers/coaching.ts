import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { addMonths } from '../../../../common/clock.ts';
import type {
  AssignInitiativeCoachingInput,
  CoachingAssignment,
  InitiativeCoaching,
  UpdateInitiativeCoachingInput,
} from '../../../../common/schemas/initiative-coaching.ts';
import type { Executor } from '../../../db/client.ts';
import { coachingPlans, coachingSystemReviews, initiativeCoaching } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, invalidField, notFound } from '../../../lib/errors.ts';
import { canManageInitiativeCoaching } from '../../../policies/drivers.ts';
import { recordAudit } from '../../audit.ts';
import { markDashboardStale } from '../../dashboards/freshness.ts';
import { focusItemRefs, personRefs, unknownPerson } from '../../coaching/refs.ts';
import { assertProfileItems, type InitiativeRow } from '../initiative.ts';
import { coachingAccess, initiativeRef, loadDriverAccess } from './access.ts';
import { assertCoachingPlan, peopleCoverage, profileComponents } from './coverage.ts';
import { presentReview } from './reviews.ts';

type AssignmentRow = typeof initiativeCoaching.$inferSelect;

/** Months after the last coaching-system review before the next is due (three reviews a year). */
export const REVIEW_DUE_MONTHS = 4;

async function presentAssignments(ctx: Ctx, rows: AssignmentRow[]): Promise<CoachingAssignment[]> {
  const districtId = ctx.actor.districtId;
  const names = await personRefs(
    ctx.db,
    districtId,
    rows.flatMap((r) => [r.coachPersonId, r.personId]),
  );
  const items = await focusItemRefs(
    ctx.db,
    districtId,
    rows.map((r) => r.itemId),
  );
  const planIds = [...new Set(rows.flatMap((r) => (r.coachingPlanId ? [r.coachingPlanId] : [])))];
  const plans = new Map(
    planIds.length === 0
      ? []
      : (
          await ctx.db
            .select({ id: coachingPlans.id, title: coachingPlans.title })
            .from(coachingPlans)
            .where(and(eq(coachingPlans.districtId, districtId), inArray(coachingPlans.id, planIds)))
        ).map((p) => [p.id, p]),
  );
  return rows.map((r) => ({
    id: r.id,
    coach: names.get(r.coachPersonId) ?? unknownPerson(r.coachPersonId),
    person: names.get(r.personId) ?? unknownPerson(r.personId),
    item: r.itemId ? (items.get(r.itemId) ?? null) : null,
    coachingPlan: r.coachingPlanId ? (plans.get(r.coachingPlanId) ?? null) : null,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    version: r.version,
  }));
}

async function assignmentRows(ctx: Ctx, initiativeId: string, ids?: string[]) {
  return ctx.db
    .select()
    .from(initiativeCoaching)
    .where(
      and(
        eq(initiativeCoaching.districtId, ctx.actor.districtId),
        eq(initiativeCoaching.initiativeId, initiativeId),
        ids ? inArray(initiativeCoaching.id, ids) : undefined,
      ),
    )
    .orderBy(asc(initiativeCoaching.coachPersonId), desc(initiativeCoaching.startsOn), asc(initiativeCoaching.id));
}

/** GET /api/initiatives/:id/coaching: who coaches whom on which component, the reviews, and whether one is due. */
export async function listInitiativeCoaching(ctx: Ctx, initiativeId: string): Promise<InitiativeCoaching> {
  const access = await loadDriverAccess(ctx, initiativeId);
  const rows = await assignmentRows(ctx, access.initiative.id);
  const reviews = await ctx.db
    .select()
    .from(coachingSystemReviews)
    .where(and(eq(coachingSystemReviews.districtId, ctx.actor.districtId), eq(coachingSystemReviews.initiativeId, access.initiative.id)))
    .orderBy(desc(coachingSystemReviews.reviewedOn), desc(coachingSystemReviews.createdAt));
  const last = reviews[0]?.reviewedOn ?? null;
  const due = !last || last < addMonths(access.today, -REVIEW_DUE_MONTHS) ? { lastReviewedOn: last } : null;
  return {
    initiative: initiativeRef(access.initiative),
    items: await presentAssignments(ctx, rows),
    reviews: reviews.map(presentReview),
    due,
    components: await profileComponents(ctx, access.initiative),
    abilities: access.abilities,
  };
}

export interface PlannedAssignment {
  coachPersonId: string;
  personId: string;
  itemId: string | null;
  coachingPlanId: string | null;
  startsOn: string;
  endsOn: string | null;
}

/** Assignments already held with the same coach, person, component and start (re-sending changes nothing). */
export async function heldKeys(ctx: Ctx, initiative: InitiativeRow, coachIds: string[]): Promise<Set<string>> {
  if (coachIds.length === 0) return new Set();
  const rows = await ctx.db
    .select()
    .from(initiativeCoaching)
    .where(and(eq(initiativeCoaching.initiativeId, initiative.id), inArray(initiativeCoaching.coachPersonId, [...new Set(coachIds)])));
  return new Set(rows.map(assignmentKey));
}

export const assignmentKey = (a: Pick<PlannedAssignment, 'coachPersonId' | 'personId' | 'itemId' | 'startsOn'>) =>
  `${a.coachPersonId}|${a.personId}|${a.itemId ?? ''}|${a.startsOn}`;

/** Inserts the assignments with their audit rows; returns their ids. */
export async function insertAssignments(ctx: Ctx, tx: Executor, initiative: InitiativeRow, planned: PlannedAssignment[]) {
  if (planned.length === 0) return [];
  const rows = await tx
    .insert(initiativeCoaching)
    .values(planned.map((p) => ({ districtId: ctx.actor.districtId, initiativeId: initiative.id, ...p })))
    .returning();
  await recordAudit(
    tx,
    ctx,
    rows.map((r) => ({
      entityType: 'initiative_coaching',
      entityId: r.id,
      action: 'initiative_coaching.create',
      after: { initiativeId: initiative.id, coachPersonId: r.coachPersonId, personId: r.personId, itemId: r.itemId, startsOn: r.startsOn },
    })),
  );
  await markDashboardStale(tx, ctx.actor.districtId, [initiative.id]);
  return rows.map((r) => r.id);
}

/**
 * POST /api/initiatives/:id/coaching: one coach, many people. Every person must be of the district
 * and on the staff of a school the initiative covers; the component one of its profile; the plan,
 * when given, this coach's and holding each person. Already held (same coach, person, component and
 * start): unchanged.
 */
export async function assignInitiativeCoaching(ctx: Ctx, initiativeId: string, input: AssignInitiativeCoachingInput) {
  const { initiative } = await coachingAccess(ctx, initiativeId);
  if (input.endsOn && input.endsOn < input.startsOn) throw invalidField('endsOn', 'before the start');
  const found = await peopleCoverage(ctx, initiative, [input.coachPersonId, ...input.personIds]);
  if (!found.has(input.coachPersonId)) throw invalidField('coachPersonId', 'not a person of this district');
  input.personIds.forEach((id, i) => {
    const person = found.get(id);
    if (!person) throw invalidField(`personIds.${i}`, 'not a person of this district');
    if (id === input.coachPersonId) throw invalidField(`personIds.${i}`, 'a coach cannot coach themselves');
    if (!person.covered) throw invalidField(`personIds.${i}`, 'not on the staff of a school this initiative covers');
  });
  if (input.itemId) await assertProfileItems(ctx, initiative, [input.itemId], 'itemId');
  const personIds = [...new Set(input.personIds)];
  if (input.coachingPlanId) await assertCoachingPlan(ctx, input.coachingPlanId, input.coachPersonId, personIds);
  const held = await heldKeys(ctx, initiative, [input.coachPersonId]);
  const planned = personIds
    .map((personId) => ({ ...input, personId }))
    .map(({ coachPersonId, personId, itemId, coachingPlanId, startsOn, endsOn }) => ({
      coachPersonId,
      personId,
      itemId,
      coachingPlanId,
      startsOn,
      endsOn,
    }));
  const toWrite = planned.filter((p) => !held.has(assignmentKey(p)));
  await ctx.db.transaction((tx) => insertAssignments(ctx, tx, initiative, toWrite));
  return { created: toWrite.length, unchanged: planned.length - toWrite.length };
}

/**
 * PUT /api/initiatives/:id/coaching/:assignmentId: the next component, another plan link, new
 * dates or an end. A stale version answers 409 with the current assignment.
 */
export async function updateInitiativeCoaching(ctx: Ctx, initiativeId: string, assignmentId: string, input: UpdateInitiativeCoachingInput) {
  const access = await loadDriverAccess(ctx, initiativeId);
  const [row] = await assignmentRows(ctx, access.initiative.id, [assignmentId]);
  if (!row) throw notFound('Coaching assignment');
  if (!canManageInitiativeCoaching(ctx.actor, access.facts)) throw forbidden('You may not change initiative coaching');
  const current = async () => (await presentAssignments(ctx, await assignmentRows(ctx, access.initiative.id, [assignmentId])))[0]!;
  if (row.version !== input.version) throw conflict(await current());
  if (input.endsOn && input.endsOn < input.startsOn) throw invalidField('endsOn', 'before the start');
  if (input.itemId) await assertProfileItems(ctx, access.initiative, [input.itemId], 'itemId');
  if (input.coachingPlanId) await assertCoachingPlan(ctx, input.coachingPlanId, row.coachPersonId, [row.personId]);
  const set = { itemId: input.itemId, coachingPlanId: input.coachingPlanId, startsOn: input.startsOn, endsOn: input.endsOn };
  const done = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(initiativeCoaching)
      .set({ ...set, version: sql`${initiativeCoaching.version} + 1`, updatedAt: new Date() })
      .where(and(eq(initiativeCoaching.id, row.id), eq(initiativeCoaching.version, input.version)))
      .returning({ id: initiativeCoaching.id });
    if (!updated) return false;
    await recordAudit(tx, ctx, {
      entityType: 'initiative_coaching',
      entityId: row.id,
      action: 'initiative_coaching.update',
      before: { itemId: row.itemId, coachingPlanId: row.coachingPlanId, startsOn: row.startsOn, endsOn: row.endsOn },
      after: set,
    });
    await markDashboardStale(tx, ctx.actor.districtId, [access.initiative.id]);
    return true;
  });
  if (!done) throw conflict(await current());
  return current();
}

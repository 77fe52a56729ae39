import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { CoachingActivity } from '../../../common/coaching.ts';
import type {
  CoachingPlan,
  CoachingPlanQuery,
  CreateCoachingPlanInput,
  UpdateCoachingPlanInput,
} from '../../../common/schemas/coaching.ts';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { coachingPlanMembers, coachingPlans } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { canReadCoachingPlan } from '../../policies/coaching.ts';
import { recordAudit } from '../audit.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { defaultReviewDates, heldDatesOfPlans, planDelivery } from './delivery.ts';
import { membersOfPlans, setPlanMembers } from './members.ts';
import { checkFocusItems, districtToday, focusItemRefs, invalid, personRefs, requireCoachOf, unknownPerson } from './refs.ts';

export type PlanRow = typeof coachingPlans.$inferSelect;

export async function loadPlanRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<PlanRow> {
  const [row] = await db
    .select()
    .from(coachingPlans)
    .where(and(eq(coachingPlans.id, id), eq(coachingPlans.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Coaching plan');
  return row;
}

/** The plans the actor may read, presented with members, focus and planned versus delivered. */
export async function presentPlans(ctx: Ctx, rows: PlanRow[], db: Executor = ctx.db): Promise<CoachingPlan[]> {
  if (rows.length === 0) return [];
  const districtId = ctx.actor.districtId;
  const members = await membersOfPlans(
    db,
    districtId,
    rows.map((r) => r.id),
  );
  const allMembers = [...new Set([...members.values()].flat())];
  const units = await currentOrgUnitsOf(db, districtId, allMembers);
  const readable = rows.filter((r) => {
    const coacheeIds = members.get(r.id) ?? [];
    const coacheeOrgUnitIds = coacheeIds.flatMap((id) => units.get(id) ?? []);
    return canReadCoachingPlan(ctx.actor, { districtId: r.districtId, coachPersonId: r.coachPersonId, coacheeIds, coacheeOrgUnitIds });
  });
  if (readable.length === 0) return [];
  const names = await personRefs(db, districtId, [...allMembers, ...readable.map((r) => r.coachPersonId)]);
  const items = await focusItemRefs(
    db,
    districtId,
    readable.flatMap((r) => r.focusItemIds),
  );
  const { timeZone, today } = await districtToday(db, districtId);
  const held = await heldDatesOfPlans(
    db,
    districtId,
    timeZone,
    readable.map((r) => ({ id: r.id, startsOn: r.startsOn, endsOn: r.endsOn, phases: r.phases, memberIds: members.get(r.id) ?? [] })),
  );
  return readable.map((r) => ({
    id: r.id,
    coach: names.get(r.coachPersonId) ?? unknownPerson(r.coachPersonId),
    title: r.title,
    members: (members.get(r.id) ?? []).map((id) => names.get(id) ?? unknownPerson(id)),
    focusItems: r.focusItemIds.flatMap((id) => (items.has(id) ? [items.get(id)!] : [])),
    focusComponents: r.focusComponents,
    activities: r.activities as CoachingActivity[],
    sessionMinutes: r.sessionMinutes,
    phases: r.phases,
    reviewDates: r.reviewDates,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    status: r.status as CoachingPlan['status'],
    version: r.version,
    delivery: planDelivery(r, held.get(r.id) ?? [], today),
    abilities: { edit: r.coachPersonId === ctx.actor.personId },
  }));
}

export async function planView(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<CoachingPlan> {
  const [plan] = await presentPlans(ctx, [await loadPlanRow(ctx, id, db)], db);
  if (!plan) throw notFound('Coaching plan');
  return plan;
}

/** Plans of a person (as coach or member), or the actor's own (coaching or coached). */
export async function listPlans(ctx: Ctx, q: z.infer<typeof CoachingPlanQuery>) {
  const personId = q.personId ?? ctx.actor.personId;
  const memberOf = ctx.db
    .select({ id: coachingPlanMembers.planId })
    .from(coachingPlanMembers)
    .where(and(eq(coachingPlanMembers.districtId, ctx.actor.districtId), eq(coachingPlanMembers.personId, personId)));
  const where = [
    eq(coachingPlans.districtId, ctx.actor.districtId),
    or(eq(coachingPlans.coachPersonId, personId), inArray(coachingPlans.id, memberOf)),
  ];
  if (q.status !== 'all') where.push(eq(coachingPlans.status, q.status));
  const rows = await ctx.db
    .select()
    .from(coachingPlans)
    .where(and(...where))
    .orderBy(asc(coachingPlans.status), desc(coachingPlans.startsOn));
  return { items: await presentPlans(ctx, rows) };
}

type PlanShape = Pick<PlanRow, 'startsOn' | 'endsOn' | 'phases' | 'reviewDates'>;

/** Dates make sense: the span is ordered and each phase starts inside it. */
function checkPlanDates(plan: PlanShape) {
  if (plan.endsOn < plan.startsOn) throw invalid('endsOn', 'The plan must end on or after its start');
  plan.phases.forEach((p, i) => {
    if (p.startsOn < plan.startsOn || p.startsOn > plan.endsOn) throw invalid(`phases.${i}.startsOn`, 'Each phase starts within the plan');
  });
  if (new Set(plan.phases.map((p) => p.startsOn)).size !== plan.phases.length) throw invalid('phases', 'Two phases start on the same day');
}

const sortPhases = (phases: PlanRow['phases']) => [...phases].sort((a, b) => a.startsOn.localeCompare(b.startsOn));

export async function createPlan(ctx: Ctx, input: CreateCoachingPlanInput) {
  const memberIds = [...new Set(input.memberIds)];
  requireCoachOf(ctx, memberIds);
  const phases = sortPhases(input.phases.map((p) => ({ ...p, criterion: p.criterion ?? null })));
  const reviewDates = [...(input.reviewDates?.length ? input.reviewDates : defaultReviewDates(input.startsOn, input.endsOn))].sort();
  checkPlanDates({ startsOn: input.startsOn, endsOn: input.endsOn, phases, reviewDates });
  await checkFocusItems(ctx.db, ctx.actor.districtId, input.focusItemIds, 'focusItemIds');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(coachingPlans)
      .values({
        districtId: ctx.actor.districtId,
        coachPersonId: ctx.actor.personId,
        title: input.title,
        focusItemIds: [...new Set(input.focusItemIds)],
        focusComponents: input.focusComponents,
        activities: [...new Set(input.activities)],
        sessionMinutes: input.sessionMinutes,
        phases,
        reviewDates,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      })
      .returning();
    await setPlanMembers(tx, ctx, row!.id, memberIds);
    await recordAudit(tx, ctx, {
      action: 'coaching_plan.create',
      entityType: 'coaching_plan',
      entityId: row!.id,
      after: { ...row, memberIds },
    });
    return row!.id;
  });
  return planView(ctx, id);
}

/** Edits a plan (its coach only), members included; stale version -> 409 with the current plan. */
export async function updatePlan(ctx: Ctx, id: string, input: UpdateCoachingPlanInput) {
  const current = await planView(ctx, id);
  const row = await loadPlanRow(ctx, id);
  if (row.coachPersonId !== ctx.actor.personId) throw forbidden('Only the plan’s coach edits it');
  if (row.version !== input.version) throw conflict(current);
  const { version, memberIds, ...fields } = input;
  if (memberIds) requireCoachOf(ctx, [...new Set(memberIds)]);
  const next: PlanShape = {
    startsOn: fields.startsOn ?? row.startsOn,
    endsOn: fields.endsOn ?? row.endsOn,
    phases: fields.phases ? sortPhases(fields.phases.map((p) => ({ ...p, criterion: p.criterion ?? null }))) : row.phases,
    reviewDates: fields.reviewDates ? [...fields.reviewDates].sort() : row.reviewDates,
  };
  checkPlanDates(next);
  if (fields.focusItemIds) await checkFocusItems(ctx.db, ctx.actor.districtId, fields.focusItemIds, 'focusItemIds');
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(coachingPlans)
      .set({
        ...fields,
        ...next,
        ...(fields.focusItemIds ? { focusItemIds: [...new Set(fields.focusItemIds)] } : {}),
        ...(fields.activities ? { activities: [...new Set(fields.activities)] } : {}),
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(coachingPlans.id, id), eq(coachingPlans.version, version)))
      .returning();
    if (!updated) throw conflict(await planView(ctx, id, tx));
    if (memberIds) await setPlanMembers(tx, ctx, id, [...new Set(memberIds)]);
    await recordAudit(tx, ctx, {
      action: 'coaching_plan.update',
      entityType: 'coaching_plan',
      entityId: id,
      before: row,
      after: { ...updated, memberIds },
    });
  });
  return planView(ctx, id);
}

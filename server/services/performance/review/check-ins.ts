import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CheckIn, CheckInList, UpdateCheckInInput } from '../../../../common/schemas/performance-review.ts';
import type { Executor } from '../../../db/client.ts';
import {
  frameworkItems,
  performanceCycleRubrics,
  performancePlans,
  planCheckIns,
  planFocusAreas,
  planGoals,
} from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../../lib/errors.ts';
import { supervisesPlan } from '../../../policies/performance.ts';
import { recordAudit } from '../../audit.ts';
import { districtToday } from '../../coaching/refs.ts';
import { refreshCompletion } from '../completion.ts';
import { loadReadablePlan, type PlanRow } from '../access.ts';
import { cycleOf, planHeader } from './header.ts';

type CheckInRow = typeof planCheckIns.$inferSelect;

/** Creates the plan's missing check-ins, one per date of its cycle (idempotent), and returns them in order. */
async function ensureCheckIns(db: Executor, row: PlanRow, dates: string[]): Promise<CheckInRow[]> {
  const existing = await db
    .select()
    .from(planCheckIns)
    .where(and(eq(planCheckIns.planId, row.id), eq(planCheckIns.districtId, row.districtId)))
    .orderBy(asc(planCheckIns.dueOn));
  const missing = [...new Set(dates)].filter((d) => !existing.some((c) => c.dueOn === d));
  if (missing.length === 0) return existing;
  const added = await db
    .insert(planCheckIns)
    .values(missing.map((dueOn) => ({ districtId: row.districtId, planId: row.id, dueOn })))
    .returning();
  return [...existing, ...added].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** Keeps `performance_plans.next_check_in_on` on the earliest check-in not held (the completion view counts overdue ones). */
export async function refreshNextCheckIn(db: Executor, row: PlanRow): Promise<string | null> {
  const [next] = await db
    .select({ dueOn: planCheckIns.dueOn })
    .from(planCheckIns)
    .where(and(eq(planCheckIns.planId, row.id), eq(planCheckIns.districtId, row.districtId), isNull(planCheckIns.heldOn)))
    .orderBy(asc(planCheckIns.dueOn))
    .limit(1);
  const nextOn = next?.dueOn ?? null;
  if (nextOn !== row.nextCheckInOn)
    await db.update(performancePlans).set({ nextCheckInOn: nextOn, updatedAt: new Date() }).where(eq(performancePlans.id, row.id));
  return nextOn;
}

/** The plan's goals and focus areas (titled by their competency), for progress rows. */
async function planItems(db: Executor, row: PlanRow) {
  const goals = await db
    .select({ id: planGoals.id, title: planGoals.title })
    .from(planGoals)
    .where(and(eq(planGoals.planId, row.id), eq(planGoals.districtId, row.districtId)))
    .orderBy(asc(planGoals.position));
  const areas = await db
    .select({
      id: planFocusAreas.id,
      itemId: planFocusAreas.itemId,
      statement: frameworkItems.fullStatement,
      code: frameworkItems.humanCode,
    })
    .from(planFocusAreas)
    .innerJoin(frameworkItems, eq(frameworkItems.id, planFocusAreas.itemId))
    .where(and(eq(planFocusAreas.planId, row.id), eq(planFocusAreas.districtId, row.districtId)))
    .orderBy(asc(planFocusAreas.position));
  let titles = new Map<string, string>();
  if (row.cycleRubricId) {
    const [snapshot] = await db
      .select({ criteria: performanceCycleRubrics.criteria })
      .from(performanceCycleRubrics)
      .where(eq(performanceCycleRubrics.id, row.cycleRubricId));
    titles = new Map((snapshot?.criteria ?? []).map((c) => [c.itemId, c.code ? `${c.code} ${c.title}` : c.title]));
  }
  return {
    goals,
    focusAreas: areas.map((a) => ({ id: a.id, title: titles.get(a.itemId) ?? (a.code ? `${a.code} ${a.statement}` : a.statement) })),
  };
}

const present = (c: CheckInRow, today: string): CheckIn => ({
  id: c.id,
  dueOn: c.dueOn,
  heldOn: c.heldOn,
  progress: c.progress.map((p) => ({ ...p, status: p.status as CheckIn['progress'][number]['status'] })),
  personNotes: c.personNotes,
  evaluatorNotes: c.evaluatorNotes,
  overdue: c.heldOn === null && c.dueOn < today,
  version: c.version,
});

/** The plan's check-ins (made from the cycle's dates on first read), for whoever may read the plan. */
export async function listCheckIns(ctx: Ctx, planId: string): Promise<CheckInList> {
  const { row, can, personOrgUnitIds } = await loadReadablePlan(ctx, planId);
  const cycle = await cycleOf(ctx.db, row);
  const items = await ctx.db.transaction(async (tx) => {
    const list = await ensureCheckIns(tx, row, cycle.checkInDates);
    await refreshNextCheckIn(tx, row);
    return list;
  });
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  const self = row.personId === ctx.actor.personId;
  const supervisor = supervisesPlan(ctx.actor, row, personOrgUnitIds);
  const [fresh] = await ctx.db.select().from(performancePlans).where(eq(performancePlans.id, row.id));
  return {
    plan: await planHeader(ctx, ctx.db, fresh!, cycle),
    ...(await planItems(ctx.db, row)),
    items: items.map((c) => present(c, today)),
    nextCheckInOn: fresh!.nextCheckInOn,
    abilities: { checkIn: can.checkIn, personNotes: can.checkIn && self, evaluatorNotes: can.checkIn && supervisor },
  };
}

const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

/**
 * Records a check-in: the person writes their notes, a supervisor theirs; either records progress
 * and marks it held. Progress names only this plan's goals and focus areas (400 otherwise); a stale
 * version answers 409 with the current check-in.
 */
export async function updateCheckIn(ctx: Ctx, planId: string, checkInId: string, input: UpdateCheckInInput): Promise<CheckIn> {
  const { row, can, personOrgUnitIds } = await loadReadablePlan(ctx, planId);
  if (!can.checkIn) throw forbidden('Check-ins open once the plan is signed');
  const self = row.personId === ctx.actor.personId;
  const supervisor = supervisesPlan(ctx.actor, row, personOrgUnitIds);
  if (input.personNotes !== undefined && !self) throw forbidden('Only the person writes their own notes');
  if (input.evaluatorNotes !== undefined && !supervisor) throw forbidden('Only the evaluator writes the evaluator notes');
  if (input.progress?.length) {
    const { goals, focusAreas } = await planItems(ctx.db, row);
    input.progress.forEach((p, i) => {
      if (p.goalId && !goals.some((g) => g.id === p.goalId)) throw invalid(`progress.${i}.goalId`, 'Not a goal of this plan');
      if (p.focusAreaId && !focusAreas.some((f) => f.id === p.focusAreaId))
        throw invalid(`progress.${i}.focusAreaId`, 'Not a focus area of this plan');
    });
  }
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  if (input.heldOn && input.heldOn > today) throw invalid('heldOn', 'A check-in cannot be held in the future');
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(planCheckIns)
      .where(and(eq(planCheckIns.id, checkInId), eq(planCheckIns.planId, row.id), eq(planCheckIns.districtId, ctx.actor.districtId)));
    if (!current) throw notFound('Check-in');
    if (current.version !== input.version) throw conflict(present(current, today));
    const changes = {
      ...(input.heldOn !== undefined && { heldOn: input.heldOn }),
      ...(input.progress !== undefined && { progress: input.progress }),
      ...(input.personNotes !== undefined && { personNotes: input.personNotes }),
      ...(input.evaluatorNotes !== undefined && { evaluatorNotes: input.evaluatorNotes }),
    };
    const [after] = await tx
      .update(planCheckIns)
      .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(planCheckIns.id, current.id), eq(planCheckIns.version, current.version)))
      .returning();
    if (!after) throw conflict(present(current, today));
    await refreshNextCheckIn(tx, row);
    await recordAudit(tx, ctx, {
      action: 'performance.check_in.update',
      entityType: 'plan_check_in',
      entityId: current.id,
      before: current,
      after,
    });
    await refreshCompletion(tx, ctx.actor.districtId, row.cycleId, row.orgUnitId);
    return present(after, today);
  });
}

import { and, asc, desc, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import { COACHING_CYCLE_PHASES, type CoachingCyclePhase } from '../../../common/coaching.ts';
import type {
  ChangeCyclePhaseInput,
  CoachingCycle,
  CoachingCycleDetail,
  CoachingCycleQuery,
  CreateCoachingCycleInput,
  UpdateCoachingCycleInput,
} from '../../../common/schemas/coaching.ts';
import type { Executor } from '../../db/client.ts';
import { coachingCycles, coachingLogs } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { coachingAbilities, coachingView } from '../../policies/coaching.ts';
import { recordAudit } from '../audit.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { presentLogs } from './logs.ts';
import { membersOfPlans } from './members.ts';
import { loadPlanRow } from './plans.ts';
import { checkFocusItems, districtToday, focusItemRefs, invalid, personRefs, requireCoachOf, unknownPerson } from './refs.ts';

export type CycleRow = typeof coachingCycles.$inferSelect;

export async function loadCycleRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<CycleRow> {
  const [row] = await db
    .select()
    .from(coachingCycles)
    .where(and(eq(coachingCycles.id, id), eq(coachingCycles.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Coaching cycle');
  return row;
}

/** Cycles the actor may see; the goal and outcome only in the full view (coach and coachee). */
export async function presentCycles(ctx: Ctx, rows: CycleRow[], db: Executor = ctx.db): Promise<CoachingCycle[]> {
  if (rows.length === 0) return [];
  const districtId = ctx.actor.districtId;
  const units = await currentOrgUnitsOf(db, districtId, [...new Set(rows.map((r) => r.coacheePersonId))]);
  const seen = rows.flatMap((row) => {
    const input = {
      districtId: row.districtId,
      coachPersonId: row.coachPersonId,
      coacheeIds: [row.coacheePersonId],
      coacheeOrgUnitIds: units.get(row.coacheePersonId) ?? [],
    };
    const view = coachingView(ctx.actor, input);
    return view === 'none' ? [] : [{ row, view, abilities: coachingAbilities(ctx.actor, input) }];
  });
  const names = await personRefs(
    db,
    districtId,
    seen.flatMap((s) => [s.row.coachPersonId, s.row.coacheePersonId]),
  );
  const items = await focusItemRefs(
    db,
    districtId,
    seen.map((s) => s.row.focusItemId),
  );
  return seen.map(({ row, view, abilities }) => ({
    id: row.id,
    view,
    planId: row.planId,
    coach: names.get(row.coachPersonId) ?? unknownPerson(row.coachPersonId),
    coachee: names.get(row.coacheePersonId) ?? unknownPerson(row.coacheePersonId),
    focusItem: row.focusItemId ? (items.get(row.focusItemId) ?? null) : null,
    phase: row.phase as CoachingCyclePhase,
    ...(view === 'full' ? { goal: row.goal, outcome: row.outcome } : {}),
    startedOn: row.startedOn,
    completedOn: row.completedOn,
    version: row.version,
    abilities: { edit: abilities.edit, rate: false, share: false },
  }));
}

export async function cycleView(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<CoachingCycle> {
  const [cycle] = await presentCycles(ctx, [await loadCycleRow(ctx, id, db)], db);
  if (!cycle) throw notFound('Coaching cycle');
  return cycle;
}

/** A cycle with its sessions (each in the view the actor has of it). */
export async function cycleDetail(ctx: Ctx, id: string): Promise<CoachingCycleDetail> {
  const cycle = await cycleView(ctx, id);
  const rows = await ctx.db
    .select()
    .from(coachingLogs)
    .where(and(eq(coachingLogs.districtId, ctx.actor.districtId), eq(coachingLogs.cycleId, id)))
    .orderBy(asc(coachingLogs.startsAt));
  return { ...cycle, logs: await presentLogs(ctx, rows) };
}

/** Cycles of a person (coach or coachee; default the actor), or of a plan. */
export async function listCycles(ctx: Ctx, q: z.infer<typeof CoachingCycleQuery>) {
  const where = [eq(coachingCycles.districtId, ctx.actor.districtId)];
  if (q.planId) where.push(eq(coachingCycles.planId, q.planId));
  else {
    const personId = q.personId ?? ctx.actor.personId;
    where.push(or(eq(coachingCycles.coachPersonId, personId), eq(coachingCycles.coacheePersonId, personId))!);
  }
  const rows = await ctx.db
    .select()
    .from(coachingCycles)
    .where(and(...where))
    .orderBy(desc(coachingCycles.startedOn), desc(coachingCycles.createdAt));
  return { items: await presentCycles(ctx, rows) };
}

/** The plan must be the actor's and include the coachee. */
export async function checkPlanFor(ctx: Ctx, planId: string | null | undefined, coacheeIds: string[], db: Executor = ctx.db) {
  if (!planId) return;
  const plan = await loadPlanRow(ctx, planId, db).catch(() => null);
  const members = plan ? ((await membersOfPlans(db, ctx.actor.districtId, [planId])).get(planId) ?? []) : [];
  if (!plan || plan.coachPersonId !== ctx.actor.personId || !coacheeIds.some((id) => members.includes(id))) {
    throw invalid('planId', 'Pick one of your plans for this coachee');
  }
}

export async function createCycle(ctx: Ctx, input: z.infer<typeof CreateCoachingCycleInput>) {
  requireCoachOf(ctx, [input.coacheeId]);
  await checkPlanFor(ctx, input.planId, [input.coacheeId]);
  await checkFocusItems(ctx.db, ctx.actor.districtId, [input.focusItemId], 'focusItemId');
  const startedOn = input.startedOn ?? (await districtToday(ctx.db, ctx.actor.districtId)).today;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(coachingCycles)
      .values({
        districtId: ctx.actor.districtId,
        coachPersonId: ctx.actor.personId,
        coacheePersonId: input.coacheeId,
        planId: input.planId,
        focusItemId: input.focusItemId,
        goal: input.goal,
        startedOn,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'coaching_cycle.create', entityType: 'coaching_cycle', entityId: row!.id, after: row });
    return row!.id;
  });
  return cycleDetail(ctx, id);
}

/** Loads the cycle for a write by its coach: 404 when unseen, 403 for others, 409 when stale. */
async function cycleForWrite(ctx: Ctx, id: string, version: number) {
  const current = await cycleView(ctx, id);
  const row = await loadCycleRow(ctx, id);
  if (row.coachPersonId !== ctx.actor.personId) throw forbidden('Only the cycle’s coach changes it');
  if (row.version !== version) throw conflict(current);
  return row;
}

async function writeCycle(ctx: Ctx, row: CycleRow, set: Partial<CycleRow>, action: string) {
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(coachingCycles)
      .set({ ...set, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(coachingCycles.id, row.id), eq(coachingCycles.version, row.version)))
      .returning();
    if (!updated) throw conflict(await cycleView(ctx, row.id, tx));
    await recordAudit(tx, ctx, { action, entityType: 'coaching_cycle', entityId: row.id, before: row, after: updated });
  });
  return cycleDetail(ctx, row.id);
}

export async function updateCycle(ctx: Ctx, id: string, input: z.infer<typeof UpdateCoachingCycleInput>) {
  const row = await cycleForWrite(ctx, id, input.version);
  const { version: _version, ...fields } = input;
  if (fields.planId !== undefined) await checkPlanFor(ctx, fields.planId, [row.coacheePersonId]);
  if (fields.focusItemId !== undefined) await checkFocusItems(ctx.db, ctx.actor.districtId, [fields.focusItemId], 'focusItemId');
  if (row.phase === 'complete' && fields.outcome !== undefined && !fields.outcome)
    throw invalid('outcome', 'A completed cycle keeps its outcome');
  return writeCycle(ctx, row, fields, 'coaching_cycle.update');
}

/** identify -> learn -> improve -> complete, one step forward or back; completing needs an outcome. */
export async function changeCyclePhase(ctx: Ctx, id: string, input: z.infer<typeof ChangeCyclePhaseInput>) {
  const row = await cycleForWrite(ctx, id, input.version);
  const from = COACHING_CYCLE_PHASES.indexOf(row.phase as CoachingCyclePhase);
  const to = COACHING_CYCLE_PHASES.indexOf(input.phase);
  if (Math.abs(to - from) !== 1) {
    throw invalidState(`A cycle moves one phase at a time (from ${row.phase})`, { phase: row.phase });
  }
  const outcome = input.outcome?.trim() || row.outcome;
  const set: Partial<CycleRow> = { phase: input.phase };
  if (input.phase === 'complete') {
    if (!outcome) throw invalid('outcome', 'Write the outcome to complete the cycle');
    set.outcome = outcome;
    set.completedOn = (await districtToday(ctx.db, ctx.actor.districtId)).today;
  } else {
    set.completedOn = null;
    if (input.outcome !== undefined) set.outcome = input.outcome.trim() || null;
  }
  return writeCycle(ctx, row, set, 'coaching_cycle.phase');
}

import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { performancePlans } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { canReadPlan, planAbilities, type PlanAbilities } from '../../policies/performance.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';

export type PlanRow = typeof performancePlans.$inferSelect;

/** A plan the caller may read, with the person's current org units and what the caller may do. */
export interface ReadablePlan {
  row: PlanRow;
  personOrgUnitIds: string[];
  can: PlanAbilities;
}

/** The plan row in the caller's district, else 404 (no read check). */
export async function loadPlanRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<PlanRow> {
  const [row] = await db
    .select()
    .from(performancePlans)
    .where(and(eq(performancePlans.id, id), eq(performancePlans.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Plan');
  return row;
}

/** Loads the plan and checks the caller may read it (else 404); every plan route starts here. */
export async function loadReadablePlan(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<ReadablePlan> {
  const row = await loadPlanRow(ctx, id, db);
  const personOrgUnitIds = (await currentOrgUnitsOf(db, ctx.actor.districtId, [row.personId])).get(row.personId) ?? [];
  if (!canReadPlan(ctx.actor, row, personOrgUnitIds)) throw notFound('Plan');
  return { row, personOrgUnitIds, can: planAbilities(ctx.actor, row, personOrgUnitIds) };
}

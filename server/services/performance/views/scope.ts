import { and, desc, eq } from 'drizzle-orm';
import { performanceCycles } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, notFound } from '../../../lib/errors.ts';
import { isHrOrAdmin } from '../../../policies/app.ts';
import { canViewCompletion } from '../../../policies/performance.ts';

export type CycleRow = typeof performanceCycles.$inferSelect;

/**
 * The cycle a district view reads, and the schools the caller sees: HR and admins the district
 * (`schools` null), school leaders their schools. Others 403; another district's cycle 404.
 */
export async function loadViewScope(ctx: Ctx, cycleId: string): Promise<{ cycle: CycleRow; schools: string[] | null }> {
  if (!canViewCompletion(ctx.actor)) throw forbidden();
  const [cycle] = await ctx.db
    .select()
    .from(performanceCycles)
    .where(and(eq(performanceCycles.id, cycleId), eq(performanceCycles.districtId, ctx.actor.districtId)));
  if (!cycle) throw notFound('Cycle');
  return { cycle, schools: isHrOrAdmin(ctx.actor) ? null : ctx.actor.leaderOrgUnitIds };
}

/** "Given Family" (the preferred name when there is one). */
export const fullName = (p: { givenName: string; familyName: string; preferredName?: string | null }) =>
  `${p.preferredName || p.givenName} ${p.familyName}`;

/** The district's cycles, newest first, for whoever may view completion (others 403). */
export async function viewCycles(ctx: Ctx) {
  if (!canViewCompletion(ctx.actor)) throw forbidden();
  const items = await ctx.db
    .select({
      id: performanceCycles.id,
      title: performanceCycles.title,
      schoolYear: performanceCycles.schoolYear,
      status: performanceCycles.status,
    })
    .from(performanceCycles)
    .where(eq(performanceCycles.districtId, ctx.actor.districtId))
    .orderBy(desc(performanceCycles.schoolYear), desc(performanceCycles.createdAt));
  return { items };
}

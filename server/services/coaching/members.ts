import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { coachingPlanMembers } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';

/** Members (coachee person ids) of each plan, keyed by plan. */
export async function membersOfPlans(db: Executor, districtId: string, planIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(planIds.map((id) => [id, []]));
  if (planIds.length === 0) return out;
  const rows = await db
    .select({ planId: coachingPlanMembers.planId, personId: coachingPlanMembers.personId })
    .from(coachingPlanMembers)
    .where(and(eq(coachingPlanMembers.districtId, districtId), inArray(coachingPlanMembers.planId, planIds)))
    .orderBy(asc(coachingPlanMembers.createdAt));
  for (const r of rows) out.get(r.planId)?.push(r.personId);
  return out;
}

/** Makes the plan's members exactly `personIds` (inside the caller's transaction). */
export async function setPlanMembers(tx: Executor, ctx: Ctx, planId: string, personIds: string[]) {
  const current = (await membersOfPlans(tx, ctx.actor.districtId, [planId])).get(planId) ?? [];
  const gone = current.filter((id) => !personIds.includes(id));
  const added = personIds.filter((id) => !current.includes(id));
  if (gone.length)
    await tx.delete(coachingPlanMembers).where(and(eq(coachingPlanMembers.planId, planId), inArray(coachingPlanMembers.personId, gone)));
  if (added.length) {
    await tx.insert(coachingPlanMembers).values(added.map((personId) => ({ districtId: ctx.actor.districtId, planId, personId })));
  }
}

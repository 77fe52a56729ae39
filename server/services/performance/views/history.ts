import { and, desc, eq } from 'drizzle-orm';
import type { PlanHistory } from '../../../../common/schemas/performance-views.ts';
import { people, performanceCycles, performancePlans } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { canReadPlan } from '../../../policies/performance.ts';
import { currentOrgUnitsOf } from '../../observations/role-rubric.ts';
import { fullName } from './scope.ts';

/**
 * Every plan of a person across years, newest first, that the caller may read (canReadPlan per
 * plan). A person the caller could read no plan of (nor would, had they one) is 404.
 */
export async function planHistory(ctx: Ctx, personId: string): Promise<PlanHistory> {
  const districtId = ctx.actor.districtId;
  const [person] = await ctx.db
    .select()
    .from(people)
    .where(and(eq(people.id, personId), eq(people.districtId, districtId)));
  if (!person) throw notFound('Person');
  const personOrgUnitIds = (await currentOrgUnitsOf(ctx.db, districtId, [personId])).get(personId) ?? [];
  const p = performancePlans;
  const rows = await ctx.db
    .select({
      plan: p,
      cycleTitle: performanceCycles.title,
      schoolYear: performanceCycles.schoolYear,
    })
    .from(p)
    .innerJoin(performanceCycles, eq(performanceCycles.id, p.cycleId))
    .where(and(eq(p.districtId, districtId), eq(p.personId, personId)))
    .orderBy(desc(performanceCycles.schoolYear), desc(p.createdAt));
  const readable = rows.filter((r) => canReadPlan(ctx.actor, r.plan, personOrgUnitIds));
  const wouldRead = canReadPlan(
    ctx.actor,
    { districtId, personId, evaluatorPersonId: null, orgUnitId: null, status: 'self_assessment' },
    personOrgUnitIds,
  );
  if (!readable.length && !wouldRead) throw notFound('Person');
  return {
    person: { id: person.id, name: fullName(person) },
    items: readable.map(({ plan, cycleTitle, schoolYear }) => ({
      planId: plan.id,
      cycleId: plan.cycleId,
      cycleTitle,
      schoolYear,
      status: plan.status,
      overallLabel: plan.overallLabel,
      reviewedAt: plan.reviewedAt?.toISOString() ?? null,
      acknowledgedAt: plan.acknowledgedAt?.toISOString() ?? null,
      leftOn: plan.leftOn,
    })),
  };
}

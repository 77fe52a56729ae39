import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { FocusItemRef } from '../../../../common/schemas/coaching.ts';
import { coachingPlanMembers, coachingPlans, frameworkItems, initiativeSchools, orgUnits } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { invalidField } from '../../../lib/errors.ts';
import { loadPeopleWithUnits } from '../../teams/people.ts';
import type { InitiativeRow } from '../initiative.ts';

/** The org units whose staff the initiative covers: its schools and the units under them. */
export async function coveredUnitIds(ctx: Ctx, initiative: InitiativeRow): Promise<Set<string>> {
  const schools = await ctx.db
    .select({ id: initiativeSchools.orgUnitId })
    .from(initiativeSchools)
    .where(and(eq(initiativeSchools.districtId, ctx.actor.districtId), eq(initiativeSchools.initiativeId, initiative.id)));
  const ids = schools.map((s) => s.id);
  if (ids.length === 0) return new Set();
  const units = await ctx.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, ctx.actor.districtId), or(inArray(orgUnits.id, ids), inArray(orgUnits.parentId, ids))));
  return new Set(units.map((u) => u.id));
}

/**
 * The people of the district among `ids` (active), each with whether they hold a current role at a
 * school the initiative covers.
 */
export async function peopleCoverage(ctx: Ctx, initiative: InitiativeRow, ids: string[]) {
  const found = await loadPeopleWithUnits(ctx.db, ctx.actor.districtId, ids);
  const covered = await coveredUnitIds(ctx, initiative);
  return new Map([...found].map(([id, p]) => [id, { ...p, covered: p.units.some((u) => covered.has(u)) }]));
}

/** The practice profile's components by their code (any case), for CSV rows. */
export async function profileItemsByCode(ctx: Ctx, initiative: InitiativeRow): Promise<Map<string, string>> {
  if (!initiative.profileVersionId) return new Map();
  const rows = await ctx.db
    .select({ id: frameworkItems.id, code: frameworkItems.humanCode })
    .from(frameworkItems)
    .where(and(eq(frameworkItems.districtId, ctx.actor.districtId), eq(frameworkItems.versionId, initiative.profileVersionId)));
  return new Map(rows.flatMap((r) => (r.code ? [[r.code.toLowerCase(), r.id] as [string, string]] : [])));
}

/**
 * Checks that the coaching plan is a plan of the caller's district led by `coachId` whose members
 * include every one of `personIds`; a 400 naming `field` otherwise.
 */
export async function assertCoachingPlan(ctx: Ctx, planId: string, coachId: string, personIds: string[], field = 'coachingPlanId') {
  const [plan] = await ctx.db
    .select({ coach: coachingPlans.coachPersonId })
    .from(coachingPlans)
    .where(and(eq(coachingPlans.id, planId), eq(coachingPlans.districtId, ctx.actor.districtId)));
  if (!plan) throw invalidField(field, 'not a coaching plan of this district');
  if (plan.coach !== coachId) throw invalidField(field, 'this coaching plan belongs to another coach');
  const members = await ctx.db
    .select({ personId: coachingPlanMembers.personId })
    .from(coachingPlanMembers)
    .where(and(eq(coachingPlanMembers.planId, planId), eq(coachingPlanMembers.districtId, ctx.actor.districtId)));
  const inPlan = new Set(members.map((m) => m.personId));
  if (personIds.some((id) => !inPlan.has(id))) throw invalidField(field, 'not everyone chosen is a member of this coaching plan');
}

/** The practice profile's items (its essential components), in framework order, to pick from. */
export async function profileComponents(ctx: Ctx, initiative: InitiativeRow): Promise<FocusItemRef[]> {
  if (!initiative.profileVersionId) return [];
  const rows = await ctx.db
    .select({
      id: frameworkItems.id,
      code: frameworkItems.humanCode,
      full: frameworkItems.fullStatement,
      short: frameworkItems.abbreviatedStatement,
    })
    .from(frameworkItems)
    .where(and(eq(frameworkItems.districtId, ctx.actor.districtId), eq(frameworkItems.versionId, initiative.profileVersionId)))
    .orderBy(asc(frameworkItems.humanCode), asc(frameworkItems.position));
  return rows.map((r) => ({ id: r.id, code: r.code, statement: r.short ?? r.full }));
}

import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CycleOptions, UnmatchedQuery } from '../../../../common/schemas/performance-cycles.ts';
import { schoolYearOf } from '../../../../common/schemas/settings.ts';
import {
  careerPathways,
  frameworkItems,
  orgUnits,
  pathwaySteps,
  people,
  performancePlans,
  rubricCriteria,
  rubrics,
} from '../../../db/schema/index.ts';
import { qualified } from '../../../db/qualified.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden } from '../../../lib/errors.ts';
import { canManagePerformance } from '../../../policies/performance.ts';
import { districtToday } from '../../coaching/refs.ts';
import { nameOf } from '../../evaluators/computed.ts';
import { publishedObservationVersionId } from '../../observations/role-rubric.ts';
import { loadCycle } from './cycles.ts';

/**
 * People in the cycle (still there) with no step and no roster role that maps to a rubric: HR
 * sees them by name, with their school and current roles, to place them on a step.
 */
export async function listUnmatched(ctx: Ctx, id: string, q: z.infer<typeof UnmatchedQuery>) {
  if (!canManagePerformance(ctx.actor)) throw forbidden();
  const cycle = await loadCycle(ctx, id);
  const where = and(
    eq(performancePlans.districtId, ctx.actor.districtId),
    eq(performancePlans.cycleId, cycle.id),
    isNull(performancePlans.cycleRubricId),
    isNull(performancePlans.leftOn),
  );
  const roles = sql<string[]>`coalesce((select array_agg(distinct ra.role order by ra.role) from role_assignments ra
    where ra.person_id = ${qualified(performancePlans.personId)} and ra.active
      and (ra.end_date is null or ra.end_date >= current_date)), '{}')`;
  const [rows, total] = await Promise.all([
    ctx.db
      .select({
        planId: performancePlans.id,
        person: { id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName },
        orgUnitName: orgUnits.name,
        roles,
      })
      .from(performancePlans)
      .innerJoin(people, eq(people.id, performancePlans.personId))
      .leftJoin(orgUnits, eq(orgUnits.id, performancePlans.orgUnitId))
      .where(where)
      .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.$count(performancePlans, where),
  ]);
  return {
    items: rows.map((r) => ({
      planId: r.planId,
      personId: r.person.id,
      name: nameOf(r.person),
      orgUnitName: r.orgUnitName,
      roles: r.roles,
    })),
    total,
  };
}

/** What the new-cycle form offers: active steps (and whether each has a rubric) and the competencies to weigh. */
export async function cycleOptions(ctx: Ctx): Promise<CycleOptions> {
  if (!canManagePerformance(ctx.actor)) throw forbidden();
  const districtId = ctx.actor.districtId;
  const versionId = await publishedObservationVersionId(ctx.db, districtId);
  const hasRubric = versionId
    ? sql<boolean>`exists (select 1 from rubrics r where r.step_id = ${qualified(pathwaySteps.id)} and r.version_id = ${versionId})`
    : sql<boolean>`false`;
  const [steps, competencies, { today }] = await Promise.all([
    ctx.db
      .select({ id: pathwaySteps.id, title: pathwaySteps.title, pathwayName: careerPathways.name, hasRubric })
      .from(pathwaySteps)
      .innerJoin(careerPathways, eq(careerPathways.id, pathwaySteps.pathwayId))
      .where(and(eq(pathwaySteps.districtId, districtId), eq(pathwaySteps.active, true)))
      .orderBy(asc(careerPathways.name), asc(pathwaySteps.position)),
    versionId
      ? ctx.db
          .selectDistinct({
            id: frameworkItems.id,
            code: frameworkItems.humanCode,
            title: frameworkItems.fullStatement,
            position: frameworkItems.position,
          })
          .from(rubricCriteria)
          .innerJoin(rubrics, eq(rubrics.id, rubricCriteria.rubricId))
          .innerJoin(frameworkItems, eq(frameworkItems.id, rubricCriteria.itemId))
          .where(and(eq(rubrics.districtId, districtId), eq(rubrics.versionId, versionId), eq(frameworkItems.retired, false)))
          .orderBy(asc(frameworkItems.position), asc(frameworkItems.id))
      : [],
    districtToday(ctx.db, districtId),
  ]);
  return {
    steps,
    competencies: competencies.map(({ id, code, title }) => ({ id, code, title })),
    schoolYear: schoolYearOf(today),
  };
}

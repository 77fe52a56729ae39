import { and, asc, eq } from 'drizzle-orm';
import type { PdsaOptions } from '../../../../common/schemas/pdsa.ts';
import { frameworkItems } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { canActForUnit } from '../../../policies/implementation-stages.ts';
import { loadWorkInitiative, teamReach } from '../stages/access.ts';
import { ensureStageRows } from '../stages/rows.ts';

/**
 * GET /api/initiatives/:id/pdsa/options: the schools a cycle may be written for (covered schools
 * and the district, each saying whether the caller may start one there) and the profile's components.
 */
export async function pdsaOptions(ctx: Ctx, initiativeId: string): Promise<PdsaOptions> {
  const initiative = await loadWorkInitiative(ctx, initiativeId);
  const [units, reach, components] = await Promise.all([
    ensureStageRows(ctx, initiative),
    teamReach(ctx, initiativeId),
    initiative.profileVersionId
      ? ctx.db
          .select({ id: frameworkItems.id, code: frameworkItems.humanCode, name: frameworkItems.fullStatement })
          .from(frameworkItems)
          .where(and(eq(frameworkItems.districtId, ctx.actor.districtId), eq(frameworkItems.versionId, initiative.profileVersionId)))
          .orderBy(asc(frameworkItems.humanCode), asc(frameworkItems.position))
      : Promise.resolve([]),
  ]);
  return {
    initiative: { id: initiative.id, name: initiative.name },
    schools: units.map((u) => ({ id: u.orgUnitId, name: u.orgUnitName, canCreate: canActForUnit(ctx.actor, u, reach) })),
    components,
  };
}

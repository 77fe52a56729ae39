import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { orgUnits } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, notFound } from '../../../lib/errors.ts';
import { canActForUnit, canReadImplementationWork, type TeamReach } from '../../../policies/implementation-stages.ts';
import { currentTeamMemberships } from '../teams/memberships.ts';
import { loadInitiative, type InitiativeRow } from '../initiative.ts';

/**
 * What stages and PDSA cycles share: the initiative (404 for a guest, who reaches only the fidelity
 * tool), the caller's team memberships on it, and the district's own org unit.
 */

export async function loadWorkInitiative(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<InitiativeRow> {
  if (!canReadImplementationWork(ctx.actor)) throw notFound('Initiative');
  return loadInitiative(ctx, id, db);
}

/** The caller's current memberships of this initiative's district team and of school teams (for it or for every initiative). */
export async function teamReach(ctx: Ctx, initiativeId: string, db: Executor = ctx.db): Promise<TeamReach> {
  const rows = (await currentTeamMemberships(ctx, db)).filter((m) =>
    m.kind === 'district'
      ? m.initiativeId === initiativeId
      : m.kind === 'school' && (m.initiativeId === initiativeId || m.initiativeId === null),
  );
  return {
    districtTeam: rows.some((r) => r.kind === 'district'),
    schoolIds: [...new Set(rows.filter((r) => r.kind === 'school').map((r) => r.orgUnitId))],
  };
}

/** The district's own org units (type `district`): the district-level stage row. */
export async function districtUnits(ctx: Ctx, db: Executor = ctx.db) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, ctx.actor.districtId), eq(orgUnits.type, 'district'), eq(orgUnits.active, true)));
}

/** 403 unless the caller may act for the unit (they can read it: the unit was checked against the initiative before). */
export function requireActFor(ctx: Ctx, unit: { orgUnitId: string; isDistrict: boolean }, reach: TeamReach) {
  if (!canActForUnit(ctx.actor, unit, reach))
    throw forbidden('Only HR, the school’s leaders and its implementation teams act for this school');
}

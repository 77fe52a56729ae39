import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { implementationTeamMembers, implementationTeams, orgUnits } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, notFound } from '../../../lib/errors.ts';
import { canActForUnit, canReadImplementationWork, type TeamReach } from '../../../policies/implementation-stages.ts';
import { districtToday } from '../../coaching/refs.ts';
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
  const { today } = await districtToday(db, ctx.actor.districtId);
  const rows = await db
    .select({ kind: implementationTeams.kind, orgUnitId: implementationTeams.orgUnitId })
    .from(implementationTeamMembers)
    .innerJoin(
      implementationTeams,
      and(
        eq(implementationTeams.id, implementationTeamMembers.teamId),
        eq(implementationTeams.districtId, implementationTeamMembers.districtId),
      ),
    )
    .where(
      and(
        eq(implementationTeamMembers.districtId, ctx.actor.districtId),
        eq(implementationTeamMembers.personId, ctx.actor.personId),
        lte(implementationTeamMembers.startsOn, today),
        or(isNull(implementationTeamMembers.endsOn), gt(implementationTeamMembers.endsOn, today)),
        eq(implementationTeams.active, true),
        or(
          and(eq(implementationTeams.kind, 'district'), eq(implementationTeams.initiativeId, initiativeId)),
          and(
            eq(implementationTeams.kind, 'school'),
            or(eq(implementationTeams.initiativeId, initiativeId), isNull(implementationTeams.initiativeId)),
          ),
        ),
      ),
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

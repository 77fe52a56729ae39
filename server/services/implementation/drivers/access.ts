import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Driver } from '../../../../common/implementation.ts';
import type { InitiativeRef } from '../../../../common/schemas/driver-plans.ts';
import type { Executor } from '../../../db/client.ts';
import { driverPlans, implementationTeamMembers, implementationTeams, people } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, invalidField } from '../../../lib/errors.ts';
import { canManageInitiativeCoaching, driverAbilities, type DriverFacts } from '../../../policies/drivers.ts';
import { districtToday } from '../../coaching/refs.ts';
import { loadInitiative, type InitiativeRow } from '../initiative.ts';

export interface DriverAccess {
  initiative: InitiativeRow;
  facts: DriverFacts;
  abilities: ReturnType<typeof driverAbilities>;
  today: string;
  timeZone: string;
}

/**
 * The initiative (404 unless the caller may read it) and what the policy needs about the caller:
 * current membership of its district implementation team, and the driver plans they own.
 */
export async function loadDriverAccess(ctx: Ctx, initiativeId: string): Promise<DriverAccess> {
  const initiative = await loadInitiative(ctx, initiativeId);
  const { today, timeZone } = await districtToday(ctx.db, ctx.actor.districtId);
  const [member] = await ctx.db
    .select({ id: implementationTeamMembers.id })
    .from(implementationTeamMembers)
    .innerJoin(implementationTeams, eq(implementationTeams.id, implementationTeamMembers.teamId))
    .where(
      and(
        eq(implementationTeams.districtId, ctx.actor.districtId),
        eq(implementationTeams.initiativeId, initiative.id),
        eq(implementationTeams.kind, 'district'),
        eq(implementationTeams.active, true),
        eq(implementationTeamMembers.personId, ctx.actor.personId),
        lte(implementationTeamMembers.startsOn, today),
        or(isNull(implementationTeamMembers.endsOn), gt(implementationTeamMembers.endsOn, today)),
      ),
    )
    .limit(1);
  const owned = await ctx.db
    .select({ driver: driverPlans.driver })
    .from(driverPlans)
    .where(and(eq(driverPlans.initiativeId, initiative.id), eq(driverPlans.ownerPersonId, ctx.actor.personId)));
  const facts: DriverFacts = { districtTeamMember: Boolean(member), ownedDrivers: owned.map((o) => o.driver as Driver) };
  return { initiative, facts, abilities: driverAbilities(ctx.actor, facts), today, timeZone };
}

export const initiativeRef = (row: InitiativeRow): InitiativeRef => ({
  id: row.id,
  name: row.name,
  fidelityThresholdPct: row.fidelityThresholdPct,
});

/** Checks that every id is an active person of the caller's district; a 400 naming `field` otherwise. */
export async function assertDistrictPeople(ctx: Ctx, ids: string[], field: string, db: Executor = ctx.db) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.districtId, ctx.actor.districtId), eq(people.active, true), inArray(people.id, wanted)));
  const ok = new Set(found.map((r) => r.id));
  if (wanted.some((id) => !ok.has(id))) throw invalidField(field, 'not a person of this district');
}

/** The driver access of a caller who may assign initiative coaching and record its reviews, else 403. */
export async function coachingAccess(ctx: Ctx, initiativeId: string): Promise<DriverAccess> {
  const access = await loadDriverAccess(ctx, initiativeId);
  if (!canManageInitiativeCoaching(ctx.actor, access.facts))
    throw forbidden('Only the coaching plan’s owner, the district team, HR and admins manage initiative coaching');
  return access;
}

import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { implementationTeamMembers, implementationTeams } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { districtToday } from '../../coaching/refs.ts';

/** One seat the caller holds today on an active implementation team. */
export interface CurrentMembership {
  teamId: string;
  /** common/implementation.ts IMPLEMENTATION_TEAM_KINDS */
  kind: string;
  orgUnitId: string;
  /** The initiative the team leads (null: a school team for every initiative). */
  initiativeId: string | null;
  role: string;
}

/**
 * The caller's current memberships (started by today in the district, not yet ended) of active
 * implementation teams: what the assessments, outcomes and stage policies read the caller's reach
 * from. One row per seat, so a person holding two roles on a team appears twice.
 *
 * @example
 * const rows = await currentTeamMemberships(ctx);
 * const onDistrictTeam = rows.some((m) => m.kind === 'district');
 */
export async function currentTeamMemberships(ctx: Ctx, db: Executor = ctx.db): Promise<CurrentMembership[]> {
  const { today } = await districtToday(db, ctx.actor.districtId);
  return db
    .select({
      teamId: implementationTeams.id,
      kind: implementationTeams.kind,
      orgUnitId: implementationTeams.orgUnitId,
      initiativeId: implementationTeams.initiativeId,
      role: implementationTeamMembers.role,
    })
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
      ),
    );
}

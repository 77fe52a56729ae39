import { and, eq } from 'drizzle-orm';
import { schoolYearOf } from '../../../../common/schemas/settings.ts';
import type { Executor } from '../../../db/client.ts';
import { orgUnits, teamMembers, teams } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { canReadSchoolGoals, leadsSchool } from '../../../policies/team-goals.ts';
import { districtToday } from '../../coaching/refs.ts';
import { currentOrgUnitsOf } from '../../observations/role-rubric.ts';
import { holdsOn } from '../../teams/periods.ts';

/** The school year asked for, else the one today falls in (district time zone). */
export async function yearOf(ctx: Ctx, schoolYear: string | undefined): Promise<string> {
  return schoolYear ?? schoolYearOf((await districtToday(ctx.db, ctx.actor.districtId)).today);
}

export interface SchoolScope {
  school: { id: string; name: string };
  lead: boolean;
}

/**
 * A school of the caller's district the caller may read (its leaders, HR, admins, anyone with a
 * current role there); anyone else: 404, as if it did not exist.
 */
export async function loadReadableSchool(ctx: Ctx, schoolId: string, db: Executor = ctx.db): Promise<SchoolScope> {
  const [school] = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, schoolId), eq(orgUnits.districtId, ctx.actor.districtId), eq(orgUnits.type, 'school')));
  if (!school) throw notFound('School');
  const lead = leadsSchool(ctx.actor, schoolId);
  if (!lead) {
    const units = (await currentOrgUnitsOf(db, ctx.actor.districtId, [ctx.actor.personId])).get(ctx.actor.personId) ?? [];
    if (!canReadSchoolGoals(ctx.actor, schoolId, units)) throw notFound('School');
  }
  return { school, lead };
}

/** The team row of the caller's district (404 otherwise). */
export async function loadTeam(ctx: Ctx, teamId: string, db: Executor = ctx.db) {
  const [row] = await db
    .select({ id: teams.id, name: teams.name, schoolId: teams.schoolId, kind: teams.kind, schoolName: orgUnits.name })
    .from(teams)
    .innerJoin(orgUnits, eq(orgUnits.id, teams.schoolId))
    .where(and(eq(teams.id, teamId), eq(teams.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Team');
  return row;
}

/** The caller's place on a team today: 'lead', 'member' or null. */
export async function roleOnTeam(ctx: Ctx, teamId: string, db: Executor = ctx.db): Promise<'lead' | 'member' | null> {
  const { today } = await districtToday(db, ctx.actor.districtId);
  const rows = await db
    .select({ role: teamMembers.role, startsOn: teamMembers.startsOn, endsOn: teamMembers.endsOn })
    .from(teamMembers)
    .where(
      and(eq(teamMembers.districtId, ctx.actor.districtId), eq(teamMembers.teamId, teamId), eq(teamMembers.personId, ctx.actor.personId)),
    );
  const current = rows.filter((r) => holdsOn(r, today));
  if (current.some((r) => r.role === 'lead')) return 'lead';
  return current.length ? 'member' : null;
}

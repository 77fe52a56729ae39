import { and, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { OBSERVED_ROLES } from '../../../common/observation.ts';
import type { Executor } from '../../db/client.ts';
import {
  implementationTeamMembers,
  implementationTeams,
  initiativeCoaching,
  initiativeSchools,
  roleAssignments,
} from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import type { FidelityCheckerScope, FidelitySubject } from '../../policies/fidelity.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';

/** The initiative fields the fidelity rules read. */
export interface FidelityInitiative {
  id: string;
  districtId: string;
  coveredRoles: string[];
  principalsSeeIndividualFidelity: boolean;
}

const currentPair = () =>
  and(
    lte(initiativeCoaching.startsOn, sql`current_date`),
    or(isNull(initiativeCoaching.endsOn), gte(initiativeCoaching.endsOn, sql`current_date`)),
  );

/** The people's current schools and their coaches on the initiative, as the policy sees them. */
export async function loadSubjects(
  db: Executor,
  initiative: FidelityInitiative,
  personIds: string[],
): Promise<Map<string, FidelitySubject>> {
  const units = await currentOrgUnitsOf(db, initiative.districtId, personIds);
  const pairs =
    personIds.length === 0
      ? []
      : await db
          .select({ personId: initiativeCoaching.personId, coachId: initiativeCoaching.coachPersonId })
          .from(initiativeCoaching)
          .where(
            and(
              eq(initiativeCoaching.districtId, initiative.districtId),
              eq(initiativeCoaching.initiativeId, initiative.id),
              inArray(initiativeCoaching.personId, personIds),
              currentPair(),
            ),
          );
  return new Map(
    personIds.map((personId) => [
      personId,
      {
        districtId: initiative.districtId,
        personId,
        orgUnitIds: units.get(personId) ?? [],
        initiativeCoachIds: pairs.filter((p) => p.personId === personId).map((p) => p.coachId),
        principalsSeeIndividualFidelity: initiative.principalsSeeIndividualFidelity,
      },
    ]),
  );
}

export async function loadSubject(db: Executor, initiative: FidelityInitiative, personId: string): Promise<FidelitySubject> {
  return (await loadSubjects(db, initiative, [personId])).get(personId)!;
}

/** Where the actor stands on the initiative: the schools whose implementation team they sit on, and whether they coach on it. */
export async function loadCheckerScope(db: Executor, actor: Actor, initiativeId: string): Promise<FidelityCheckerScope> {
  const teams = await db
    .select({ orgUnitId: implementationTeams.orgUnitId })
    .from(implementationTeamMembers)
    .innerJoin(implementationTeams, eq(implementationTeams.id, implementationTeamMembers.teamId))
    .where(
      and(
        eq(implementationTeamMembers.districtId, actor.districtId),
        eq(implementationTeamMembers.personId, actor.personId),
        lte(implementationTeamMembers.startsOn, sql`current_date`),
        or(isNull(implementationTeamMembers.endsOn), gte(implementationTeamMembers.endsOn, sql`current_date`)),
        eq(implementationTeams.kind, 'school'),
        eq(implementationTeams.active, true),
        or(eq(implementationTeams.initiativeId, initiativeId), isNull(implementationTeams.initiativeId)),
      ),
    );
  const [coaching] = await db
    .select({ id: initiativeCoaching.id })
    .from(initiativeCoaching)
    .where(
      and(
        eq(initiativeCoaching.districtId, actor.districtId),
        eq(initiativeCoaching.initiativeId, initiativeId),
        eq(initiativeCoaching.coachPersonId, actor.personId),
        currentPair(),
      ),
    )
    .limit(1);
  return { teamOrgUnitIds: [...new Set(teams.map((t) => t.orgUnitId))], coachesOnInitiative: Boolean(coaching) };
}

/** The roles the initiative covers: its own list, or every observed role when it names none. */
export const coveredRolesOf = (initiative: { coveredRoles: string[] }): string[] =>
  initiative.coveredRoles.length > 0 ? initiative.coveredRoles : [...OBSERVED_ROLES];

/**
 * The school where the person is covered staff of the initiative (a current assignment in a covered
 * role at a covered school; the primary one first), or null when they are not covered.
 */
export async function coveredSchoolOf(db: Executor, initiative: FidelityInitiative, personId: string): Promise<string | null> {
  const [row] = await db
    .select({ orgUnitId: roleAssignments.orgUnitId })
    .from(roleAssignments)
    .innerJoin(
      initiativeSchools,
      and(eq(initiativeSchools.orgUnitId, roleAssignments.orgUnitId), eq(initiativeSchools.initiativeId, initiative.id)),
    )
    .where(
      and(
        eq(roleAssignments.districtId, initiative.districtId),
        eq(roleAssignments.personId, personId),
        inArray(roleAssignments.role, coveredRolesOf(initiative)),
        currentAssignment(),
      ),
    )
    .orderBy(desc(roleAssignments.isPrimary))
    .limit(1);
  return row?.orgUnitId ?? null;
}

import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { accessRank, ROLE_ACCESS, isStaffRole, type AccessRole, type AdminGrant } from '../../../common/roles.ts';
import type { Executor } from '../../db/client.ts';
import { caseloadMembers, roleAssignments } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';

/** SQL condition: the assignment is active and today lies within its dates. */
export const currentAssignment = () =>
  and(
    eq(roleAssignments.active, true),
    or(isNull(roleAssignments.beginDate), lte(roleAssignments.beginDate, sql`current_date`)),
    or(isNull(roleAssignments.endDate), gte(roleAssignments.endDate, sql`current_date`)),
  );

/** Builds the actor for a signed-in user from their grant, current roles and caseload. */
export async function loadActor(
  db: Executor,
  user: { id: string; personId: string; districtId: string; adminGrant: string | null },
): Promise<Actor> {
  const [assignments, caseload] = await Promise.all([
    db
      .select({ role: roleAssignments.role, orgUnitId: roleAssignments.orgUnitId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, user.personId), eq(roleAssignments.districtId, user.districtId), currentAssignment())),
    db
      .select({ personId: caseloadMembers.personId })
      .from(caseloadMembers)
      .where(
        and(
          eq(caseloadMembers.coachPersonId, user.personId),
          eq(caseloadMembers.districtId, user.districtId),
          eq(caseloadMembers.active, true),
        ),
      ),
  ]);
  const adminGrant = user.adminGrant === 'hr' || user.adminGrant === 'district_admin' ? (user.adminGrant as AdminGrant) : null;
  let access: AccessRole = adminGrant ?? 'staff';
  const leaderOrgUnitIds: string[] = [];
  const coachOrgUnitIds: string[] = [];
  for (const a of assignments) {
    if (!isStaffRole(a.role)) continue;
    const level = ROLE_ACCESS[a.role];
    if (level === 'school_leader') leaderOrgUnitIds.push(a.orgUnitId);
    if (level === 'coach') coachOrgUnitIds.push(a.orgUnitId);
    if (accessRank(level) > accessRank(access)) access = level;
  }
  return {
    userId: user.id,
    personId: user.personId,
    districtId: user.districtId,
    adminGrant,
    access,
    leaderOrgUnitIds,
    coachOrgUnitIds,
    caseloadPersonIds: caseload.map((c) => c.personId),
  };
}

import { accessRank, ROLE_ACCESS, isStaffRole, type AccessRole, type AdminGrant } from '../../../common/roles.ts';
import type { Actor } from '../../lib/actor.ts';
import { leaderOrgUnits, type ScopedAssignment } from '../../policies/networks.ts';

/** Builds the actor for a signed-in user from their grant, current roles and caseload (pure). */
export function buildActor(
  user: { id: string; personId: string; districtId: string; adminGrant: string | null },
  assignments: ScopedAssignment[],
  caseload: string[],
  guest: { initiativeId: string; frameworkId: string | null } | null = null,
): Actor {
  const adminGrant = user.adminGrant === 'hr' || user.adminGrant === 'district_admin' ? (user.adminGrant as AdminGrant) : null;
  let access: AccessRole = adminGrant ?? 'staff';
  // A network leader leads every school of the network (policies/networks.ts).
  const leaderOrgUnitIds = leaderOrgUnits(assignments, (role) => isStaffRole(role) && ROLE_ACCESS[role] === 'school_leader');
  const coachOrgUnitIds: string[] = [];
  for (const a of assignments) {
    if (!isStaffRole(a.role)) continue;
    const level = ROLE_ACCESS[a.role];
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
    caseloadPersonIds: caseload,
    guestInitiativeId: guest?.initiativeId ?? null,
    guestFrameworkId: guest?.frameworkId ?? null,
  };
}

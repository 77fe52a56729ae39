import { accessRank, ROLE_ACCESS, isStaffRole, type AccessRole, type AdminGrant } from '../../../common/roles.ts';
import type { Actor } from '../../lib/actor.ts';

/** Builds the actor for a signed-in user from their grant, current roles and caseload (pure). */
export function buildActor(
  user: { id: string; personId: string; districtId: string; adminGrant: string | null },
  assignments: { role: string; orgUnitId: string }[],
  caseload: string[],
): Actor {
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
    caseloadPersonIds: caseload,
  };
}

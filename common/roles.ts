/**
 * Job roles a person holds in an org unit (what the roster says they do), and the access level
 * each grants in Trellis. District admin and HR access are never granted by a roster file: an
 * admin grants them to a user by hand (see `AdminGrant`), so a roster sync cannot escalate anyone.
 */
export const STAFF_ROLES = [
  'instructional_assistant',
  'apprentice_teacher',
  'teacher',
  'team_lead',
  'coach',
  'counselor',
  'assistant_principal',
  'principal',
  'school_administrator',
  'instructional_superintendent',
  'central_office_staff',
  'hr_specialist',
  'district_administrator',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Access levels, lowest to highest. */
export const ACCESS_ROLES = ['staff', 'coach', 'school_leader', 'hr', 'district_admin'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** Access grants an admin gives by hand; everything below them comes from role assignments. */
export const ADMIN_GRANTS = ['hr', 'district_admin'] as const;
export type AdminGrant = (typeof ADMIN_GRANTS)[number];

/** The access a role assignment gives inside its org unit. */
export const ROLE_ACCESS: Record<StaffRole, 'staff' | 'coach' | 'school_leader'> = {
  instructional_assistant: 'staff',
  apprentice_teacher: 'staff',
  teacher: 'staff',
  team_lead: 'coach',
  coach: 'coach',
  counselor: 'staff',
  assistant_principal: 'school_leader',
  principal: 'school_leader',
  school_administrator: 'school_leader',
  /** Leads a network: school-leader scope over every school in it (policies/networks.ts). */
  instructional_superintendent: 'school_leader',
  central_office_staff: 'staff',
  hr_specialist: 'staff',
  district_administrator: 'staff',
};

/**
 * OneRoster role vocabulary (1.1 `users.role`, 1.2 `roles.role`) mapped onto staff roles.
 * `null` means the row is not staff (students, guardians...) and is ignored, not an error.
 */
export const ONEROSTER_ROLE_MAP: Record<string, StaffRole | null> = {
  teacher: 'teacher',
  aide: 'instructional_assistant',
  administrator: 'school_administrator',
  siteadministrator: 'school_administrator',
  principal: 'principal',
  districtadministrator: 'district_administrator',
  systemadministrator: 'central_office_staff',
  proctor: 'central_office_staff',
  student: null,
  parent: null,
  guardian: null,
  relative: null,
};

/** A `network` (region) groups schools between the district and them: schools name it as parent. */
export const ORG_UNIT_TYPES = ['district', 'network', 'school', 'department'] as const;
export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export function accessRank(role: AccessRole): number {
  return ACCESS_ROLES.indexOf(role);
}

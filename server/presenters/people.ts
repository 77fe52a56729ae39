import type { Person, PersonAccount, PersonSummary, RoleAssignment } from '../../common/schemas/people.ts';
import type { StaffRole } from '../../common/roles.ts';
import type { people } from '../db/schema/index.ts';
import type { Actor } from '../lib/actor.ts';
import { canSeeAccounts, personAbilities } from '../policies/people.ts';

type PersonRow = typeof people.$inferSelect;
export interface AssignmentRow {
  id: string;
  personId: string;
  role: string;
  orgUnitId: string;
  orgUnitName: string;
  isPrimary: boolean;
  beginDate: string | null;
  endDate: string | null;
  active: boolean;
  current: boolean;
}

export function presentAssignment(a: AssignmentRow): RoleAssignment {
  return {
    id: a.id,
    role: a.role as StaffRole,
    orgUnitId: a.orgUnitId,
    orgUnitName: a.orgUnitName,
    isPrimary: a.isPrimary,
    beginDate: a.beginDate,
    endDate: a.endDate,
    active: a.active,
    current: a.current,
  };
}

/** The role shown beside a name: the current primary one, else any current one. */
function primaryRole(assignments: AssignmentRow[]): PersonSummary['primaryRole'] {
  const current = assignments.filter((a) => a.current);
  const pick = current.find((a) => a.isPrimary) ?? current[0];
  return pick ? { role: pick.role as StaffRole, orgUnitId: pick.orgUnitId, orgUnitName: pick.orgUnitName } : null;
}

export function presentPersonSummary(
  p: Pick<PersonRow, 'id' | 'givenName' | 'familyName' | 'preferredName' | 'email' | 'identifier' | 'active'>,
  assignments: AssignmentRow[],
): PersonSummary {
  return {
    id: p.id,
    givenName: p.givenName,
    familyName: p.familyName,
    preferredName: p.preferredName,
    email: p.email,
    identifier: p.identifier,
    active: p.active,
    primaryRole: primaryRole(assignments),
  };
}

/** A person as the API presents them; `adminGrant` is the person's own grant (it limits what the actor may do). */
export function presentPerson(
  actor: Actor,
  p: PersonRow,
  assignments: AssignmentRow[],
  adminGrant: string | null,
  account: PersonAccount | null = null,
): Person {
  return {
    ...presentPersonSummary(p, assignments),
    middleName: p.middleName,
    phone: p.phone,
    username: p.username,
    sourcedId: p.sourcedId,
    grades: p.grades,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    roleAssignments: assignments.map(presentAssignment),
    account: canSeeAccounts(actor) ? account : null,
    abilities: personAbilities(actor, { adminGrant }),
  };
}

import type { Actor } from '../lib/actor.ts';
import { isDistrictAdmin, isHrOrAdmin } from './app.ts';
import { canEndOthersSessions } from './sessions.ts';

/**
 * Which people an actor can see: HR and admins the whole district; a school leader everyone with
 * a role in their schools; a coach their caseload; everyone themselves. Returned as data so a
 * list query and a single-row check apply the same rule.
 */
export type PeopleScope = { kind: 'district' } | { kind: 'limited'; personIds: string[]; orgUnitIds: string[] };

export function peopleScope(actor: Actor): PeopleScope {
  if (isHrOrAdmin(actor)) return { kind: 'district' };
  return {
    kind: 'limited',
    personIds: [actor.personId, ...actor.caseloadPersonIds],
    orgUnitIds: actor.leaderOrgUnitIds,
  };
}

/** May the actor read this person, given the org units of the person's current roles? */
export function canReadPerson(actor: Actor, person: { id: string; districtId: string; currentOrgUnitIds: string[] }): boolean {
  if (person.districtId !== actor.districtId) return false;
  const scope = peopleScope(actor);
  if (scope.kind === 'district') return true;
  return scope.personIds.includes(person.id) || person.currentOrgUnitIds.some((id) => scope.orgUnitIds.includes(id));
}

const GRANT_RANK: Record<string, number> = { hr: 1, district_admin: 2 };
const rank = (grant: string | null | undefined) => (grant ? (GRANT_RANK[grant] ?? 0) : 0);

/**
 * Does the person's grant rank above the actor's (district_admin > hr > none)? Nobody edits,
 * deactivates, changes the roles of, invites or otherwise acts on the account of such a person:
 * HR cannot lock out a district admin.
 */
export const outranks = (actor: Actor, targetGrant: string | null | undefined) => rank(targetGrant) > rank(actor.adminGrant);

/** What the actor may do to a person they can read, given the admin grant the person holds. */
export function personAbilities(actor: Actor, target: { adminGrant: string | null }) {
  const manage = isHrOrAdmin(actor) && !outranks(actor, target.adminGrant);
  return {
    update: manage,
    deactivate: manage,
    manageRoles: manage,
    viewHistory: isHrOrAdmin(actor),
    invite: manage,
    grantAccess: isDistrictAdmin(actor),
    endSessions: canEndOthersSessions(actor),
  };
}

/** HR and admins see the sign-in account behind each person (status, e-mail, grant). */
export const canSeeAccounts = (actor: Actor) => isHrOrAdmin(actor);

export const canCreatePerson = (actor: Actor) => isHrOrAdmin(actor);

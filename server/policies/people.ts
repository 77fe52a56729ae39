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

export function personAbilities(actor: Actor) {
  const manage = isHrOrAdmin(actor);
  return {
    update: manage,
    deactivate: manage,
    manageRoles: manage,
    viewHistory: manage,
    invite: manage,
    grantAccess: isDistrictAdmin(actor),
    endSessions: canEndOthersSessions(actor),
  };
}

export const canCreatePerson = (actor: Actor) => isHrOrAdmin(actor);

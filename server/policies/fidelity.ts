import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';
import { canReadInitiative, isGuest } from './implementation.ts';

/**
 * Fidelity is not evaluation. A person's individual fidelity (their checks and scores) is read by
 * the person, the observer of a check (that check only), their coaches (caseload or the initiative's
 * coaching pairs), HR and admins, and a leader of their school ONLY when the initiative turns
 * `principalsSeeIndividualFidelity` on. Everyone else who may read the initiative (implementation
 * team members, other staff, the initiative's vendor guest) reads aggregates only: school and
 * component averages, counts and the share at fidelity, never a name beside a score.
 */

/** The person whose fidelity is read, as the rules see them on one initiative. */
export interface FidelitySubject {
  districtId: string;
  personId: string;
  /** The person's current schools (role assignments). */
  orgUnitIds: string[];
  /** Coaches paired with the person on this initiative (initiative_coaching, current). */
  initiativeCoachIds: string[];
  /** The initiative's switch: may principals read their teachers' individual fidelity? */
  principalsSeeIndividualFidelity: boolean;
}

const leadsSchoolOf = (actor: Actor, orgUnitIds: string[]) => orgUnitIds.some((id) => actor.leaderOrgUnitIds.includes(id));

/** Is the actor one of the person's coaches (caseload, or paired on this initiative)? */
export const coachesPerson = (actor: Actor, s: FidelitySubject) =>
  actor.caseloadPersonIds.includes(s.personId) || s.initiativeCoachIds.includes(actor.personId);

/** May the actor read every fidelity check and score of this person on this initiative? */
export function canReadPersonFidelity(actor: Actor, s: FidelitySubject): boolean {
  if (s.districtId !== actor.districtId || isGuest(actor)) return false;
  if (s.personId === actor.personId || isHrOrAdmin(actor)) return true;
  if (coachesPerson(actor, s)) return true;
  return s.principalsSeeIndividualFidelity && leadsSchoolOf(actor, s.orgUnitIds);
}

/** May the actor read this one check (its observers read their own, drafts included)? */
export function canReadFidelityCheck(
  actor: Actor,
  check: { status: string; observerPersonId: string; coObserverPersonId: string | null },
  s: FidelitySubject,
): boolean {
  if (s.districtId !== actor.districtId || isGuest(actor)) return false;
  if (check.observerPersonId === actor.personId || check.coObserverPersonId === actor.personId) return true;
  return check.status === 'published' && canReadPersonFidelity(actor, s);
}

/**
 * May the actor read fidelity aggregates over fewer than FIDELITY_MIN_GROUP people or checks, at this
 * school (or district-wide without one)? Only who may read every individual's fidelity there: HR and
 * admins, and the school's leaders when the initiative lets principals see individual fidelity.
 */
export function readsSmallFidelityGroups(
  actor: Actor,
  initiative: { districtId: string; principalsSeeIndividualFidelity: boolean },
  orgUnitId?: string,
): boolean {
  if (initiative.districtId !== actor.districtId || isGuest(actor)) return false;
  if (isHrOrAdmin(actor)) return true;
  return orgUnitId !== undefined && initiative.principalsSeeIndividualFidelity && actor.leaderOrgUnitIds.includes(orgUnitId);
}

/** May the actor read the initiative's aggregate fidelity (no names)? Whoever reads the initiative. */
export const canReadFidelityAggregate = (actor: Actor, initiative: { districtId: string; id: string }) =>
  canReadInitiative(actor, initiative);

/** Where the actor stands toward the person to be checked (loaded by the service). */
export interface FidelityCheckerScope {
  /** Schools whose implementation team (of this initiative, or of no one initiative) the actor is a current member of. */
  teamOrgUnitIds: string[];
  /** Does the actor coach anyone on this initiative (initiative_coaching)? */
  coachesOnInitiative: boolean;
}

/**
 * May the actor run a fidelity check of this person? Coaches (caseload, the initiative's pairs, or
 * coaches of the person's school), members of the school implementation team of the person's school,
 * leaders of that school, HR and admins; never of oneself, never a guest.
 */
export function canRunFidelityCheck(actor: Actor, s: FidelitySubject, scope: FidelityCheckerScope): boolean {
  if (s.districtId !== actor.districtId || isGuest(actor) || s.personId === actor.personId) return false;
  if (isHrOrAdmin(actor) || leadsSchoolOf(actor, s.orgUnitIds) || coachesPerson(actor, s)) return true;
  if (s.orgUnitIds.some((id) => actor.coachOrgUnitIds.includes(id))) return true;
  return s.orgUnitIds.some((id) => scope.teamOrgUnitIds.includes(id));
}

/** May the actor start fidelity checks at all (the start form)? Else 403. */
export const canRunAnyFidelityCheck = (actor: Actor, scope: FidelityCheckerScope) =>
  !isGuest(actor) &&
  (isHrOrAdmin(actor) ||
    actor.access === 'school_leader' ||
    actor.access === 'coach' ||
    actor.caseloadPersonIds.length > 0 ||
    scope.coachesOnInitiative ||
    scope.teamOrgUnitIds.length > 0);

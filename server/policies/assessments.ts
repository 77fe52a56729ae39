import { RECORDING_ROLES, VOTING_ROLES, type AdministrationRole } from '../../common/assessments.ts';
import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';
import { isGuest } from './implementation.ts';

/**
 * Who may do what with assessments. Everyone in the district but a vendor guest reads instruments.
 * HR, admins and current facilitators of an implementation team build them; HR and admins install
 * the built-in library. An administration is read by HR, admins, the district team, the leaders of
 * its school, its team's members, its attendees and the person scoring alone; its consensus scores
 * are recorded by its facilitator or note taker (an administrator attends and never scores), who also
 * run its live voting (open an item, reveal the votes); its voting members vote. Schools
 * are compared by HR, admins and the district team; school leaders only where the district allows.
 */

/** The caller's current implementation-team memberships (loaded by the service). */
export interface AssessmentReach {
  memberships: { teamId: string; kind: string; orgUnitId: string; role: string }[];
}

export const onDistrictTeam = (reach: AssessmentReach) => reach.memberships.some((m) => m.kind === 'district');

export const canReadAssessments = (actor: Actor) => !isGuest(actor);

/** Creates instruments, edits their drafts, publishes and imports them. */
export const canBuildInstruments = (actor: Actor, reach: AssessmentReach) =>
  !isGuest(actor) && (isHrOrAdmin(actor) || reach.memberships.some((m) => m.role === 'facilitator'));

export const canInstallLibrary = (actor: Actor) => !isGuest(actor) && isHrOrAdmin(actor);

/** Starts an administration by a team (HR, admins, the team's facilitator, a leader of its school). */
export function canAdministerForTeam(actor: Actor, team: { id: string; orgUnitId: string }, reach: AssessmentReach): boolean {
  if (isGuest(actor)) return false;
  if (isHrOrAdmin(actor) || actor.leaderOrgUnitIds.includes(team.orgUnitId)) return true;
  return reach.memberships.some((m) => m.teamId === team.id && m.role === 'facilitator');
}

/** Starts a solo administration at an org unit: for oneself where one leads or sits on a team; HR and admins for anyone. */
export function canAdministerSolo(actor: Actor, unit: { orgUnitId: string }, soloPersonId: string, reach: AssessmentReach): boolean {
  if (isGuest(actor)) return false;
  if (isHrOrAdmin(actor)) return true;
  if (soloPersonId !== actor.personId) return false;
  return actor.leaderOrgUnitIds.includes(unit.orgUnitId) || reach.memberships.some((m) => m.orgUnitId === unit.orgUnitId);
}

export interface AdministrationAccess {
  orgUnitId: string;
  teamId: string | null;
  soloPersonId: string | null;
  createdBy: string | null;
  /** The caller's role at this administration, if they attend. */
  myRole: AdministrationRole | null;
}

export function canReadAdministration(actor: Actor, a: AdministrationAccess, reach: AssessmentReach): boolean {
  if (isGuest(actor)) return false;
  if (isHrOrAdmin(actor) || onDistrictTeam(reach)) return true;
  if (a.myRole || a.soloPersonId === actor.personId || a.createdBy === actor.userId) return true;
  if (actor.leaderOrgUnitIds.includes(a.orgUnitId)) return true;
  return a.teamId !== null && reach.memberships.some((m) => m.teamId === a.teamId);
}

/** Records a consensus score: the facilitator or the note taker (never the administrator), or the person scoring alone. */
export function canScore(actor: Actor, a: AdministrationAccess): boolean {
  if (isGuest(actor)) return false;
  if (a.soloPersonId) return a.soloPersonId === actor.personId;
  return a.myRole !== null && RECORDING_ROLES.includes(a.myRole);
}

/** Runs the live voting (opens items, reveals votes, forces a reveal): whoever records the consensus score. */
export const canRunVoting = (actor: Actor, a: AdministrationAccess): boolean => canScore(actor, a);

/** Votes on the open item: a voting member attending it (never the facilitator, note taker or administrator). */
export function canVote(actor: Actor, a: AdministrationAccess): boolean {
  if (isGuest(actor)) return false;
  return a.myRole !== null && VOTING_ROLES.includes(a.myRole);
}

/** Changes attendees and closes: HR, admins, whoever started it, its facilitator, the team's facilitator. */
export function canManageAdministration(actor: Actor, a: AdministrationAccess, reach: AssessmentReach): boolean {
  if (isGuest(actor)) return false;
  if (isHrOrAdmin(actor) || a.createdBy === actor.userId || a.myRole === 'facilitator') return true;
  if (a.soloPersonId) return a.soloPersonId === actor.personId;
  return a.teamId !== null && reach.memberships.some((m) => m.teamId === a.teamId && m.role === 'facilitator');
}

/**
 * Plans an action from an administration's items: HR and admins, and current members of a team whose
 * plans take them (the administration's own team, or a team at its org unit; see action-plans/data-sources.ts).
 */
export function canPlanFromAdministration(
  actor: Actor,
  a: Pick<AdministrationAccess, 'teamId' | 'orgUnitId'>,
  reach: AssessmentReach,
): boolean {
  if (isGuest(actor)) return false;
  if (isHrOrAdmin(actor)) return true;
  return reach.memberships.some((m) => (a.teamId !== null && m.teamId === a.teamId) || m.orgUnitId === a.orgUnitId);
}

/** Sees a comparison of schools (never shown to schools unless the district turns it on for leaders). */
export function canCompareSchools(actor: Actor, reach: AssessmentReach, settings: { schoolLeadersCompareSchools: boolean }): boolean {
  if (isGuest(actor)) return false;
  if (isHrOrAdmin(actor) || onDistrictTeam(reach)) return true;
  return settings.schoolLeadersCompareSchools && actor.leaderOrgUnitIds.length > 0;
}

export const canEditAssessmentSettings = (actor: Actor) => !isGuest(actor) && isHrOrAdmin(actor);

import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';
import { isGuest } from './implementation.ts';

/**
 * Who reads and writes outcome data and the dashboards (issue 15, part 7). A vendor guest reaches
 * none of it (the route gate answers 404). Outcome figures are aggregates, and any figure under the
 * district's minimum count is suppressed for everyone, HR included.
 */

/** The caller's current implementation-team memberships (loaded by the service). */
export interface DashboardReach {
  /** A current member of an active district implementation team. */
  districtTeam: boolean;
  /** Schools whose active implementation team the caller is currently on. */
  schoolTeamIds: string[];
}

/** Defines measures, imports values, sets the minimum count and per-teacher values. */
export const canManageOutcomes = (actor: Actor) => !isGuest(actor) && isHrOrAdmin(actor);

/** Reads the list of measures (names and units, no figures). */
export const canReadMeasures = (actor: Actor) => !isGuest(actor);

/** The district dashboard: HR, admins and members of a district implementation team. */
export const canReadDistrictDashboard = (actor: Actor, reach: DashboardReach) =>
  !isGuest(actor) && (isHrOrAdmin(actor) || reach.districtTeam);

/** A school's dashboard: whoever reads the district's, the school's leaders and its implementation team. */
export function canReadSchoolDashboard(actor: Actor, orgUnitId: string, reach: DashboardReach): boolean {
  if (canReadDistrictDashboard(actor, reach)) return true;
  if (isGuest(actor)) return false;
  return actor.leaderOrgUnitIds.includes(orgUnitId) || reach.schoolTeamIds.includes(orgUnitId);
}

/**
 * Plans an action from a school's outcome values: HR and admins, members of a district team (any
 * school) and of the school's own team (see action-plans/data-sources.ts).
 */
export function canPlanFromSchoolOutcomes(actor: Actor, orgUnitId: string, reach: DashboardReach): boolean {
  if (isGuest(actor)) return false;
  return isHrOrAdmin(actor) || reach.districtTeam || reach.schoolTeamIds.includes(orgUnitId);
}

/** The teacher whose own outcome values are read, as the rule sees them. */
export interface OutcomeSubject {
  districtId: string;
  personId: string;
  /** The person's primary evaluator this school year (HR's choice, else the computed default). */
  evaluatorPersonId: string | null;
  /** Coaches currently paired with the person on an initiative (initiative_coaching). */
  initiativeCoachIds: string[];
}

/**
 * A teacher's own outcome values (kept only where the district allows per-teacher values): the
 * teacher, their evaluator, their coaches (caseload or an initiative's coaching pair), HR and
 * admins. Nobody else, school leaders and implementation teams included: they read school figures.
 */
export function canReadPersonOutcomes(actor: Actor, s: OutcomeSubject): boolean {
  if (isGuest(actor) || s.districtId !== actor.districtId) return false;
  if (s.personId === actor.personId || isHrOrAdmin(actor)) return true;
  if (s.evaluatorPersonId === actor.personId) return true;
  return actor.caseloadPersonIds.includes(s.personId) || s.initiativeCoachIds.includes(actor.personId);
}

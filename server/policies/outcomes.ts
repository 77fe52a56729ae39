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

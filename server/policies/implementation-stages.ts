import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';
import { isGuest } from './implementation.ts';

/**
 * Who moves a school through the stages of an initiative and runs its PDSA cycles. Everyone in the
 * district reads them (a vendor guest does not: 404). Acting on a school's row: HR and admins
 * anywhere; a leader of that school; a current member of that school's implementation team or of
 * the initiative's district team. The district's own row: HR, admins and the district team.
 */

/** The caller's current implementation-team memberships that bear on one initiative (loaded by the service). */
export interface TeamReach {
  /** A current member of a district team leading this initiative. */
  districtTeam: boolean;
  /** Schools whose implementation team (for this initiative, or for every initiative) the caller is on. */
  schoolIds: string[];
}

/** Reads stages and PDSA cycles of an initiative the caller can read: anyone of the district but a guest. */
export const canReadImplementationWork = (actor: Actor) => !isGuest(actor);

/** Edits the stage checklists (activities and exit criteria) of an initiative. */
export const canEditStageDefinitions = (actor: Actor) => !isGuest(actor) && isHrOrAdmin(actor);

/** Ticks, moves a stage or writes a PDSA cycle for one org unit (a school, or the district's own unit). */
export function canActForUnit(actor: Actor, unit: { orgUnitId: string; isDistrict: boolean }, reach: TeamReach): boolean {
  if (isGuest(actor)) return false;
  if (isHrOrAdmin(actor) || reach.districtTeam) return true;
  if (unit.isDistrict) return false;
  return actor.leaderOrgUnitIds.includes(unit.orgUnitId) || reach.schoolIds.includes(unit.orgUnitId);
}

import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';

/**
 * Teams and caseloads are managed by HR and district admins anywhere in the district, and by
 * school leaders for the schools they lead. Everything else about teams (who coaches whom through a
 * team) is computed in services/auth/coaching-scope.ts.
 */
export const canManageTeamsAt = (actor: Actor, schoolId: string) => isHrOrAdmin(actor) || actor.leaderOrgUnitIds.includes(schoolId);

/** May the actor manage teams or caseloads anywhere (opens the pages)? */
export const canManageAnyTeams = (actor: Actor) => isHrOrAdmin(actor) || actor.leaderOrgUnitIds.length > 0;

/**
 * May the actor assign coachees to this coach? Both must be theirs: HR and admins anyone of the
 * district; a school leader people holding a current role in a school they lead (given as the org
 * units of each person's current roles).
 */
export function canAssignCoaching(actor: Actor, coachUnits: string[], coacheeUnits: string[]): boolean {
  if (isHrOrAdmin(actor)) return true;
  const leads = (units: string[]) => units.some((id) => actor.leaderOrgUnitIds.includes(id));
  return leads(coachUnits) && leads(coacheeUnits);
}

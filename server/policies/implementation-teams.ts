import type { ImplementationTeamKind } from '../../common/implementation.ts';
import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';
import { isGuest } from './implementation.ts';

/**
 * Who may do what with implementation teams. Everyone in the district reads teams and their meeting
 * records (a vendor guest reads none: 404). HR and admins create and edit any team; a school leader
 * creates and edits the school teams of their schools; a team's current facilitator also manages its
 * membership; current members hold meetings and record decisions and action items.
 */

/** May the actor see implementation teams at all? Guests may not (404). */
export const canReadImplementationTeams = (actor: Actor) => !isGuest(actor);

/** May the actor create (or edit) a team of this kind at this org unit? */
export function canEditImplementationTeam(actor: Actor, team: { kind: string; orgUnitId: string }): boolean {
  if (isGuest(actor)) return false;
  if (isHrOrAdmin(actor)) return true;
  return (team.kind as ImplementationTeamKind) === 'school' && actor.leaderOrgUnitIds.includes(team.orgUnitId);
}

/** May the actor create any team (the create button)? */
export const canCreateAnyImplementationTeam = (actor: Actor) =>
  !isGuest(actor) && (isHrOrAdmin(actor) || actor.leaderOrgUnitIds.length > 0);

/** May the actor add, end or re-role members? The team's editors and its current facilitator. */
export const canManageImplementationMembers = (actor: Actor, team: { kind: string; orgUnitId: string }, isFacilitator: boolean) =>
  canEditImplementationTeam(actor, team) || (!isGuest(actor) && isFacilitator);

/** May the actor edit meetings, decisions and action items? Current members of an active team. */
export const canEditImplementationRecords = (actor: Actor, team: { active: boolean }, isMember: boolean) =>
  !isGuest(actor) && team.active && isMember;

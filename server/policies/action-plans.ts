import { BARRIER_NEXT, type BarrierStatus, type BarrierTransition } from '../../common/action-plans.ts';
import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';
import { isGuest } from './implementation.ts';

/**
 * Action plans and practice-policy feedback (issue 15 parts 5 and 6).
 *
 * Action plans: everyone in the district reads a team's plans (as they read its meeting records); a
 * vendor guest reads none (404). Current members of an active team write its plans, items and
 * reviews, and so do HR and admins; anyone else 403.
 *
 * Barriers: anyone on staff raises one. It is read by the person who raised it (without the teams'
 * internal notes), by current members of the team holding it and of the team it was first routed
 * to, by leaders of its school, and by HR and admins. Only current members of the team holding it
 * (and HR and admins) move it, answer it or write its notes; another reader 403; anyone else 404.
 */

/** Who stands where towards one barrier (loaded by the service). */
export interface BarrierStanding {
  raisedByMe: boolean;
  onRoutedTeam: boolean;
  onFirstTeam: boolean;
  leadsSchool: boolean;
}

export const canReadActionPlans = (actor: Actor) => !isGuest(actor);

/** May the actor write this team's action plans? Current members of an active team, HR and admins. */
export const canEditActionPlans = (actor: Actor, team: { active: boolean }, isMember: boolean) =>
  !isGuest(actor) && team.active && (isMember || isHrOrAdmin(actor));

/** Anyone on staff of the district (not a vendor guest) raises barriers and reads their own. */
export const canRaiseBarrier = (actor: Actor) => !isGuest(actor);

/** Every barrier of the district: HR and admins. */
export const canReadAllBarriers = (actor: Actor) => !isGuest(actor) && isHrOrAdmin(actor);

/** A team's queue: its current members, HR and admins. */
export const canReadTeamBarriers = (actor: Actor, isMember: boolean) => !isGuest(actor) && (isMember || isHrOrAdmin(actor));

export function canReadBarrier(actor: Actor, s: BarrierStanding): boolean {
  if (isGuest(actor)) return false;
  return isHrOrAdmin(actor) || s.raisedByMe || s.onRoutedTeam || s.onFirstTeam || s.leadsSchool;
}

/** The teams' internal notes: everyone who reads it except a raiser who is on neither team (nor HR). */
export const canReadBarrierNotes = (actor: Actor, s: BarrierStanding) =>
  !isGuest(actor) && (isHrOrAdmin(actor) || s.onRoutedTeam || s.onFirstTeam);

/** May the actor act on the barrier (move, answer, write notes)? The team holding it, HR and admins. */
export const canHandleBarrier = (actor: Actor, s: BarrierStanding) => !isGuest(actor) && (isHrOrAdmin(actor) || s.onRoutedTeam);

/** The moves open to the actor now: escalating only from a school team. */
export function barrierMoves(actor: Actor, s: BarrierStanding, status: BarrierStatus, routedKind: string): BarrierTransition[] {
  if (!canHandleBarrier(actor, s)) return [];
  return BARRIER_NEXT[status].filter((to) => to !== 'escalated' || routedKind === 'school');
}

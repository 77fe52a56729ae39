import { ADOPTABLE_RECOMMENDATIONS, type FitRecommendation } from '../../common/fit-reviews.ts';
import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';
import { onDistrictTeam, type AssessmentReach } from './assessments.ts';
import { canManageInitiatives, isGuest } from './implementation.ts';

/**
 * Who may do what with fit reviews. A review is read by the readers of its administrations: HR,
 * admins, district implementation team members, the leaders of its school, its team's members and
 * whoever started it. HR, admins and the team's facilitator start and edit it (without a team, HR
 * and admins only). Adopting a candidate creates an initiative: those who create initiatives (HR and
 * district admins), and only for a candidate the team recommended to adopt or adapt, once.
 */

export interface FitReviewAccess {
  orgUnitId: string;
  teamId: string | null;
  createdBy: string | null;
}

const facilitates = (reach: AssessmentReach, teamId: string | null) =>
  teamId !== null && reach.memberships.some((m) => m.teamId === teamId && m.role === 'facilitator');

export function canReadFitReview(actor: Actor, r: FitReviewAccess, reach: AssessmentReach): boolean {
  if (isGuest(actor)) return false;
  if (isHrOrAdmin(actor) || onDistrictTeam(reach) || r.createdBy === actor.userId) return true;
  if (actor.leaderOrgUnitIds.includes(r.orgUnitId)) return true;
  return r.teamId !== null && reach.memberships.some((m) => m.teamId === r.teamId);
}

/** Starts a review for a team (HR, admins, the team's facilitator) or without one (HR and admins). */
export function canStartFitReview(actor: Actor, teamId: string | null, reach: AssessmentReach): boolean {
  if (isGuest(actor)) return false;
  return isHrOrAdmin(actor) || facilitates(reach, teamId);
}

/** Edits the review, adds and edits candidates, records recommendations, decides and reopens. */
export function canEditFitReview(actor: Actor, r: FitReviewAccess, reach: AssessmentReach): boolean {
  if (isGuest(actor)) return false;
  return isHrOrAdmin(actor) || facilitates(reach, r.teamId);
}

/** Adopts a candidate: an initiative manager, a candidate recommended to adopt or adapt, not adopted yet. */
export function canAdoptFitCandidate(actor: Actor, c: { recommendation: string | null; initiativeId: string | null }): boolean {
  if (!canManageInitiatives(actor)) return false;
  return c.initiativeId === null && ADOPTABLE_RECOMMENDATIONS.includes(c.recommendation as FitRecommendation);
}

import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';

/**
 * "Coaching is not evaluation." Coaching logs' notes and next steps, and a cycle's goal and outcome,
 * are visible to the coach and the coachee(s) only, unless every coachee of a session shared it.
 * School leaders of a coachee's school, HR and admins see that coaching happened (dates, duration,
 * activity, focus, counts), never what was said. Everyone else: 404.
 */

/** How much of a coaching record the actor sees: everything, the fact that it happened, or nothing. */
export type CoachingView = 'full' | 'summary' | 'none';

export interface CoachingAccessInput {
  districtId: string;
  coachPersonId: string;
  /** Coachees (plan members, the cycle's coachee, or the session's attendees). */
  coacheeIds: string[];
  /** Org units where the coachees currently hold roles. */
  coacheeOrgUnitIds: string[];
  /** Logs only: every attendee shared the session with their school leaders. */
  sharedByAll?: boolean;
}

function overseesCoachees(actor: Actor, input: CoachingAccessInput): boolean {
  return isHrOrAdmin(actor) || input.coacheeOrgUnitIds.some((id) => actor.leaderOrgUnitIds.includes(id));
}

/** What the actor sees of a coaching log or cycle. */
export function coachingView(actor: Actor, input: CoachingAccessInput): CoachingView {
  if (input.districtId !== actor.districtId) return 'none';
  if (input.coachPersonId === actor.personId || input.coacheeIds.includes(actor.personId)) return 'full';
  if (!overseesCoachees(actor, input)) return 'none';
  return input.sharedByAll ? 'full' : 'summary';
}

/** Plans state focus, activities and planned frequency: coach, coachees and those overseeing them read all of it. */
export function canReadCoachingPlan(actor: Actor, input: CoachingAccessInput): boolean {
  return coachingView(actor, { ...input, sharedByAll: true }) !== 'none';
}

/** Coaches coach the people on their caseload; leaders, HR and admins oversee but do not write coaching records. */
export const canCoachAnyone = (actor: Actor) => actor.access === 'coach' || actor.caseloadPersonIds.length > 0;

export function canCoach(actor: Actor, coacheeIds: string[]): boolean {
  return coacheeIds.length > 0 && coacheeIds.every((id) => actor.caseloadPersonIds.includes(id));
}

export function coachingAbilities(actor: Actor, input: CoachingAccessInput) {
  const coach = input.coachPersonId === actor.personId;
  const coachee = input.coacheeIds.includes(actor.personId);
  return {
    edit: coach,
    /** Coachees rate a held session's helpfulness (1-5) and share it with their school leaders. */
    rate: coachee,
    share: coachee,
  };
}

import type { CoachingPlan } from '../../../common/schemas/coaching.ts';

type PlanChoice = Pick<CoachingPlan, 'id' | 'status' | 'startsOn' | 'members'> & { abilities: { edit: boolean } };

/**
 * The plan a new session with these attendees belongs to, when the coach has not picked one: the
 * coach's active plan whose members include every attendee, the most recently started if several;
 * '' when none (or no attendee is picked).
 */
export function activePlanFor(plans: PlanChoice[], attendeeIds: string[]): string {
  if (attendeeIds.length === 0) return '';
  const matching = plans.filter(
    (p) => p.abilities.edit && p.status === 'active' && attendeeIds.every((id) => p.members.some((m) => m.id === id)),
  );
  const newest = matching.reduce<PlanChoice | null>((best, p) => (best === null || p.startsOn > best.startsOn ? p : best), null);
  return newest?.id ?? '';
}

/** Coaching vocabulary shared by browser and server (DESIGN.md section 4, "Coaching"). */

/** What a coach does in a session (competency-drivers: prompting, modeling, feedback, self-reflection on data). */
export const COACHING_ACTIVITIES = ['observation', 'modeling', 'co_planning', 'feedback', 'prompting', 'data_reflection'] as const;
export type CoachingActivity = (typeof COACHING_ACTIVITIES)[number];

/** identify -> learn -> improve, then complete with an outcome. */
export const COACHING_CYCLE_PHASES = ['identify', 'learn', 'improve', 'complete'] as const;
export type CoachingCyclePhase = (typeof COACHING_CYCLE_PHASES)[number];

export const COACHING_LOG_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type CoachingLogStatus = (typeof COACHING_LOG_STATUSES)[number];

export const COACHING_PLAN_STATUSES = ['active', 'closed'] as const;

/** Plans are reviewed three times a year unless the coach sets other dates. */
export const DEFAULT_PLAN_REVIEWS = 3;

export const COACHING_LIMITS = {
  notesChars: 10_000,
  goalChars: 2_000,
  planMembers: 30,
  phases: 12,
} as const;

/** Was the plan followed, as the coach and coachee judge it at a review. */
export const COACHING_REVIEW_FOLLOWED = ['yes', 'partly', 'no'] as const;
export type CoachingReviewFollowed = (typeof COACHING_REVIEW_FOLLOWED)[number];

/** What a review decides: `end` closes the plan; `fade` moves it to its next (lighter) phase. */
export const COACHING_REVIEW_DECISIONS = ['continue', 'change_focus', 'fade', 'end'] as const;
export type CoachingReviewDecision = (typeof COACHING_REVIEW_DECISIONS)[number];

/**
 * Observation and feedback rules shared by browser and server: kinds, statuses, limits and the
 * district's default non-negotiables.
 */

/**
 * A scored observation is rated against the teacher's role rubric; a walkthrough checks look-fors; a
 * fidelity check is scored against an initiative's fidelity tool (started from the initiative, always
 * development, never evaluation: server/policies/fidelity.ts).
 */
export const OBSERVATION_KINDS = ['scored', 'walkthrough', 'fidelity'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/** Kinds a district creates observation types of; the fidelity type is the system's own. */
export const CREATABLE_OBSERVATION_KINDS = ['scored', 'walkthrough'] as const;

/** Kinds scored against a rubric (scores, levels, cited notes). */
export const isScoredKind = (kind: string) => kind === 'scored' || kind === 'fidelity';

/** draft -> published. A published observation is edited only as a new revision. */
export const OBSERVATION_STATUSES = ['draft', 'published'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/**
 * `evaluation`: a scored observation by a school leader, HR or admin; it follows the evaluation
 * permissions (never shown to coaches). `development`: everything else (a coach's observation, any
 * walkthrough), shared with the teacher's coaches and school leaders once published.
 */
export const OBSERVATION_PURPOSES = ['evaluation', 'development'] as const;
export type ObservationPurpose = (typeof OBSERVATION_PURPOSES)[number];

export const ACTION_STEP_STATUSES = ['assigned', 'practicing', 'mastered'] as const;
export type ActionStepStatus = (typeof ACTION_STEP_STATUSES)[number];

/** What the next observation records about an open action step. */
export const ACTION_STEP_CHECK_RESULTS = ['not_yet', 'progressing', 'mastered'] as const;
export type ActionStepCheckResult = (typeof ACTION_STEP_CHECK_RESULTS)[number];

/** Limits, with the message a person sees when they pass them (the server enforces them). */
export const OBSERVATION_LIMITS = {
  noteChars: 5_000,
  notesPerObservation: 500,
  glowsGrowsChars: 10_000,
  commentChars: 5_000,
  replyChars: 5_000,
  lookFors: 30,
  lookForChars: 300,
  actionStepChars: 1_000,
  /** Request body cap for a draft save. */
  draftBodyBytes: 4 * 1024 * 1024,
} as const;

/** A district's non-negotiables until an admin changes them. */
export const DEFAULT_NON_NEGOTIABLES = {
  scoredObservationsPerTerm: 2,
  feedbackWithinSchoolDays: 2,
} as const;

/** Roster roles whose holders are observed and appear on the school tracker. */
export const OBSERVED_ROLES = ['teacher', 'apprentice_teacher', 'instructional_assistant', 'team_lead'] as const;

export const NON_SCHOOL_DAY_KINDS = ['holiday', 'break', 'staff_day', 'weather', 'other'] as const;
export type NonSchoolDayKind = (typeof NON_SCHOOL_DAY_KINDS)[number];

export const NOTIFICATION_KINDS = [
  'observation_published',
  'observation_revised',
  'observation_acknowledged',
  'observation_reply',
  'action_step_assigned',
  'coaching_log_shared',
  'coaching_session_scheduled',
  'feedback_due',
  'feedback_overdue',
  'action_step_due',
  'coaching_review_due',
  'coaching_review_overdue',
  'check_in_due',
  'check_in_overdue',
  'concern_documented',
  'improvement_plan_activated',
  'barrier_raised',
  'barrier_answered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds sent by the daily reminders job (server/services/notifications/reminders.ts), once per record and due date. */
export const REMINDER_KINDS = [
  'feedback_due',
  'feedback_overdue',
  'action_step_due',
  'coaching_review_due',
  'coaching_review_overdue',
  'check_in_due',
  'check_in_overdue',
] as const satisfies readonly NotificationKind[];
export type ReminderKind = (typeof REMINDER_KINDS)[number];

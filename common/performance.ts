/**
 * Performance management vocabulary shared by the server and the web app: cycles, plans, ratings,
 * check-ins, team goals, professionalism and improvement plans. Labels live in the i18n catalogs
 * under `performance.*`.
 */

/** Phases of a cycle, in order; a cycle lists the ones it uses with their dates. */
export const CYCLE_PHASES = ['self_assessment', 'goal_setting', 'mid_year_check_in', 'end_of_year_review', 'sign_off'] as const;
export type CyclePhaseKey = (typeof CYCLE_PHASES)[number];

export const CYCLE_STATUSES = ['draft', 'opening', 'open', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/**
 * A plan's status, in order. Nothing is an irreversible submit: an evaluator may return a submitted
 * plan, and a signed plan reopens with a reason.
 */
export const PLAN_STATUSES = ['self_assessment', 'goal_setting', 'submitted', 'approved', 'signed', 'reviewed', 'acknowledged'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const RATERS = ['self', 'evaluator'] as const;
export type Rater = (typeof RATERS)[number];

export const SIGNER_ROLES = ['person', 'evaluator', 'second_reviewer'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

export const SIGNATURE_STAGES = ['plan', 'review'] as const;
export type SignatureStage = (typeof SIGNATURE_STAGES)[number];

export const GOAL_RATINGS = ['met', 'partly_met', 'not_met'] as const;
export type GoalRating = (typeof GOAL_RATINGS)[number];

export const DEVELOPMENT_ACTIONS = ['coaching', 'course', 'mentor', 'practice'] as const;
export type DevelopmentActionKind = (typeof DEVELOPMENT_ACTIONS)[number];

export const PROGRESS_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'done'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const GOAL_LEVELS = ['district', 'school', 'team'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];

export const CONCERN_STATUSES = ['open', 'resolved'] as const;
export const IMPROVEMENT_STATUSES = ['draft', 'active', 'closed'] as const;
export const IMPROVEMENT_OUTCOMES = ['met', 'not_met', 'extended'] as const;

/** Evidence kinds a rating may point at. */
export const RATING_EVIDENCE_KINDS = ['observation', 'walkthrough', 'coaching_log', 'file'] as const;

/** The template a plan gets when neither its step nor the district has one (plan_templates). */
export const DEFAULT_PLAN_TEMPLATE = {
  title: 'Performance plan',
  sections: [
    { key: 'strengths', title: 'Strengths', prompt: 'Which competencies are your strongest this year, and what shows it?' },
    { key: 'growth', title: 'Areas for growth', prompt: 'Where do you most want to grow, and why now?' },
    { key: 'support', title: 'Support', prompt: 'What support do you need from your manager, coach or team?' },
  ],
  minGoals: 1,
  maxGoals: 3,
  minFocusAreas: 1,
  maxFocusAreas: 3,
  signatureBlocks: [
    { signer: 'person', label: 'Staff member' },
    { signer: 'evaluator', label: 'Evaluator' },
  ],
};

/**
 * Action plans and practice-policy feedback (issue 15 parts 5 and 6), shared by browser and server.
 * An action plan belongs to an implementation team; each item follows the problem-solving protocol
 * (problem from data -> root causes -> strategy -> owner, due date, measure -> review date). A
 * barrier is raised by anyone on staff and routed to the team with the authority to fix it.
 */

export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
/** Statuses of an item still being worked (its reviews come up at team meetings). */
export const ACTIVE_ACTION_ITEM_STATUSES = ['open', 'in_progress'] as const satisfies readonly ActionItemStatus[];

/**
 * Where an item's problem was defined from. `manual`: the team's own words, no record. Each other kind
 * names a record the server checks against the plan's team and initiative.
 *
 * Extension point: `assessment_item` (a low item of an assessment administration) and
 * `survey_result` arrive with the assessment engine and outcomes (issue 15 parts 1 and 7): add the
 * kind to this list and a checker to `SOURCE_CHECKERS` in server/services/action-plans/sources.ts.
 */
export const ACTION_SOURCE_KINDS = ['manual', 'pdsa_cycle', 'implementation_decision', 'fidelity_component'] as const;
export type ActionSourceKind = (typeof ACTION_SOURCE_KINDS)[number];
/** Kinds planned for the extension point above; not accepted yet. */
export const FUTURE_ACTION_SOURCE_KINDS = ['assessment_item', 'survey_result'] as const;

/** The steps of the problem-solving protocol, in the order the web stepper walks them. */
export const PROTOCOL_STEPS = ['problem', 'rootCauses', 'strategy', 'ownership', 'review'] as const;
export type ProtocolStep = (typeof PROTOCOL_STEPS)[number];

export const BARRIER_KINDS = ['schedule', 'policy', 'resources', 'other'] as const;
export type BarrierKind = (typeof BARRIER_KINDS)[number];

/** raised -> acknowledged -> escalated (school team to district team) -> resolved or will not fix. */
export const BARRIER_STATUSES = ['raised', 'acknowledged', 'escalated', 'resolved', 'wont_fix'] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];
export const CLOSED_BARRIER_STATUSES = ['resolved', 'wont_fix'] as const satisfies readonly BarrierStatus[];
export const BARRIER_TRANSITIONS = ['acknowledged', 'escalated', 'resolved', 'wont_fix'] as const;
export type BarrierTransition = (typeof BARRIER_TRANSITIONS)[number];

/** Which statuses a barrier may move to from each status (closing needs an answer). */
export const BARRIER_NEXT: Record<BarrierStatus, readonly BarrierTransition[]> = {
  raised: ['acknowledged', 'escalated', 'resolved', 'wont_fix'],
  acknowledged: ['escalated', 'resolved', 'wont_fix'],
  escalated: ['acknowledged', 'resolved', 'wont_fix'],
  resolved: [],
  wont_fix: [],
};

export const isClosedBarrier = (status: BarrierStatus) => (CLOSED_BARRIER_STATUSES as readonly string[]).includes(status);

export const ACTION_PLAN_LIMITS = {
  titleChars: 200,
  textChars: 10_000,
  rootCauses: 20,
  rootCauseChars: 1_000,
} as const;

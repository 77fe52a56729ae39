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
 * names a record the server checks against the plan's team and initiative (server/services/action-plans/sources.ts).
 *
 * The team picks a PDSA cycle, a decision or a fidelity component in the protocol form. A data source
 * is reached from its page instead ("Plan an action"), and names more than one id:
 * - `assessment_item`: item `id` of administration `administrationId`, with its consensus score;
 * - `survey_result`: the value of outcome measure `id` at school `orgUnitId` in period `periodId`
 *   (Trellis has no surveys of its own: survey-style aggregates are imported as outcome values).
 */
export const PICKED_ACTION_SOURCE_KINDS = ['manual', 'pdsa_cycle', 'implementation_decision', 'fidelity_component'] as const;
export const DATA_ACTION_SOURCE_KINDS = ['assessment_item', 'survey_result'] as const;
export const ACTION_SOURCE_KINDS = [...PICKED_ACTION_SOURCE_KINDS, ...DATA_ACTION_SOURCE_KINDS] as const;
export type ActionSourceKind = (typeof ACTION_SOURCE_KINDS)[number];
export type PickedActionSourceKind = (typeof PICKED_ACTION_SOURCE_KINDS)[number];
export type DataActionSourceKind = (typeof DATA_ACTION_SOURCE_KINDS)[number];
export const isDataSourceKind = (kind: string): kind is DataActionSourceKind =>
  (DATA_ACTION_SOURCE_KINDS as readonly string[]).includes(kind);

/** The ids besides `id` that each kind names (any other given is refused). */
export const SOURCE_REF_FIELDS = {
  manual: [],
  pdsa_cycle: [],
  implementation_decision: [],
  fidelity_component: [],
  assessment_item: ['administrationId'],
  survey_result: ['orgUnitId', 'periodId'],
} as const satisfies Record<ActionSourceKind, readonly ('administrationId' | 'orgUnitId' | 'periodId')[]>;
export type SourceRefField = 'administrationId' | 'orgUnitId' | 'periodId';
export const SOURCE_REF_FIELD_NAMES: readonly SourceRefField[] = ['administrationId', 'orgUnitId', 'periodId'];

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

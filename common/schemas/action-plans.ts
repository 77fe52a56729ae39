import { z } from 'zod';
import { ACTION_ITEM_STATUSES, ACTION_PLAN_LIMITS, ACTION_SOURCE_KINDS, DATA_ACTION_SOURCE_KINDS } from '../action-plans.ts';
import { IMPLEMENTATION_TEAM_KINDS } from '../implementation.ts';
import { IsoDate, Uuid } from './common.ts';
import { PersonRef } from './teams.ts';

/** Action plans of implementation teams and their items (issue 15 part 5): the API contract. */

const DateTime = z.iso.datetime({ offset: true });
const Title = z.string().trim().min(1).max(ACTION_PLAN_LIMITS.titleChars);
const Required = z.string().trim().min(1).max(ACTION_PLAN_LIMITS.textChars);
const Ref = z.object({ id: Uuid, name: z.string() });
const Version = z.number().int().positive();

export const ActionItemStatusSchema = z.enum(ACTION_ITEM_STATUSES);

/** The ids besides `id` that a data source names (common/action-plans.ts SOURCE_REF_FIELDS). */
const SourceRef = {
  /** `assessment_item`: the administration whose consensus score of item `id` the problem comes from. */
  administrationId: Uuid.nullable().optional(),
  /** `survey_result`: the school whose value of measure `id` the problem comes from. */
  orgUnitId: Uuid.nullable().optional(),
  /** `survey_result`: the period of that value. */
  periodId: Uuid.nullable().optional(),
};

/** Where the problem was defined from: `manual` has no id; every other kind names its record. */
export const ActionSource = z.object({
  kind: z.enum(ACTION_SOURCE_KINDS),
  id: Uuid.nullable().default(null),
  ...SourceRef,
});
export type ActionSource = z.infer<typeof ActionSource>;

export const CreateActionPlanInput = z.object({
  title: Title,
  /** The initiative the plan serves; defaults to the team's own initiative. */
  initiativeId: Uuid.nullable().optional(),
});
export type CreateActionPlanInput = z.infer<typeof CreateActionPlanInput>;

export const UpdateActionPlanInput = z.object({ version: Version, title: Title.optional(), active: z.boolean().optional() });
export type UpdateActionPlanInput = z.infer<typeof UpdateActionPlanInput>;

const RootCauses = z.array(z.string().trim().min(1).max(ACTION_PLAN_LIMITS.rootCauseChars)).max(ACTION_PLAN_LIMITS.rootCauses);

/** The protocol's steps in one body: problem from data, root causes, strategy, owner/due/measure, review date. */
export const CreateActionPlanItemInput = z.object({
  problem: Required,
  source: ActionSource.default({ kind: 'manual', id: null }),
  rootCauses: RootCauses.min(1),
  strategy: Required,
  /** A person of the district who owns the item; required. */
  ownerId: Uuid,
  dueOn: IsoDate,
  measure: Required,
  reviewOn: IsoDate,
  /** The meeting action item of the same team this item was promoted from. */
  actionItemId: Uuid.nullable().optional(),
});
export type CreateActionPlanItemInput = z.infer<typeof CreateActionPlanItemInput>;

export const UpdateActionPlanItemInput = z.object({
  version: Version,
  problem: Required.optional(),
  rootCauses: RootCauses.min(1).optional(),
  strategy: Required.optional(),
  ownerId: Uuid.optional(),
  dueOn: IsoDate.optional(),
  measure: Required.optional(),
  reviewOn: IsoDate.optional(),
  status: ActionItemStatusSchema.optional(),
});
export type UpdateActionPlanItemInput = z.infer<typeof UpdateActionPlanItemInput>;

export const CreateReviewInput = z.object({
  reviewedOn: IsoDate,
  note: Required,
  /** A meeting of the plan's team where it was reviewed. */
  meetingId: Uuid.nullable().optional(),
});
export type CreateReviewInput = z.infer<typeof CreateReviewInput>;

export const ActionPlanReview = z.object({
  id: Uuid,
  reviewedOn: IsoDate,
  note: z.string(),
  meeting: z.object({ id: Uuid, meetsAt: DateTime }).nullable(),
  createdAt: DateTime,
});
export type ActionPlanReview = z.infer<typeof ActionPlanReview>;

export const ActionPlanItem = z.object({
  id: Uuid,
  planId: Uuid,
  teamId: Uuid,
  problem: z.string(),
  /** The source with a label for it (a cycle's title, a decision's text, a component's name, an item's text, a measure at a school in a period). */
  source: z.object({ kind: z.enum(ACTION_SOURCE_KINDS), id: Uuid.nullable(), ...SourceRef, label: z.string().nullable() }),
  rootCauses: z.array(z.string()),
  strategy: z.string(),
  owner: PersonRef,
  dueOn: IsoDate,
  measure: z.string(),
  reviewOn: IsoDate,
  status: ActionItemStatusSchema,
  actionItemId: Uuid.nullable(),
  /** Active, and its review date is today or past. */
  reviewDue: z.boolean(),
  overdue: z.boolean(),
  version: z.number().int(),
  createdAt: DateTime,
  updatedAt: DateTime,
  abilities: z.object({ edit: z.boolean() }),
});
export type ActionPlanItem = z.infer<typeof ActionPlanItem>;

export const ActionPlanItemDetail = ActionPlanItem.extend({
  plan: z.object({ id: Uuid, title: z.string() }),
  reviews: z.array(ActionPlanReview),
});
export type ActionPlanItemDetail = z.infer<typeof ActionPlanItemDetail>;

export const ActionPlanSummary = z.object({
  id: Uuid,
  title: z.string(),
  team: z.object({ id: Uuid, name: z.string(), kind: z.enum(IMPLEMENTATION_TEAM_KINDS) }),
  initiative: Ref.nullable(),
  active: z.boolean(),
  counts: z.object({ open: z.number().int(), in_progress: z.number().int(), done: z.number().int(), dropped: z.number().int() }),
  version: z.number().int(),
  createdAt: DateTime,
});
export type ActionPlanSummary = z.infer<typeof ActionPlanSummary>;

export const ActionPlanList = z.object({
  items: z.array(ActionPlanSummary),
  abilities: z.object({ create: z.boolean() }),
});
export type ActionPlanList = z.infer<typeof ActionPlanList>;

export const ActionPlanDetail = ActionPlanSummary.extend({
  items: z.array(ActionPlanItem),
  abilities: z.object({ edit: z.boolean() }),
});
export type ActionPlanDetail = z.infer<typeof ActionPlanDetail>;

/** The choices the protocol form offers: the team's people, PDSA cycles, decisions, profile components and open action items. */
export const ActionPlanOptions = z.object({
  people: z.array(PersonRef),
  sources: z.object({
    pdsa_cycle: z.array(Ref),
    implementation_decision: z.array(Ref),
    fidelity_component: z.array(Ref),
  }),
  actionItems: z.array(z.object({ id: Uuid, text: z.string(), ownerId: Uuid, dueOn: IsoDate })),
});
export type ActionPlanOptions = z.infer<typeof ActionPlanOptions>;

/** What a meeting reviews: the team's active items whose review date has come by the meeting's day, and the reviews recorded at it. */
export const MeetingActionReview = z.object({
  due: z.array(ActionPlanItem.extend({ planTitle: z.string() })),
  reviewed: z.array(ActionPlanReview.extend({ itemId: Uuid, problem: z.string() })),
});
export type MeetingActionReview = z.infer<typeof MeetingActionReview>;

// ---------- Planning an action from data (an assessment item, an outcome value) ----------

/** GET /api/action-plans/from-source: the data source a "Plan an action" link names. */
export const DataSourceQuery = z.object({
  kind: z.enum(DATA_ACTION_SOURCE_KINDS),
  id: Uuid,
  administrationId: Uuid.optional(),
  orgUnitId: Uuid.optional(),
  periodId: Uuid.optional(),
});
export type DataSourceQuery = z.infer<typeof DataSourceQuery>;

/** A scored item of an administration: what the protocol's problem step is written from. */
export const AssessmentItemFacts = z.object({
  kind: z.literal('assessment_item'),
  id: Uuid,
  administrationId: Uuid,
  label: z.string(),
  administration: z.object({
    id: Uuid,
    title: z.string(),
    heldOn: IsoDate,
    instrument: z.string(),
    team: Ref.nullable(),
    orgUnit: Ref,
  }),
  item: z.object({ text: z.string(), section: z.string() }),
  /** The consensus score, its scale point's label and the team's note. */
  score: z.object({ value: z.number(), label: z.string(), note: z.string() }),
  scaleMax: z.number(),
  targetPct: z.number().int().nullable(),
  /** Under the target line (or at most half the maximum): common/assessments.ts isLowScore. */
  low: z.boolean(),
});
export type AssessmentItemFacts = z.infer<typeof AssessmentItemFacts>;

/** A school's value of an outcome measure in a period; never one under the district's minimum count. */
export const SurveyResultFacts = z.object({
  kind: z.literal('survey_result'),
  id: Uuid,
  orgUnitId: Uuid,
  periodId: Uuid,
  label: z.string(),
  measure: z.object({ id: Uuid, name: z.string(), unit: z.string(), higherIsBetter: z.boolean() }),
  school: Ref,
  period: z.object({ id: Uuid, label: z.string() }),
  value: z.number(),
  count: z.number().int(),
});
export type SurveyResultFacts = z.infer<typeof SurveyResultFacts>;

export const DataSourceFacts = z.discriminatedUnion('kind', [AssessmentItemFacts, SurveyResultFacts]);
export type DataSourceFacts = z.infer<typeof DataSourceFacts>;

/** The source, the active plans of the caller's teams it fits, and the teams where the caller may start one for it. */
export const DataSourcePlans = z.object({
  source: DataSourceFacts,
  plans: z.array(z.object({ id: Uuid, title: z.string(), team: Ref, initiative: Ref.nullable() })),
  teams: z.array(Ref),
});
export type DataSourcePlans = z.infer<typeof DataSourcePlans>;

export const PlanParams = z.object({ planId: Uuid });
export const PlanItemParams = z.object({ planId: Uuid, itemId: Uuid });

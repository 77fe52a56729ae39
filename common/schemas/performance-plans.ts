import { z } from 'zod';
import { DEVELOPMENT_ACTIONS, PLAN_STATUSES, RATING_EVIDENCE_KINDS, SIGNER_ROLES } from '../performance.ts';
import { IsoDate, Uuid } from './common.ts';

/** Performance plans: self-assessment, goals, focus areas, approval and signatures (issue 13 items 3-4). */

const Ref = z.object({ id: Uuid, name: z.string() });

export const PlanAbilitiesSchema = z.object({
  selfAssess: z.boolean(),
  editPlan: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  returnToPerson: z.boolean(),
  sign: z.boolean(),
  reopen: z.boolean(),
  checkIn: z.boolean(),
  review: z.boolean(),
  acknowledge: z.boolean(),
});

export const EvidenceRef = z.object({ kind: z.enum(RATING_EVIDENCE_KINDS), id: Uuid });
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const PlanCriterion = z.object({
  itemId: Uuid,
  code: z.string().nullable(),
  title: z.string(),
  position: z.number().int(),
  levels: z.array(z.object({ scaleLevelId: Uuid, score: z.number(), label: z.string(), descriptor: z.string().nullable() })),
});
export type PlanCriterion = z.infer<typeof PlanCriterion>;

export const SelfRating = z.object({
  itemId: Uuid,
  scaleLevelId: Uuid.nullable(),
  comment: z.string().max(10_000),
  evidenceRefs: z.array(EvidenceRef).max(50),
});
export type SelfRating = z.infer<typeof SelfRating>;

export const GoalInput = z.object({
  title: z.string().trim().min(1).max(500),
  metric: z.string().max(2_000).default(''),
  baseline: z.string().max(2_000).default(''),
  baselineOn: IsoDate.nullable().default(null),
  target: z.string().max(2_000).default(''),
  dueOn: IsoDate.nullable().default(null),
  evidence: z.string().max(5_000).default(''),
  alignedGoalId: Uuid.nullable().default(null),
  sharedWithCoach: z.boolean().default(false),
});
export type GoalInput = z.infer<typeof GoalInput>;
export const PlanGoal = GoalInput.extend({ id: Uuid, position: z.number().int(), alignedGoalTitle: z.string().nullable() });
export type PlanGoal = z.infer<typeof PlanGoal>;

export const DevelopmentActionSchema = z.object({
  kind: z.enum(DEVELOPMENT_ACTIONS),
  description: z.string().max(2_000),
  coachingPlanId: Uuid.nullable().optional(),
  actionStepId: Uuid.nullable().optional(),
});
export const FocusAreaInput = z.object({
  itemId: Uuid,
  rationale: z.string().max(5_000).default(''),
  actions: z.array(DevelopmentActionSchema).max(20).default([]),
  sharedWithCoach: z.boolean().default(false),
});
export type FocusAreaInput = z.infer<typeof FocusAreaInput>;
export const PlanFocusArea = FocusAreaInput.extend({ id: Uuid, position: z.number().int(), title: z.string() });
export type PlanFocusArea = z.infer<typeof PlanFocusArea>;

export const PlanSignature = z.object({
  id: Uuid,
  signer: z.enum(SIGNER_ROLES),
  signerName: z.string(),
  typedName: z.string(),
  signedAt: z.string(),
});

export const PerformancePlan = z.object({
  id: Uuid,
  version: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  cycle: z.object({
    id: Uuid,
    title: z.string(),
    schoolYear: z.string(),
    status: z.string(),
    phases: z.array(z.object({ key: z.string(), startsOn: z.string(), endsOn: z.string() })),
  }),
  person: Ref,
  evaluator: Ref.nullable(),
  school: Ref.nullable(),
  template: z.object({
    title: z.string(),
    sections: z.array(z.object({ key: z.string(), title: z.string(), prompt: z.string() })),
    minGoals: z.number().int(),
    maxGoals: z.number().int(),
    minFocusAreas: z.number().int(),
    maxFocusAreas: z.number().int(),
    signatureBlocks: z.array(z.object({ signer: z.string(), label: z.string() })),
  }),
  rubricTitle: z.string().nullable(),
  criteria: z.array(PlanCriterion),
  reflections: z.record(z.string(), z.string()),
  selfRatings: z.array(SelfRating),
  goals: z.array(PlanGoal),
  focusAreas: z.array(PlanFocusArea),
  signatures: z.array(PlanSignature),
  selfAssessedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  /** The evaluator's note when they last returned the plan (until it is submitted again). */
  returnNote: z.string().nullable(),
  /** What a goal may align to (the district's goals and the school's, this school year); empty unless the caller edits the plan. */
  alignableGoals: z.array(z.object({ id: Uuid, level: z.string(), title: z.string() })),
  abilities: PlanAbilitiesSchema,
});
export type PerformancePlan = z.infer<typeof PerformancePlan>;

/** What a caseload coach sees: only what the person shared with their coach. */
export const SharedPlanItems = z.object({
  id: Uuid,
  person: Ref,
  cycle: z.object({ title: z.string(), schoolYear: z.string() }),
  goals: z.array(PlanGoal),
  focusAreas: z.array(PlanFocusArea),
});

export const PLAN_LIST_SCOPES = ['mine', 'evaluating'] as const;
export const PlanListQuery = z.object({
  scope: z.enum(PLAN_LIST_SCOPES).default('mine'),
  status: z.enum(PLAN_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const PlanListItem = z.object({
  id: Uuid,
  status: z.enum(PLAN_STATUSES),
  cycle: z.object({ id: Uuid, title: z.string(), schoolYear: z.string() }),
  person: Ref,
  school: Ref.nullable(),
  evaluatorName: z.string().nullable(),
  updatedAt: z.string(),
});
export type PlanListItem = z.infer<typeof PlanListItem>;
export const PlanList = z.object({ items: z.array(PlanListItem), nextCursor: z.string().nullable() });
export type PlanList = z.infer<typeof PlanList>;

const Versioned = z.object({ version: z.number().int().positive() });
export const SelfRatingsInput = Versioned.extend({ ratings: z.array(SelfRating).max(200) });
export const ReflectionsInput = Versioned.extend({ reflections: z.record(z.string().max(100), z.string().max(20_000)) });
export const GoalWriteInput = Versioned.extend({ goal: GoalInput });
export const FocusAreaWriteInput = Versioned.extend({ focusArea: FocusAreaInput });
export const PlanVersionInput = Versioned;
export const ReturnPlanInput = Versioned.extend({ note: z.string().trim().min(1).max(5_000) });
export const SignPlanInput = Versioned.extend({ typedName: z.string().trim().min(1).max(300) });
export const ReopenPlanInput = Versioned.extend({ reason: z.string().trim().min(1).max(5_000) });
export const VersionQuery = z.object({ version: z.coerce.number().int().positive() });
export const PlanChildParams = z.object({ id: Uuid, childId: Uuid });

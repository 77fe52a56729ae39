import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { frameworkItems, scaleLevels } from './frameworks.ts';
import { orgUnits } from './org-units.ts';
import { pathwaySteps } from './pathways.ts';
import { people } from './people.ts';
import { rubrics } from './rubrics.ts';
import { users } from './users.ts';

/** Who a cycle is for: every list empty means everyone in the district (central office too). */
export interface CyclePopulation {
  roles: string[];
  stepIds: string[];
  /** Schools or departments (org units); a person matches through any current role assignment. */
  orgUnitIds: string[];
}

/** One phase of a cycle: common/performance.ts CYCLE_PHASES, with its dates (ISO, inclusive). */
export interface CyclePhase {
  key: string;
  startsOn: string;
  endsOn: string;
}

/** How a review is rated: per-competency levels always; optionally a weighted overall with cut scores. */
export interface RatingMethod {
  overall: boolean;
  /** Framework item id -> percent; totals 100 when `overall`. Empty: equal weights. */
  weights: Record<string, number>;
  /** Lowest overall score for each label, e.g. [{ min: 3.5, label: 'Highly effective' }]. */
  cutScores: { min: number; label: string }[];
}

/**
 * A school year's performance process for a population: phases with dates, the rubric each step is
 * held to (snapshotted in `performance_cycle_rubrics` when it opens) and the rating method.
 * `populationKey` is a canonical form of the population, so a cycle cannot be opened twice for the
 * same population and year.
 */
export const performanceCycles = pgTable(
  'performance_cycles',
  {
    ...tenantColumns(),
    title: text().notNull(),
    schoolYear: text().notNull(),
    population: jsonb().$type<CyclePopulation>().notNull(),
    populationKey: text().notNull(),
    phases: jsonb().$type<CyclePhase[]>().notNull().default([]),
    ratingMethod: jsonb().$type<RatingMethod>().notNull(),
    /** Check-in dates (quarterly by default). */
    checkInDates: jsonb().$type<string[]>().notNull().default([]),
    /** common/performance.ts CYCLE_STATUSES: draft -> opening -> open -> closed */
    status: text().notNull().default('draft'),
    openedAt: timestamp({ withTimezone: true }),
    openJobId: text(),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('performance_cycles_population_uq').on(t.districtId, t.schoolYear, t.populationKey)],
);

/** A criterion of a snapshotted rubric, with its scale levels and descriptors as they were. */
export interface SnapshotCriterion {
  itemId: string;
  code: string | null;
  title: string;
  position: number;
  weight: number | null;
  levels: { scaleLevelId: string; score: number; label: string; descriptor: string | null }[];
}

/** The rubric a step is held to in one cycle, copied when the cycle opened. */
export const performanceCycleRubrics = pgTable(
  'performance_cycle_rubrics',
  {
    ...tenantColumns(),
    cycleId: uuid()
      .notNull()
      .references(() => performanceCycles.id),
    stepId: uuid().references(() => pathwaySteps.id),
    rubricId: uuid().references(() => rubrics.id),
    title: text().notNull(),
    criteria: jsonb().$type<SnapshotCriterion[]>().notNull(),
  },
  (t) => [uniqueIndex('performance_cycle_rubrics_uq').on(t.cycleId, t.stepId)],
);

/** A section of a plan template: a heading and the reflection prompt under it. */
export interface TemplateSection {
  key: string;
  title: string;
  prompt: string;
}

/** A signature block: who signs and the label above the line. */
export interface SignatureBlock {
  /** common/performance.ts SIGNER_ROLES */
  signer: string;
  label: string;
}

/**
 * The plan template for a career step (null step: the district default), replacing the Word
 * "Perf Plan Reflection" templates: sections, prompts, how many goals and focus areas, signatures.
 */
export const planTemplates = pgTable(
  'plan_templates',
  {
    ...tenantColumns(),
    stepId: uuid().references(() => pathwaySteps.id),
    title: text().notNull(),
    sections: jsonb().$type<TemplateSection[]>().notNull().default([]),
    minGoals: integer().notNull().default(1),
    maxGoals: integer().notNull().default(3),
    minFocusAreas: integer().notNull().default(1),
    maxFocusAreas: integer().notNull().default(3),
    signatureBlocks: jsonb().$type<SignatureBlock[]>().notNull().default([]),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('plan_templates_step_uq').on(t.districtId, sql`coalesce(${t.stepId}, '00000000-0000-0000-0000-000000000000'::uuid)`)],
);

/**
 * One person's performance plan in a cycle. The row is kept when the person leaves (`leftOn`).
 * Timestamps mark each phase's completion; the completion view counts them (summaries below).
 */
export const performancePlans = pgTable(
  'performance_plans',
  {
    ...tenantColumns(),
    cycleId: uuid()
      .notNull()
      .references(() => performanceCycles.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    stepId: uuid().references(() => pathwaySteps.id),
    /** Null: the person has no step and no roster role that maps to a rubric (listed for HR). */
    cycleRubricId: uuid().references(() => performanceCycleRubrics.id),
    /** The person's primary school or department when the plan was made (the completion view's row). */
    orgUnitId: uuid().references(() => orgUnits.id),
    evaluatorPersonId: uuid().references(() => people.id),
    /** The template as it was when the plan was made. */
    template: jsonb()
      .$type<{
        title: string;
        sections: TemplateSection[];
        minGoals: number;
        maxGoals: number;
        minFocusAreas: number;
        maxFocusAreas: number;
        signatureBlocks: SignatureBlock[];
      }>()
      .notNull(),
    /** Section key -> the person's reflection. */
    reflections: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** common/performance.ts PLAN_STATUSES */
    status: text().notNull().default('self_assessment'),
    selfAssessedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    approvedAt: timestamp({ withTimezone: true }),
    signedAt: timestamp({ withTimezone: true }),
    reviewedAt: timestamp({ withTimezone: true }),
    acknowledgedAt: timestamp({ withTimezone: true }),
    /** The earliest check-in not yet held (overdue when before today). */
    nextCheckInOn: date({ mode: 'string' }),
    reviewSummary: text().notNull().default(''),
    overallScore: numeric({ mode: 'number' }),
    overallLabel: text(),
    personReflection: text().notNull().default(''),
    /** The person's response when they acknowledge (acknowledging is not agreeing). */
    acknowledgmentResponse: text(),
    leftOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('performance_plans_uq').on(t.cycleId, t.personId),
    index('performance_plans_person_idx').on(t.districtId, t.personId),
    index('performance_plans_evaluator_idx').on(t.evaluatorPersonId, t.cycleId),
    index('performance_plans_school_idx').on(t.cycleId, t.orgUnitId),
  ],
);

/** A rating of one competency on a plan, by the person (self) or the evaluator (review). */
export const planRatings = pgTable(
  'plan_ratings',
  {
    ...tenantColumns(),
    planId: uuid()
      .notNull()
      .references(() => performancePlans.id),
    itemId: uuid()
      .notNull()
      .references(() => frameworkItems.id),
    /** common/performance.ts RATERS: self | evaluator */
    rater: text().notNull(),
    scaleLevelId: uuid().references(() => scaleLevels.id),
    levelScore: numeric({ mode: 'number' }),
    comment: text().notNull().default(''),
    /** Records that show it: { kind: observation | coaching_log | file | walkthrough, id }. */
    evidenceRefs: jsonb().$type<{ kind: string; id: string }[]>().notNull().default([]),
    ratedByUserId: uuid().references(() => users.id),
  },
  (t) => [uniqueIndex('plan_ratings_uq').on(t.planId, t.itemId, t.rater)],
);

/** A measurable performance goal on a plan; may align to a school or team goal. */
export const planGoals = pgTable(
  'plan_goals',
  {
    ...tenantColumns(),
    planId: uuid()
      .notNull()
      .references(() => performancePlans.id),
    position: integer().notNull().default(0),
    title: text().notNull(),
    metric: text().notNull().default(''),
    baseline: text().notNull().default(''),
    baselineOn: date({ mode: 'string' }),
    target: text().notNull().default(''),
    dueOn: date({ mode: 'string' }),
    evidence: text().notNull().default(''),
    /** A school or team goal (team_goals) this rolls up to. */
    alignedGoalId: uuid(),
    sharedWithCoach: boolean().notNull().default(false),
    /** common/performance.ts GOAL_RATINGS, at review. */
    rating: text(),
    ratingComment: text().notNull().default(''),
  },
  (t) => [index('plan_goals_plan_idx').on(t.planId, t.position), index('plan_goals_aligned_idx').on(t.alignedGoalId)],
);

/** A development action under a focus area, linked to a real record where one exists. */
export interface DevelopmentAction {
  /** common/performance.ts DEVELOPMENT_ACTIONS: coaching | course | mentor | practice */
  kind: string;
  description: string;
  coachingPlanId?: string | null;
  actionStepId?: string | null;
}

/** A competency focus area (1-3 per plan) chosen from the plan's rubric. */
export const planFocusAreas = pgTable(
  'plan_focus_areas',
  {
    ...tenantColumns(),
    planId: uuid()
      .notNull()
      .references(() => performancePlans.id),
    itemId: uuid()
      .notNull()
      .references(() => frameworkItems.id),
    position: integer().notNull().default(0),
    rationale: text().notNull().default(''),
    actions: jsonb().$type<DevelopmentAction[]>().notNull().default([]),
    sharedWithCoach: boolean().notNull().default(false),
  },
  (t) => [uniqueIndex('plan_focus_areas_uq').on(t.planId, t.itemId)],
);

/**
 * A typed-name signature on a plan (`stage` plan) or a review acknowledgment (`stage` review).
 * Reopening a signed plan voids its signatures with the reason; they are never deleted.
 */
export const planSignatures = pgTable(
  'plan_signatures',
  {
    ...tenantColumns(),
    planId: uuid()
      .notNull()
      .references(() => performancePlans.id),
    stage: text().notNull(),
    /** common/performance.ts SIGNER_ROLES */
    signer: text().notNull(),
    signerPersonId: uuid()
      .notNull()
      .references(() => people.id),
    typedName: text().notNull(),
    signedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    planVersion: integer().notNull(),
    voidedAt: timestamp({ withTimezone: true }),
    voidReason: text(),
  },
  (t) => [
    uniqueIndex('plan_signatures_live_uq')
      .on(t.planId, t.stage, t.signer)
      .where(sql`voided_at is null`),
  ],
);

/** Progress on one goal or focus area at a check-in. */
export interface CheckInProgress {
  goalId?: string;
  focusAreaId?: string;
  /** common/performance.ts PROGRESS_STATUSES */
  status: string;
  note: string;
}

/** A check-in on a plan (quarterly by default, dates from the cycle). */
export const planCheckIns = pgTable(
  'plan_check_ins',
  {
    ...tenantColumns(),
    planId: uuid()
      .notNull()
      .references(() => performancePlans.id),
    dueOn: date({ mode: 'string' }).notNull(),
    heldOn: date({ mode: 'string' }),
    progress: jsonb().$type<CheckInProgress[]>().notNull().default([]),
    personNotes: text().notNull().default(''),
    evaluatorNotes: text().notNull().default(''),
    version: integer().notNull().default(1),
  },
  (t) => [index('plan_check_ins_plan_idx').on(t.planId, t.dueOn), index('plan_check_ins_due_idx').on(t.districtId, t.dueOn)],
);

/**
 * Completion counts per cycle and school, kept on write (as tracker_rows are), so HR's view over
 * 25,000 plans reads a few hundred rows. `orgUnitId` null: people with no school.
 */
export const performanceCompletion = pgTable(
  'performance_completion',
  {
    ...tenantColumns(),
    cycleId: uuid()
      .notNull()
      .references(() => performanceCycles.id),
    orgUnitId: uuid().references(() => orgUnits.id),
    plans: integer().notNull().default(0),
    selfAssessed: integer().notNull().default(0),
    submitted: integer().notNull().default(0),
    signed: integer().notNull().default(0),
    reviewed: integer().notNull().default(0),
    acknowledged: integer().notNull().default(0),
    noRubric: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex('performance_completion_uq').on(t.cycleId, sql`coalesce(${t.orgUnitId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
  ],
);

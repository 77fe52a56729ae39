/** Performance views: completion by school and phase, the people behind a count, plan history, rating distribution. */
import { z } from 'zod';
import { Uuid } from './common.ts';

export const CycleIdParams = z.object({ id: Uuid });

export const CompletionRow = z.object({
  /** Null: people with no school. */
  orgUnitId: Uuid.nullable(),
  orgUnitName: z.string().nullable(),
  plans: z.number().int(),
  selfAssessed: z.number().int(),
  submitted: z.number().int(),
  signed: z.number().int(),
  reviewed: z.number().int(),
  acknowledged: z.number().int(),
  noRubric: z.number().int(),
  checkInsOverdue: z.number().int(),
});
export type CompletionRow = z.infer<typeof CompletionRow>;

export const CompletionView = z.object({
  cycle: z.object({ id: Uuid, title: z.string(), schoolYear: z.string(), status: z.string() }),
  /** The district's date the overdue check-ins are counted against. */
  today: z.string(),
  /** True when the caller sees the whole district (HR and admins); leaders see their schools. */
  district: z.boolean(),
  rows: z.array(CompletionRow),
  total: CompletionRow.omit({ orgUnitId: true, orgUnitName: true }),
});
export type CompletionView = z.infer<typeof CompletionView>;

export const MISSING_KINDS = ['self_assessment', 'signature', 'check_in', 'review'] as const;
export type MissingKind = (typeof MISSING_KINDS)[number];

export const CompletionPeopleQuery = z.object({
  orgUnitId: Uuid.optional(),
  missing: z.enum(MISSING_KINDS),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const CompletionPerson = z.object({
  planId: Uuid,
  personId: Uuid,
  name: z.string(),
  orgUnitId: Uuid.nullable(),
  orgUnitName: z.string().nullable(),
  evaluatorName: z.string().nullable(),
  status: z.string(),
  nextCheckInOn: z.string().nullable(),
});
export type CompletionPerson = z.infer<typeof CompletionPerson>;

export const CompletionPeople = z.object({ items: z.array(CompletionPerson), nextCursor: z.string().nullable() });
export type CompletionPeople = z.infer<typeof CompletionPeople>;

export const PlanHistoryItem = z.object({
  planId: Uuid,
  cycleId: Uuid,
  cycleTitle: z.string(),
  schoolYear: z.string(),
  status: z.string(),
  overallLabel: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  leftOn: z.string().nullable(),
});
export type PlanHistoryItem = z.infer<typeof PlanHistoryItem>;

export const PlanHistory = z.object({
  person: z.object({ id: Uuid, name: z.string() }),
  items: z.array(PlanHistoryItem),
});
export type PlanHistory = z.infer<typeof PlanHistory>;

export const RatingsQuery = z.object({ by: z.enum(['school', 'evaluator']).default('school') });

/** Counts of reviewed plans per overall label, and per level score on each competency. */
export const RatingCounts = z.object({
  reviewed: z.number().int(),
  overall: z.record(z.string(), z.number().int()),
  /** Framework item id -> level score (as text) -> count. */
  competencies: z.record(z.string(), z.record(z.string(), z.number().int())),
});
export type RatingCounts = z.infer<typeof RatingCounts>;

export const RatingGroup = RatingCounts.extend({
  id: Uuid.nullable(),
  name: z.string().nullable(),
  /** Fewer than SMALL_GROUP reviewed plans: shown, but too few to compare. */
  small: z.boolean(),
});
export type RatingGroup = z.infer<typeof RatingGroup>;

export const SMALL_GROUP = 5;

export const RatingDistribution = z.object({
  cycle: z.object({ id: Uuid, title: z.string(), schoolYear: z.string() }),
  by: z.enum(['school', 'evaluator']),
  competencies: z.array(z.object({ itemId: Uuid, code: z.string().nullable(), title: z.string() })),
  levels: z.array(z.object({ score: z.number(), label: z.string() })),
  labels: z.array(z.string()),
  district: RatingCounts,
  groups: z.array(RatingGroup),
});
export type RatingDistribution = z.infer<typeof RatingDistribution>;

/** The cycles a completion or ratings viewer can pick from, newest first. */
export const ViewCycles = z.object({
  items: z.array(z.object({ id: Uuid, title: z.string(), schoolYear: z.string(), status: z.string() })),
});
export type ViewCycles = z.infer<typeof ViewCycles>;

import { z } from 'zod';
import { SchoolYear } from './settings.ts';

/** Primary evaluators: who evaluates each person in a school year. */

export const EVALUATOR_SOURCES = ['assigned', 'computed', 'none'] as const;

export const PersonRef = z.object({ id: z.uuid(), name: z.string() });

export const PersonEvaluator = z.object({
  personId: z.uuid(),
  personName: z.string(),
  schoolYear: z.string(),
  evaluator: PersonRef.nullable(),
  /** `assigned` by HR; `computed`: the principal of the primary school (for a principal, their network's leader). */
  source: z.enum(EVALUATOR_SOURCES),
  /** The default the district would use without HR's choice. */
  computed: PersonRef.nullable(),
  /** HR's row, with its version for the next change; null when computed. */
  assignment: z.object({ id: z.uuid(), version: z.number().int() }).nullable(),
  primaryOrgUnitName: z.string().nullable(),
  abilities: z.object({ assign: z.boolean() }),
});
export type PersonEvaluator = z.infer<typeof PersonEvaluator>;

export const EvaluatorQuery = z.object({ schoolYear: SchoolYear.optional() });

export const SetEvaluatorInput = z.object({
  schoolYear: SchoolYear,
  /** Null returns the person to the computed default. */
  evaluatorPersonId: z.uuid().nullable(),
  /** The version of HR's row the caller saw; null when there was none. */
  version: z.number().int().positive().nullable(),
});

export const EvaluatorListQuery = z.object({
  schoolYear: SchoolYear.optional(),
  orgUnitId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const EvaluatorList = z.object({ schoolYear: z.string(), items: z.array(PersonEvaluator), total: z.number().int() });

/** One evaluator for many people at once (HR's multi-select). */
export const BulkEvaluatorInput = z.object({
  schoolYear: SchoolYear,
  evaluatorPersonId: z.uuid(),
  personIds: z.array(z.uuid()).min(1).max(1000),
});

export const BulkEvaluatorResult = z.object({ assigned: z.number().int(), unchanged: z.number().int() });

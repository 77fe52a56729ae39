import { z } from 'zod';
import { VERSION_STATUSES } from '../competency.ts';
import { PathwayStep, StepRef } from './pathways.ts';

/** Role rubrics (a rubric row for a framework version and a pathway step) and the compare view. */

export const RubricSummary = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  title: z.string(),
  step: StepRef.nullable(),
  scaleId: z.uuid().nullable(),
  criterionCount: z.number().int(),
  version: z.number().int(),
});
export type RubricSummary = z.infer<typeof RubricSummary>;

export const RubricList = z.object({ items: z.array(RubricSummary) });

export const CreateRubricInput = z.object({
  stepId: z.uuid(),
  title: z.string().trim().min(1).max(300).optional(),
  /** Competencies (items of the same version) the role is held to, in display order. */
  itemIds: z.array(z.uuid()).max(300).default([]),
  /** Default: the version's scale, else the district's default scale. */
  scaleId: z.uuid().optional(),
});

export const GridLevel = z.object({
  id: z.uuid().nullable(),
  position: z.number().int(),
  label: z.string(),
  levelScore: z.number().nullable(),
  proficient: z.boolean(),
  description: z.string().nullable(),
});
export type GridLevel = z.infer<typeof GridLevel>;

export const GridItemRef = z.object({
  id: z.uuid(),
  humanCode: z.string().nullable(),
  fullStatement: z.string(),
  itemType: z.string().nullable(),
  retired: z.boolean(),
});

export const RubricDescriptor = z.object({
  id: z.uuid(),
  criterionId: z.uuid(),
  scaleLevelId: z.uuid().nullable(),
  position: z.number().int(),
  quality: z.string().nullable(),
  levelScore: z.number().nullable(),
  description: z.string(),
  version: z.number().int(),
});
export type RubricDescriptor = z.infer<typeof RubricDescriptor>;

export const GridCriterion = z.object({
  id: z.uuid(),
  position: z.number().int(),
  description: z.string().nullable(),
  /** The competency; null for a CASE criterion pointing outside the version. */
  item: GridItemRef.nullable(),
  /** The competency's parent (usually its domain). */
  domain: GridItemRef.omit({ retired: true }).nullable(),
  /** Ordered like `levels` (highest first). */
  descriptors: z.array(RubricDescriptor),
});
export type GridCriterion = z.infer<typeof GridCriterion>;

export const RubricGrid = z.object({
  rubric: z.object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    scaleId: z.uuid().nullable(),
    version: z.number().int(),
  }),
  step: StepRef.nullable(),
  frameworkVersion: z.object({
    id: z.uuid(),
    frameworkId: z.uuid(),
    frameworkTitle: z.string(),
    versionNumber: z.number().int(),
    title: z.string(),
    status: z.enum(VERSION_STATUSES),
  }),
  /** The scale's levels: the grid's columns, highest first. */
  levels: z.array(GridLevel),
  criteria: z.array(GridCriterion),
  abilities: z.object({ edit: z.boolean(), comment: z.boolean() }),
});
export type RubricGrid = z.infer<typeof RubricGrid>;

export const UpdateDescriptorInput = z.object({
  version: z.number().int().positive(),
  description: z.string().max(4000),
});

export const AddCriteriaInput = z.object({ itemIds: z.array(z.uuid()).min(1).max(300) });

export const ReorderCriteriaInput = z.object({
  /** The rubric's version. */
  version: z.number().int().positive(),
  criterionIds: z.array(z.uuid()).min(1).max(300),
});

export const CompareQuery = z.object({ a: z.uuid(), b: z.uuid(), versionId: z.uuid().optional() });

export const CompareRow = z.object({
  item: GridItemRef,
  domain: GridItemRef.omit({ retired: true }).nullable(),
  /** Descriptor texts by level position; null when the step's rubric does not hold this competency. */
  a: z.array(z.string()).nullable(),
  b: z.array(z.string()).nullable(),
  /** 'both_same' | 'changed' (some level's text differs) | 'only_a' | 'only_b'. */
  status: z.enum(['same', 'changed', 'only_a', 'only_b']),
  /** Level positions whose texts differ (for 'changed'). */
  changedLevels: z.array(z.number().int()),
});
export type CompareRow = z.infer<typeof CompareRow>;

export const StepComparison = z.object({
  a: PathwayStep,
  b: PathwayStep,
  /** The framework version whose rubrics are compared (null when neither step has a rubric the caller can read). */
  frameworkVersion: z
    .object({ id: z.uuid(), frameworkTitle: z.string(), versionNumber: z.number().int(), status: z.enum(VERSION_STATUSES) })
    .nullable(),
  rubricA: z.uuid().nullable(),
  rubricB: z.uuid().nullable(),
  levels: z.array(z.object({ position: z.number().int(), label: z.string() })),
  rows: z.array(CompareRow),
  differences: z.object({
    payBand: z.boolean(),
    responsibilityLevel: z.boolean(),
    staffRole: z.boolean(),
    minYearsExperience: z.boolean(),
    responsibilities: z.object({ onlyA: z.array(z.string()), onlyB: z.array(z.string()) }),
    credentials: z.object({ onlyA: z.array(z.string()), onlyB: z.array(z.string()) }),
    evidence: z.object({ onlyA: z.array(z.string()), onlyB: z.array(z.string()) }),
  }),
});
export type StepComparison = z.infer<typeof StepComparison>;

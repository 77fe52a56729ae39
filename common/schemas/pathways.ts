import { z } from 'zod';
import { CENTRAL_OFFICE_FUNCTIONS, EQUIVALENCE_DIMENSIONS, PATHWAY_CATEGORIES, VERSION_STATUSES } from '../competency.ts';
import { STAFF_ROLES } from '../roles.ts';

/** Career pathways and their steps: the API contract. Money is whole US dollars (`...Usd`). */

export type CentralOfficeFunction = (typeof CENTRAL_OFFICE_FUNCTIONS)[number];

export const CatalogAbilities = z.object({ update: z.boolean(), deactivate: z.boolean() });

const text = (max: number) => z.string().trim().max(max);
const shortList = z.array(z.string().trim().min(1).max(300)).max(50);
const usd = z.number().int().min(0).max(10_000_000);

export const StepPrerequisites = z.object({
  minYearsExperience: z.number().int().min(0).max(60).nullable().default(null),
  credentials: shortList.default([]),
  evidence: shortList.default([]),
});
export type StepPrerequisites = z.infer<typeof StepPrerequisites>;

/** A step of another pathway, as shown beside an equivalence or in a picker. */
export const StepRef = z.object({
  id: z.uuid(),
  title: z.string(),
  pathwayId: z.uuid(),
  pathwayName: z.string(),
  responsibilityLevel: z.number().int().nullable(),
});
export type StepRef = z.infer<typeof StepRef>;

/** An equivalence seen from one of its steps: `step` is the other one. */
export const StepEquivalence = z.object({
  id: z.uuid(),
  dimensions: z.array(z.enum(EQUIVALENCE_DIMENSIONS)),
  notes: z.string().nullable(),
  step: StepRef,
});
export type StepEquivalence = z.infer<typeof StepEquivalence>;

/** A rubric written for the step in a framework version the caller may read (published or, for editors, draft). */
export const StepRubricLink = z.object({
  rubricId: z.uuid(),
  versionId: z.uuid(),
  frameworkId: z.uuid(),
  frameworkTitle: z.string(),
  versionNumber: z.number().int(),
  status: z.enum(VERSION_STATUSES),
});
export type StepRubricLink = z.infer<typeof StepRubricLink>;

export const PathwayStep = z.object({
  id: z.uuid(),
  pathwayId: z.uuid(),
  pathwayName: z.string(),
  position: z.number().int(),
  title: z.string(),
  /** Names the step in spreadsheets (the staff import's step column); unique in the district. */
  code: z.string().nullable(),
  staffRole: z.enum(STAFF_ROLES).nullable(),
  responsibilityLevel: z.number().int().nullable(),
  summary: z.string().nullable(),
  responsibilities: z.array(z.string()),
  prerequisites: z.object({
    minYearsExperience: z.number().int().nullable(),
    credentials: z.array(z.string()),
    evidence: z.array(z.string()),
  }),
  payBandMinUsd: z.number().int().nullable(),
  payBandMaxUsd: z.number().int().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  equivalences: z.array(StepEquivalence),
  rubrics: z.array(StepRubricLink),
  abilities: CatalogAbilities,
});
export type PathwayStep = z.infer<typeof PathwayStep>;

export const Pathway = z.object({
  id: z.uuid(),
  name: z.string(),
  category: z.enum(PATHWAY_CATEGORIES),
  function: z.enum(CENTRAL_OFFICE_FUNCTIONS).nullable(),
  description: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  /** In ladder order (entry step first), inactive steps included. */
  steps: z.array(PathwayStep),
  abilities: CatalogAbilities,
});
export type Pathway = z.infer<typeof Pathway>;

export const PathwaySummary = Pathway.omit({ steps: true }).extend({
  steps: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      position: z.number().int(),
      active: z.boolean(),
      responsibilityLevel: z.number().int().nullable(),
    }),
  ),
});
export type PathwaySummary = z.infer<typeof PathwaySummary>;

export const PathwayList = z.object({ items: z.array(PathwaySummary), total: z.number().int() });

export const PathwayListQuery = z.object({ active: z.enum(['true', 'false', 'all']).default('true') });

const pathwayFields = {
  name: text(200).min(1),
  category: z.enum(PATHWAY_CATEGORIES),
  /** Central-office pathways only. */
  function: z.enum(CENTRAL_OFFICE_FUNCTIONS).nullable().optional(),
  description: text(4000).nullable().optional(),
};

export const CreatePathwayInput = z.object(pathwayFields);
export const UpdatePathwayInput = z.object(pathwayFields).partial().extend({ version: z.number().int().positive() });

const stepFields = {
  title: text(200).min(1),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,30}$/, 'Letters, digits, dots, dashes; at most 30')
    .nullable()
    .optional(),
  staffRole: z.enum(STAFF_ROLES).nullable().optional(),
  responsibilityLevel: z.number().int().min(1).max(20).nullable().optional(),
  summary: text(4000).nullable().optional(),
  responsibilities: shortList.optional(),
  prerequisites: StepPrerequisites.optional(),
  payBandMinUsd: usd.nullable().optional(),
  payBandMaxUsd: usd.nullable().optional(),
};

const payBandOrdered = (v: { payBandMinUsd?: number | null; payBandMaxUsd?: number | null }) =>
  v.payBandMinUsd == null || v.payBandMaxUsd == null || v.payBandMinUsd <= v.payBandMaxUsd;
const payBandIssue = { message: 'The pay band minimum must not exceed the maximum', path: ['payBandMaxUsd'] };

export const CreateStepInput = z
  .object({ ...stepFields, /** Where to insert (default: after the last step). */ position: z.number().int().min(0).optional() })
  .refine(payBandOrdered, payBandIssue);
export const UpdateStepInput = z
  .object(stepFields)
  .partial()
  .extend({ version: z.number().int().positive() })
  .refine(payBandOrdered, payBandIssue);

export const ReorderStepsInput = z.object({
  /** The pathway's version. */
  version: z.number().int().positive(),
  /** Every step of the pathway, in the new order. */
  stepIds: z.array(z.uuid()).min(1).max(100),
});

export const CreateEquivalenceInput = z.object({
  equivalentStepId: z.uuid(),
  dimensions: z.array(z.enum(EQUIVALENCE_DIMENSIONS)).min(1).max(3),
  notes: text(2000).nullable().optional(),
});
export const UpdateEquivalenceInput = CreateEquivalenceInput.omit({ equivalentStepId: true }).partial();

export const StepEquivalenceParams = z.object({ id: z.uuid(), equivalenceId: z.uuid() });

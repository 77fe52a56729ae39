import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';

/** A career pathway: instructional, school leadership, or a central-office function. */
export const careerPathways = pgTable(
  'career_pathways',
  {
    ...tenantColumns(),
    name: text().notNull(),
    category: text().notNull(),
    /** For central-office pathways: finance, human_resources, technology... */
    function: text(),
    description: text(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [index('career_pathways_district_idx').on(t.districtId)],
);

export interface StepPrerequisites {
  minYearsExperience?: number | null;
  credentials: string[];
  evidence: string[];
}

/** One step of a pathway (a role at a level of responsibility). `position` 0 is the entry step. */
export const pathwaySteps = pgTable(
  'pathway_steps',
  {
    ...tenantColumns(),
    pathwayId: uuid()
      .notNull()
      .references(() => careerPathways.id),
    position: integer().notNull(),
    title: text().notNull(),
    /** Short code naming the step in spreadsheets (unique in the district), e.g. "TL1". */
    code: text(),
    /** The roster role people on this step hold (common/roles.ts STAFF_ROLES), if any. */
    staffRole: text(),
    /** 1 = entry; comparable across pathways. */
    responsibilityLevel: integer(),
    summary: text(),
    responsibilities: jsonb().$type<string[]>().notNull().default([]),
    prerequisites: jsonb().$type<StepPrerequisites>().notNull().default({ credentials: [], evidence: [] }),
    payBandMinUsd: integer(),
    payBandMaxUsd: integer(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [index('pathway_steps_pathway_idx').on(t.pathwayId, t.position), uniqueIndex('pathway_steps_code_uq').on(t.districtId, t.code)],
);

/** Two steps of different pathways declared equivalent (stored once, `stepId` < `equivalentStepId`). */
export const stepEquivalences = pgTable(
  'step_equivalences',
  {
    ...tenantColumns(),
    stepId: uuid()
      .notNull()
      .references(() => pathwaySteps.id),
    equivalentStepId: uuid()
      .notNull()
      .references(() => pathwaySteps.id),
    /** Which of skills / responsibility / pay the equivalence covers. */
    dimensions: jsonb().$type<string[]>().notNull().default([]),
    notes: text(),
  },
  (t) => [
    uniqueIndex('step_equivalences_pair_uq').on(t.stepId, t.equivalentStepId),
    index('step_equivalences_other_idx').on(t.equivalentStepId),
  ],
);

import { index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { frameworkItems, frameworkVersions, scaleLevels, scales } from './frameworks.ts';
import { pathwaySteps } from './pathways.ts';

/**
 * A rubric (CASE CFRubric) inside a framework version. A role rubric belongs to a pathway step; a
 * rubric imported from a CASE package may have no step until someone assigns one. It is as
 * immutable as its version once that is published.
 */
export const rubrics = pgTable(
  'rubrics',
  {
    ...tenantColumns(),
    versionId: uuid()
      .notNull()
      .references(() => frameworkVersions.id),
    stepId: uuid().references(() => pathwaySteps.id),
    scaleId: uuid().references(() => scales.id),
    caseIdentifier: text().notNull(),
    title: text().notNull(),
    description: text(),
    caseFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('rubrics_case_uq').on(t.versionId, t.caseIdentifier),
    uniqueIndex('rubrics_step_uq').on(t.versionId, t.stepId),
    index('rubrics_step_idx').on(t.stepId),
  ],
);

/** A criterion (CASE CFRubricCriterion): one competency the role is held to. */
export const rubricCriteria = pgTable(
  'rubric_criteria',
  {
    ...tenantColumns(),
    rubricId: uuid()
      .notNull()
      .references(() => rubrics.id),
    /** The competency (null when the CASE criterion points outside the version: see `caseFields.CFItemURI`). */
    itemId: uuid().references(() => frameworkItems.id),
    caseIdentifier: text().notNull(),
    position: integer().notNull().default(0),
    category: text(),
    description: text(),
    weight: numeric({ mode: 'number' }),
    caseFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('rubric_criteria_case_uq').on(t.rubricId, t.caseIdentifier),
    index('rubric_criteria_rubric_idx').on(t.rubricId, t.position),
    index('rubric_criteria_item_idx').on(t.itemId),
  ],
);

/** What one level of the scale means for one criterion (CASE CFRubricCriterionLevel). */
export const rubricDescriptors = pgTable(
  'rubric_descriptors',
  {
    ...tenantColumns(),
    criterionId: uuid()
      .notNull()
      .references(() => rubricCriteria.id),
    scaleLevelId: uuid().references(() => scaleLevels.id),
    caseIdentifier: text().notNull(),
    position: integer().notNull().default(0),
    /** CASE `quality`: the level's label as the rubric shows it. */
    quality: text(),
    levelScore: numeric({ mode: 'number' }),
    description: text().notNull().default(''),
    feedback: text(),
    caseFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Optimistic lock: two editors saving the same descriptor get 409 with the current text. */
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('rubric_descriptors_case_uq').on(t.criterionId, t.caseIdentifier),
    index('rubric_descriptors_criterion_idx').on(t.criterionId, t.position),
  ],
);

import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { pathwaySteps } from './pathways.ts';
import { people } from './people.ts';

/**
 * A person's position on a career step, dated. The current placement has no `endDate`; placing the
 * person on another step ends it the day before, so promotions stay visible. Never deleted.
 */
export const stepPlacements = pgTable(
  'step_placements',
  {
    ...tenantColumns(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    stepId: uuid()
      .notNull()
      .references(() => pathwaySteps.id),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    /** How it was set: by hand, in bulk by roster role, or by a staff spreadsheet import. */
    source: text().notNull().default('manual'),
    note: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('step_placements_person_idx').on(t.personId, t.startDate),
    index('step_placements_step_idx').on(t.stepId),
    // At most one open placement per person.
    uniqueIndex('step_placements_open_uq')
      .on(t.personId)
      .where(sql`end_date is null`),
  ],
);

/**
 * HR's choice of a person's primary evaluator for a school year ("2026-27"). Without a row the
 * evaluator is computed: the principal of the person's primary school.
 */
export const evaluatorAssignments = pgTable(
  'evaluator_assignments',
  {
    ...tenantColumns(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    schoolYear: text().notNull(),
    /** Null: HR returned the person to the computed default (the row keeps the history's version). */
    evaluatorPersonId: uuid().references(() => people.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('evaluator_assignments_uq').on(t.districtId, t.personId, t.schoolYear),
    index('evaluator_assignments_evaluator_idx').on(t.evaluatorPersonId, t.schoolYear),
  ],
);

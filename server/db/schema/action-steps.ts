import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { frameworkItems } from './frameworks.ts';
import { observations } from './observations.ts';
import { people } from './people.ts';

/** The district's library of action steps, each in "what to do" language and tagged with a competency. */
export const actionStepLibrary = pgTable(
  'action_step_library',
  {
    ...tenantColumns(),
    itemId: uuid().references(() => frameworkItems.id),
    title: text().notNull(),
    practicePrompt: text(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [index('action_step_library_item_idx').on(t.districtId, t.itemId)],
);

/** A next step agreed with a teacher: assigned -> practicing -> mastered. */
export const actionSteps = pgTable(
  'action_steps',
  {
    ...tenantColumns(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    /** The observation it was agreed in (null when written outside an observation). */
    observationId: uuid().references(() => observations.id),
    libraryStepId: uuid().references(() => actionStepLibrary.id),
    itemId: uuid().references(() => frameworkItems.id),
    title: text().notNull(),
    practicePrompt: text(),
    dueOn: date({ mode: 'string' }),
    /** common/observation.ts ACTION_STEP_STATUSES */
    status: text().notNull().default('assigned'),
    masteredAt: timestamp({ withTimezone: true }),
    createdByPersonId: uuid().references(() => people.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('action_steps_person_idx').on(t.districtId, t.personId, t.status),
    index('action_steps_observation_idx').on(t.observationId),
  ],
);

/** What a later observation recorded about an open action step. */
export const actionStepChecks = pgTable(
  'action_step_checks',
  {
    ...tenantColumns(),
    actionStepId: uuid()
      .notNull()
      .references(() => actionSteps.id),
    observationId: uuid()
      .notNull()
      .references(() => observations.id),
    /** common/observation.ts ACTION_STEP_CHECK_RESULTS */
    result: text().notNull(),
    comment: text(),
  },
  (t) => [uniqueIndex('action_step_checks_uq').on(t.actionStepId, t.observationId)],
);

import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { people } from './people.ts';

/** A professionalism expectation the district holds everyone to (attendance, punctuality...). */
export const professionalismExpectations = pgTable(
  'professionalism_expectations',
  {
    ...tenantColumns(),
    position: integer().notNull().default(0),
    title: text().notNull(),
    description: text().notNull().default(''),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [index('professionalism_expectations_idx').on(t.districtId, t.position)],
);

/** An escalation step when someone keeps missing expectations (conversation ... HR), in order. */
export const escalationSteps = pgTable(
  'escalation_steps',
  {
    ...tenantColumns(),
    position: integer().notNull().default(0),
    title: text().notNull(),
    description: text().notNull().default(''),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [index('escalation_steps_idx').on(t.districtId, t.position)],
);

/**
 * A concern a leader documents about a person against an expectation, at an escalation step. The
 * person sees it and may respond. Never visible to coaches; coaching notes never feed it.
 */
export const professionalismConcerns = pgTable(
  'professionalism_concerns',
  {
    ...tenantColumns(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    raisedByPersonId: uuid()
      .notNull()
      .references(() => people.id),
    expectationId: uuid()
      .notNull()
      .references(() => professionalismExpectations.id),
    escalationStepId: uuid().references(() => escalationSteps.id),
    occurredOn: date({ mode: 'string' }).notNull(),
    description: text().notNull(),
    personResponse: text(),
    respondedAt: timestamp({ withTimezone: true }),
    /** common/performance.ts CONCERN_STATUSES: open | resolved */
    status: text().notNull().default('open'),
    version: integer().notNull().default(1),
  },
  (t) => [index('professionalism_concerns_person_idx').on(t.districtId, t.personId, t.occurredOn)],
);

/** An improvement plan (plan of assistance): goals, supports, check dates and an outcome. */
export const improvementPlans = pgTable(
  'improvement_plans',
  {
    ...tenantColumns(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    ownerPersonId: uuid()
      .notNull()
      .references(() => people.id),
    concernId: uuid().references(() => professionalismConcerns.id),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    goals: jsonb().$type<{ text: string; measure: string }[]>().notNull().default([]),
    supports: jsonb().$type<{ text: string; owner: string }[]>().notNull().default([]),
    checkDates: jsonb().$type<{ on: string; note: string; held: boolean }[]>().notNull().default([]),
    /** common/performance.ts IMPROVEMENT_OUTCOMES: met | not_met | extended (null while open) */
    outcome: text(),
    outcomeNote: text().notNull().default(''),
    /** common/performance.ts IMPROVEMENT_STATUSES: draft | active | closed */
    status: text().notNull().default('draft'),
    personResponse: text(),
    version: integer().notNull().default(1),
  },
  (t) => [index('improvement_plans_person_idx').on(t.districtId, t.personId, t.startsOn)],
);

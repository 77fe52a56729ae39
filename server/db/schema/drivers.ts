import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coachingPlans } from './coaching.ts';
import { tenantColumns } from './columns.ts';
import { frameworkItems } from './frameworks.ts';
import { initiatives } from './initiatives.ts';
import { people } from './people.ts';
import { users } from './users.ts';

/**
 * An initiative's plan for one implementation driver (common/implementation.ts DRIVERS): an owner, a
 * written plan, the driver's own fields (`details`: skills and interview questions for selection;
 * who checks, how often and rater agreement for fidelity...) and, for reviews, how often.
 */
export const driverPlans = pgTable(
  'driver_plans',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    driver: text().notNull(),
    ownerPersonId: uuid().references(() => people.id),
    plan: text().notNull().default(''),
    details: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Weeks without a record before the driver no longer counts as producing data. */
    dataWindowWeeks: integer().notNull().default(8),
    version: integer().notNull().default(1),
    updatedBy: uuid().references(() => users.id),
  },
  (t) => [uniqueIndex('driver_plans_uq').on(t.initiativeId, t.driver)],
);

/** A training session of an initiative's training plan: topic, component, trainer, outcomes, attendance. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    topic: text().notNull(),
    /** The essential component it teaches (an item of the practice profile). */
    itemId: uuid().references(() => frameworkItems.id),
    trainerName: text().notNull(),
    trainerQualification: text().notNull().default(''),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull().default(180),
    location: text().notNull().default(''),
    outcomes: text().notNull().default(''),
    /** How the outcomes are measured (pre/post assessment, observed practice, trainer feedback). */
    measures: text().notNull().default(''),
    version: integer().notNull().default(1),
  },
  (t) => [index('training_sessions_initiative_idx').on(t.initiativeId, t.startsAt)],
);

/** Who attended a training session (one row per person invited or present). */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    ...tenantColumns(),
    sessionId: uuid()
      .notNull()
      .references(() => trainingSessions.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    attended: boolean().notNull().default(true),
    recordedBy: uuid().references(() => users.id),
  },
  (t) => [uniqueIndex('training_attendance_uq').on(t.sessionId, t.personId), index('training_attendance_person_idx').on(t.personId)],
);

/** Who coaches whom on the initiative, and on which component now; linked to an existing coaching plan. */
export const initiativeCoaching = pgTable(
  'initiative_coaching',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    coachPersonId: uuid()
      .notNull()
      .references(() => people.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    /** The one component the coaching is on between training sessions. */
    itemId: uuid().references(() => frameworkItems.id),
    coachingPlanId: uuid().references(() => coachingPlans.id),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('initiative_coaching_initiative_idx').on(t.initiativeId, t.coachPersonId),
    index('initiative_coaching_person_idx').on(t.personId),
  ],
);

/** The coaching system's review (three times a year): against fidelity, coach observations and satisfaction. */
export const coachingSystemReviews = pgTable(
  'coaching_system_reviews',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    reviewedOn: date({ mode: 'string' }).notNull(),
    fidelityFindings: text().notNull().default(''),
    observationFindings: text().notNull().default(''),
    /** Average satisfaction reported by coached staff (1-5), if surveyed. */
    satisfaction: numeric({ mode: 'number' }),
    decisions: text().notNull().default(''),
    createdBy: uuid().references(() => users.id),
  },
  (t) => [index('coaching_system_reviews_idx').on(t.initiativeId, t.reviewedOn)],
);

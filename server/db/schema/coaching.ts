import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { frameworkItems } from './frameworks.ts';
import { people } from './people.ts';

/** One phase of a plan's planned frequency: from `startsOn`, `sessionsPerMonth`, faded as the skill grows. */
export interface FrequencyPhase {
  startsOn: string;
  sessionsPerMonth: number;
  /** When the coach moves on to this phase, e.g. "once 2b is at Demonstrating". */
  criterion: string | null;
}

/**
 * A coaching service delivery plan for one coachee or a group: focus, activities, planned frequency
 * and how it fades, and review dates (three a year by default).
 */
export const coachingPlans = pgTable(
  'coaching_plans',
  {
    ...tenantColumns(),
    coachPersonId: uuid()
      .notNull()
      .references(() => people.id),
    title: text().notNull(),
    focusItemIds: jsonb().$type<string[]>().notNull().default([]),
    /** Program components or other focus named in the district's words. */
    focusComponents: jsonb().$type<string[]>().notNull().default([]),
    /** common/coaching.ts COACHING_ACTIVITIES */
    activities: jsonb().$type<string[]>().notNull().default([]),
    sessionMinutes: integer(),
    phases: jsonb().$type<FrequencyPhase[]>().notNull().default([]),
    reviewDates: jsonb().$type<string[]>().notNull().default([]),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    /** common/coaching.ts COACHING_PLAN_STATUSES */
    status: text().notNull().default('active'),
    version: integer().notNull().default(1),
  },
  (t) => [index('coaching_plans_coach_idx').on(t.districtId, t.coachPersonId)],
);

/** The coachees a plan is for (one, or a group). */
export const coachingPlanMembers = pgTable(
  'coaching_plan_members',
  {
    ...tenantColumns(),
    planId: uuid()
      .notNull()
      .references(() => coachingPlans.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
  },
  (t) => [uniqueIndex('coaching_plan_members_uq').on(t.planId, t.personId), index('coaching_plan_members_person_idx').on(t.personId)],
);

/** identify -> learn -> improve with a goal and an outcome; groups coaching logs. */
export const coachingCycles = pgTable(
  'coaching_cycles',
  {
    ...tenantColumns(),
    planId: uuid().references(() => coachingPlans.id),
    coachPersonId: uuid()
      .notNull()
      .references(() => people.id),
    coacheePersonId: uuid()
      .notNull()
      .references(() => people.id),
    focusItemId: uuid().references(() => frameworkItems.id),
    /** common/coaching.ts COACHING_CYCLE_PHASES */
    phase: text().notNull().default('identify'),
    goal: text().notNull(),
    outcome: text(),
    startedOn: date({ mode: 'string' }).notNull(),
    completedOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('coaching_cycles_coach_idx').on(t.districtId, t.coachPersonId),
    index('coaching_cycles_coachee_idx').on(t.districtId, t.coacheePersonId),
  ],
);

/**
 * A coaching session, scheduled or held. Its notes and next steps are private to the coach and the
 * attendees; school leaders see only that it happened (date, duration, activity, focus) unless every
 * attendee shared it.
 */
export const coachingLogs = pgTable(
  'coaching_logs',
  {
    ...tenantColumns(),
    coachPersonId: uuid()
      .notNull()
      .references(() => people.id),
    planId: uuid().references(() => coachingPlans.id),
    cycleId: uuid().references(() => coachingCycles.id),
    /** common/coaching.ts COACHING_LOG_STATUSES */
    status: text().notNull().default('held'),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull(),
    /** common/coaching.ts COACHING_ACTIVITIES */
    activity: text().notNull(),
    focusItemId: uuid().references(() => frameworkItems.id),
    notes: text().notNull().default(''),
    nextSteps: text().notNull().default(''),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('coaching_logs_coach_idx').on(t.districtId, t.coachPersonId, t.startsAt),
    index('coaching_logs_plan_idx').on(t.planId, t.startsAt),
    index('coaching_logs_cycle_idx').on(t.cycleId),
    // The sessions list's order (services/coaching/log-list.ts), for readers who see the district.
    index('coaching_logs_list_idx').on(t.districtId, t.startsAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

/** Who a session was with; each attendee may rate it (1-5) and share it with their school leaders. */
export const coachingLogAttendees = pgTable(
  'coaching_log_attendees',
  {
    ...tenantColumns(),
    logId: uuid()
      .notNull()
      .references(() => coachingLogs.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    helpfulness: integer(),
    ratedAt: timestamp({ withTimezone: true }),
    sharedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('coaching_log_attendees_uq').on(t.logId, t.personId), index('coaching_log_attendees_person_idx').on(t.personId)],
);

/**
 * A plan's review, recorded at one of its review dates by the coach with the coachee: was the plan
 * followed (planned vs delivered to that day, computed and kept as they were), what the data said,
 * the decision, next steps, and the coachee's acknowledgement. Development data: its notes are
 * private to the coach and the plan's members.
 */
export const coachingPlanReviews = pgTable(
  'coaching_plan_reviews',
  {
    ...tenantColumns(),
    planId: uuid()
      .notNull()
      .references(() => coachingPlans.id),
    /** The plan review date this review answers. */
    reviewDate: date({ mode: 'string' }).notNull(),
    /** Planned sessions to the review (one decimal) and held ones, as computed when recorded. */
    plannedSessions: numeric({ precision: 6, scale: 1, mode: 'number' }).notNull(),
    deliveredSessions: integer().notNull(),
    /** common/coaching.ts COACHING_REVIEW_FOLLOWED */
    followed: text().notNull(),
    dataNotes: text().notNull().default(''),
    /** common/coaching.ts COACHING_REVIEW_DECISIONS */
    decision: text().notNull(),
    nextSteps: text().notNull().default(''),
    recordedByPersonId: uuid()
      .notNull()
      .references(() => people.id),
    acknowledgedByPersonId: uuid().references(() => people.id),
    acknowledgedAt: timestamp({ withTimezone: true }),
    coacheeNote: text().notNull().default(''),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('coaching_plan_reviews_uq').on(t.planId, t.reviewDate),
    index('coaching_plan_reviews_district_idx').on(t.districtId, t.planId),
  ],
);

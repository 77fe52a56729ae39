import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { frameworkItems, scaleLevels } from './frameworks.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';
import { teams } from './teams.ts';

/** A school improvement plan priority: a short, ordered list per school per year. */
export const schoolPriorities = pgTable(
  'school_priorities',
  {
    ...tenantColumns(),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    schoolYear: text().notNull(),
    position: integer().notNull().default(0),
    title: text().notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [index('school_priorities_school_idx').on(t.districtId, t.orgUnitId, t.schoolYear, t.position)],
);

/**
 * A district, school or team goal for a school year. School and team goals tie to a priority and
 * roll up to a district goal (`parentGoalId`); staff performance goals align to them.
 */
export const teamGoals = pgTable(
  'team_goals',
  {
    ...tenantColumns(),
    /** common/performance.ts GOAL_LEVELS: district | school | team */
    level: text().notNull(),
    orgUnitId: uuid().references(() => orgUnits.id),
    teamId: uuid().references(() => teams.id),
    schoolYear: text().notNull(),
    priorityId: uuid().references(() => schoolPriorities.id),
    parentGoalId: uuid(),
    title: text().notNull(),
    metric: text().notNull().default(''),
    baseline: text().notNull().default(''),
    target: text().notNull().default(''),
    dueOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('team_goals_school_idx').on(t.districtId, t.orgUnitId, t.schoolYear),
    index('team_goals_team_idx').on(t.teamId, t.schoolYear),
    index('team_goals_parent_idx').on(t.parentGoalId),
  ],
);

/** A quarterly check on a team goal. */
export const teamGoalCheckIns = pgTable(
  'team_goal_check_ins',
  {
    ...tenantColumns(),
    goalId: uuid()
      .notNull()
      .references(() => teamGoals.id),
    checkedOn: date({ mode: 'string' }).notNull(),
    /** common/performance.ts PROGRESS_STATUSES */
    status: text().notNull(),
    note: text().notNull().default(''),
    recordedByPersonId: uuid().references(() => people.id),
  },
  (t) => [index('team_goal_check_ins_goal_idx').on(t.goalId, t.checkedOn)],
);

/** A team's reflection on its composition and its self-assessment for a year, on the district scale. */
export const teamReflections = pgTable(
  'team_reflections',
  {
    ...tenantColumns(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    schoolYear: text().notNull(),
    composition: text().notNull().default(''),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('team_reflections_uq').on(t.teamId, t.schoolYear)],
);

/** A team's self-rating on one competency for a year. */
export const teamSelfRatings = pgTable(
  'team_self_ratings',
  {
    ...tenantColumns(),
    reflectionId: uuid()
      .notNull()
      .references(() => teamReflections.id),
    itemId: uuid()
      .notNull()
      .references(() => frameworkItems.id),
    scaleLevelId: uuid().references(() => scaleLevels.id),
    levelScore: numeric({ mode: 'number' }),
    comment: text().notNull().default(''),
  },
  (t) => [uniqueIndex('team_self_ratings_uq').on(t.reflectionId, t.itemId)],
);

/** A 1:1 between a leader and an ILT member or team lead: agenda and decisions. */
export const oneOnOnes = pgTable(
  'one_on_ones',
  {
    ...tenantColumns(),
    leaderPersonId: uuid()
      .notNull()
      .references(() => people.id),
    memberPersonId: uuid()
      .notNull()
      .references(() => people.id),
    meetsAt: timestamp({ withTimezone: true }).notNull(),
    agenda: jsonb().$type<{ topic: string; done: boolean }[]>().notNull().default([]),
    decisions: text().notNull().default(''),
    notes: text().notNull().default(''),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('one_on_ones_leader_idx').on(t.districtId, t.leaderPersonId, t.meetsAt),
    index('one_on_ones_member_idx').on(t.districtId, t.memberPersonId, t.meetsAt),
  ],
);

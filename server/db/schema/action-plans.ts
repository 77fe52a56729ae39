import { boolean, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { SourceRefField } from '../../../common/action-plans.ts';
import { tenantColumns } from './columns.ts';
import { implementationActionItems, implementationMeetings, implementationTeams } from './implementation-teams.ts';
import { initiatives } from './initiatives.ts';
import { people } from './people.ts';
import { users } from './users.ts';

/** The ids besides `sourceId` that a data source names. */
export type ActionSourceRef = Partial<Record<SourceRefField, string>>;

/** A team's action plan (optionally for one initiative): a titled list of items worked through the problem-solving protocol. */
export const actionPlans = pgTable(
  'action_plans',
  {
    ...tenantColumns(),
    teamId: uuid()
      .notNull()
      .references(() => implementationTeams.id),
    initiativeId: uuid().references(() => initiatives.id),
    title: text().notNull(),
    /** Closed plans stay readable; nothing is deleted. */
    active: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [index('action_plans_team_idx').on(t.districtId, t.teamId)],
);

/**
 * One item of an action plan: the problem defined from data (its source a kind and an id, see
 * common/action-plans.ts ACTION_SOURCE_KINDS), root causes, the strategy, an owner, a due date, a
 * measure and a review date. An action item of a meeting may be promoted into one (`actionItemId`).
 */
export const actionPlanItems = pgTable(
  'action_plan_items',
  {
    ...tenantColumns(),
    planId: uuid()
      .notNull()
      .references(() => actionPlans.id),
    /** The plan's team, kept on the item so a meeting finds the items due for review in one query. */
    teamId: uuid()
      .notNull()
      .references(() => implementationTeams.id),
    problem: text().notNull(),
    /** common/action-plans.ts ACTION_SOURCE_KINDS */
    sourceKind: text().notNull().default('manual'),
    /** The record the problem came from (null for `manual`); checked by kind, no foreign key. */
    sourceId: uuid(),
    /**
     * The other ids a data source names (common/action-plans.ts SOURCE_REF_FIELDS): an assessment
     * item's administration, an outcome value's school and period; null for the other kinds.
     */
    sourceRef: jsonb().$type<ActionSourceRef | null>(),
    rootCauses: jsonb().$type<string[]>().notNull().default([]),
    strategy: text().notNull(),
    ownerPersonId: uuid()
      .notNull()
      .references(() => people.id),
    dueOn: date({ mode: 'string' }).notNull(),
    measure: text().notNull(),
    reviewOn: date({ mode: 'string' }).notNull(),
    /** common/action-plans.ts ACTION_ITEM_STATUSES */
    status: text().notNull().default('open'),
    actionItemId: uuid().references(() => implementationActionItems.id),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('action_plan_items_plan_idx').on(t.planId, t.dueOn),
    index('action_plan_items_review_idx').on(t.districtId, t.teamId, t.reviewOn),
    index('action_plan_items_owner_idx').on(t.ownerPersonId, t.dueOn),
  ],
);

/** A dated progress review of an item, optionally recorded at a meeting of the plan's team. */
export const actionPlanReviews = pgTable(
  'action_plan_reviews',
  {
    ...tenantColumns(),
    itemId: uuid()
      .notNull()
      .references(() => actionPlanItems.id),
    reviewedOn: date({ mode: 'string' }).notNull(),
    note: text().notNull(),
    meetingId: uuid().references(() => implementationMeetings.id),
    createdBy: uuid().references(() => users.id),
  },
  (t) => [index('action_plan_reviews_item_idx').on(t.itemId, t.reviewedOn), index('action_plan_reviews_meeting_idx').on(t.meetingId)],
);

export type ActionPlanRow = typeof actionPlans.$inferSelect;
export type ActionPlanItemRow = typeof actionPlanItems.$inferSelect;
export type ActionPlanReviewRow = typeof actionPlanReviews.$inferSelect;

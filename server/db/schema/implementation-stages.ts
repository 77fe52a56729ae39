import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { initiatives } from './initiatives.ts';
import { orgUnits } from './org-units.ts';
import { users } from './users.ts';

/** One line of a stage's checklist or exit criteria (the district writes and edits them). */
export interface StageChecklistItem {
  id: string;
  text: string;
}

/** What an initiative asks of each stage (common/implementation.ts IMPLEMENTATION_STAGES): activities and exit criteria. */
export const initiativeStageDefinitions = pgTable(
  'initiative_stage_definitions',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    stage: text().notNull(),
    activities: jsonb().$type<StageChecklistItem[]>().notNull().default([]),
    exitCriteria: jsonb().$type<StageChecklistItem[]>().notNull().default([]),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('initiative_stage_definitions_uq').on(t.initiativeId, t.stage)],
);

/** Where one school (or the district office) stands on an initiative: its stage and checklist progress. */
export const initiativeStages = pgTable(
  'initiative_stages',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    /** A school, or the district's own org unit for the district-level stage. */
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    stage: text().notNull(),
    /** Checklist item id -> when it was ticked and by whom, for the current stage's lists. */
    done: jsonb().$type<Record<string, { at: string; by: string }>>().notNull().default({}),
    enteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('initiative_stages_uq').on(t.initiativeId, t.orgUnitId),
    index('initiative_stages_stage_idx').on(t.initiativeId, t.stage),
  ],
);

/** A recorded stage move, forward or back: who, when, why and the evidence. Never edited. */
export const initiativeStageMoves = pgTable(
  'initiative_stage_moves',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    fromStage: text(),
    toStage: text().notNull(),
    evidence: text().notNull(),
    /** Exit criteria ids of the stage left that were met when moving. */
    criteriaMet: jsonb().$type<string[]>().notNull().default([]),
    movedBy: uuid()
      .notNull()
      .references(() => users.id),
    movedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_stage_moves_idx').on(t.initiativeId, t.orgUnitId, t.movedAt)],
);

import { boolean, date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts } from './districts.ts';
import { frameworkItems, scaleLevels } from './frameworks.ts';
import { observations } from './observations.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';

/**
 * Each person's latest published level per competency and observation purpose, kept on publish so
 * the school tracker never scans every score. Derived from `evidence`; rebuildable from it.
 */
export const competencyLatest = pgTable(
  'competency_latest',
  {
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    itemId: uuid()
      .notNull()
      .references(() => frameworkItems.id),
    /** common/observation.ts OBSERVATION_PURPOSES */
    purpose: text().notNull(),
    observationId: uuid()
      .notNull()
      .references(() => observations.id),
    scaleLevelId: uuid().references(() => scaleLevels.id),
    levelScore: numeric({ mode: 'number' }),
    proficient: boolean().notNull(),
    observedOn: date({ mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.itemId, t.purpose] })],
);

export interface CompetencyShare {
  scored: number;
  proficient: number;
}

/**
 * Per-school figures for the district view, recomputed for a school when something in it changes
 * and for every school by a periodic refresh (overdue feedback changes with the date alone).
 */
export const schoolTrackerSummary = pgTable('school_tracker_summary', {
  orgUnitId: uuid()
    .primaryKey()
    .references(() => orgUnits.id),
  districtId: uuid()
    .notNull()
    .references(() => districts.id),
  teacherCount: integer().notNull().default(0),
  observedThisTerm: integer().notNull().default(0),
  scoredObservationsThisTerm: integer().notNull().default(0),
  missingObservations: integer().notNull().default(0),
  overdueFeedback: integer().notNull().default(0),
  openActionSteps: integer().notNull().default(0),
  coachingSessionsThisTerm: integer().notNull().default(0),
  belowProficient: integer().notNull().default(0),
  /** itemId -> counts of teachers scored / proficient on it (latest level). */
  competencies: jsonb().$type<Record<string, CompetencyShare>>().notNull().default({}),
  termId: uuid(),
  refreshedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

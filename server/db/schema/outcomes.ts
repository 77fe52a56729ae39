import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { districts } from './districts.ts';
import { initiatives } from './initiatives.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';

/**
 * Outcome data (issue 15, part 7): aggregates per school (and per teacher where the district allows
 * it) per period, imported from CSV. No student is ever stored; `count` is how many students a value
 * stands for, and a value whose count is under the district's minimum never leaves the server.
 */

/** A district's outcome rules: the smallest group ever shown (never below 5) and whether per-teacher values are kept. */
export const outcomeSettings = pgTable(
  'outcome_settings',
  {
    districtId: uuid()
      .primaryKey()
      .references(() => districts.id),
    minCount: integer().notNull().default(10),
    perTeacherAllowed: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('outcome_settings_min_count_ck', sql`${t.minCount} >= 5`)],
);

/** What is measured: a key the CSV names, a unit, and which way is better. */
export const outcomeMeasures = pgTable(
  'outcome_measures',
  {
    ...tenantColumns(),
    key: text().notNull(),
    name: text().notNull(),
    unit: text().notNull().default(''),
    higherIsBetter: boolean().notNull().default(true),
    description: text().notNull().default(''),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('outcome_measures_key_uq').on(t.districtId, t.key)],
);

/** A reporting period ("2025-26 Fall") with its dates. */
export const outcomePeriods = pgTable(
  'outcome_periods',
  {
    ...tenantColumns(),
    label: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('outcome_periods_label_uq').on(t.districtId, t.label)],
);

/** One aggregate: a measure at a school (or one teacher's students there) in a period. */
export const outcomeValues = pgTable(
  'outcome_values',
  {
    ...tenantColumns(),
    measureId: uuid()
      .notNull()
      .references(() => outcomeMeasures.id),
    periodId: uuid()
      .notNull()
      .references(() => outcomePeriods.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    /** Set for a per-teacher value (only where the district allows them). */
    personId: uuid().references(() => people.id),
    value: numeric({ mode: 'number' }).notNull(),
    count: integer().notNull(),
  },
  (t) => [
    unique('outcome_values_cell_uq').on(t.measureId, t.periodId, t.orgUnitId, t.personId).nullsNotDistinct(),
    index('outcome_values_school_idx').on(t.districtId, t.orgUnitId, t.measureId),
    check('outcome_values_count_ck', sql`${t.count} >= 0`),
  ],
);

/** The measures an initiative watches. */
export const initiativeMeasures = pgTable(
  'initiative_measures',
  {
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    measureId: uuid()
      .notNull()
      .references(() => outcomeMeasures.id),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.measureId] }), index('initiative_measures_measure_idx').on(t.measureId)],
);

/**
 * One initiative's dashboard figures (stage, drivers, training, coaching, fidelity, and its outcomes
 * suppressed under the minimum count they were stored with), computed off the request path and
 * stored with `refreshed_at`: the district dashboard reads these rows, never the raw records.
 */
export const dashboardInitiativeSummaries = pgTable('dashboard_initiative_summaries', {
  initiativeId: uuid()
    .primaryKey()
    .references(() => initiatives.id),
  districtId: uuid()
    .notNull()
    .references(() => districts.id),
  figures: jsonb().notNull(),
  /** When the refresh that wrote `figures` began reading (the database's clock). */
  refreshedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /**
   * Set by a write that changes the initiative's figures (a stage move, a fidelity check, training
   * attendance, a coaching session...): while it is at or after `refreshed_at`, the figures are
   * stale and the next read computes them afresh (services/dashboards/freshness.ts).
   */
  staleSince: timestamp({ withTimezone: true }),
});

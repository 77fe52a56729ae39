import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { districts } from './districts.ts';
import { frameworks } from './frameworks.ts';

/**
 * A district's non-negotiables and observation defaults (one row per district, created with the
 * defaults of common/observation.ts on first read). Optimistic lock through `version`.
 */
export const districtSettings = pgTable('district_settings', {
  districtId: uuid()
    .primaryKey()
    .references(() => districts.id),
  scoredObservationsPerTerm: integer().notNull().default(2),
  feedbackWithinSchoolDays: integer().notNull().default(2),
  /** The framework whose published version's role rubrics scored observations use. */
  observationFrameworkId: uuid().references(() => frameworks.id),
  /** When on, a look-for seen on a published walkthrough records evidence for its tagged competency. */
  walkthroughEvidence: boolean().notNull().default(false),
  /** The hour (district time, 0-23) from which the day's reminders and digest are sent. */
  digestHour: integer().notNull().default(7),
  /** The language of e-mails to people who have not chosen one (common/i18n locales). */
  defaultLocale: text().notNull().default('en'),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A term of the district school calendar (e.g. "Fall 2026"); terms do not overlap. */
export const schoolTerms = pgTable(
  'school_terms',
  {
    ...tenantColumns(),
    name: text().notNull(),
    /** e.g. "2026-27" */
    schoolYear: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [index('school_terms_district_idx').on(t.districtId, t.startsOn)],
);

/** A weekday without school (holiday, break, staff day...); weekends are never school days. */
export const nonSchoolDays = pgTable(
  'non_school_days',
  {
    ...tenantColumns(),
    day: date({ mode: 'string' }).notNull(),
    /** common/observation.ts NON_SCHOOL_DAY_KINDS */
    kind: text().notNull(),
    label: text().notNull(),
  },
  (t) => [uniqueIndex('non_school_days_uq').on(t.districtId, t.day)],
);

import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ScalePoint } from '../../../common/assessments.ts';
import { districts } from './districts.ts';
import { tenantColumns } from './columns.ts';
import { implementationTeams } from './implementation-teams.ts';
import { initiatives } from './initiatives.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';
import { users } from './users.ts';

/**
 * An assessment instrument (a fit review, a drivers review, a capacity or practice self-review, or
 * the district's own): the family of its versions. `libraryKey` marks a built-in one (installed once).
 */
export const assessmentInstruments = pgTable(
  'assessment_instruments',
  {
    ...tenantColumns(),
    name: text().notNull(),
    /** common/assessments.ts INSTRUMENT_KINDS */
    kind: text().notNull(),
    description: text().notNull().default(''),
    /** Where the text comes from and under which licence (a district's licensed copy says so here). */
    sourceNote: text().notNull().default(''),
    libraryKey: text(),
    active: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('assessment_instruments_district_idx').on(t.districtId, t.name),
    uniqueIndex('assessment_instruments_library_uq')
      .on(t.districtId, t.libraryKey)
      .where(sql`library_key IS NOT NULL`),
  ],
);

/**
 * One version of an instrument. A draft is edited; a published version never changes (an edit
 * starts a new draft), so an administration stays readable against the version it used. The
 * rating scale (points with anchors) and the target line belong to the version.
 */
export const assessmentVersions = pgTable(
  'assessment_versions',
  {
    ...tenantColumns(),
    instrumentId: uuid()
      .notNull()
      .references(() => assessmentInstruments.id),
    versionNumber: integer().notNull(),
    /** common/assessments.ts INSTRUMENT_VERSION_STATUSES */
    status: text().notNull().default('draft'),
    scalePoints: jsonb().$type<ScalePoint[]>().notNull().default([]),
    /** The target line, as a percent of the maximum (e.g. 80), or null. */
    targetPct: integer(),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('assessment_versions_number_uq').on(t.instrumentId, t.versionNumber),
    uniqueIndex('assessment_versions_one_draft_uq')
      .on(t.instrumentId)
      .where(sql`status = 'draft'`),
  ],
);

/** An ordered section of a version. `key` stays the same across versions (to follow a section over time). */
export const assessmentSections = pgTable(
  'assessment_sections',
  {
    ...tenantColumns(),
    versionId: uuid()
      .notNull()
      .references(() => assessmentVersions.id),
    key: uuid().notNull().defaultRandom(),
    position: integer().notNull(),
    title: text().notNull(),
  },
  (t) => [uniqueIndex('assessment_sections_position_uq').on(t.versionId, t.position)],
);

/** An ordered item of a section. `key` stays the same across versions (to show which items moved). */
export const assessmentItems = pgTable(
  'assessment_items',
  {
    ...tenantColumns(),
    versionId: uuid()
      .notNull()
      .references(() => assessmentVersions.id),
    sectionId: uuid()
      .notNull()
      .references(() => assessmentSections.id),
    key: uuid().notNull().defaultRandom(),
    position: integer().notNull(),
    text: text().notNull(),
    guidance: text().notNull().default(''),
  },
  (t) => [uniqueIndex('assessment_items_position_uq').on(t.sectionId, t.position), index('assessment_items_version_idx').on(t.versionId)],
);

/** Section and total results of an administration, kept on every score written. */
export interface AdministrationResults {
  total: { sum: number; max: number; pct: number | null; scored: number; items: number };
  sections: {
    sectionId: string;
    key: string;
    title: string;
    sum: number;
    max: number;
    pct: number | null;
    scored: number;
    items: number;
  }[];
}

/**
 * One administration of a version: by an implementation team, or by one person scoring alone, at
 * a school or the district, optionally for an initiative. It keeps its version for good.
 * `currentItemId`/`currentItemState` are where the live voting stands (services/assessments/voting.ts).
 */
export const assessmentAdministrations = pgTable(
  'assessment_administrations',
  {
    ...tenantColumns(),
    instrumentId: uuid()
      .notNull()
      .references(() => assessmentInstruments.id),
    versionId: uuid()
      .notNull()
      .references(() => assessmentVersions.id),
    teamId: uuid().references(() => implementationTeams.id),
    /** The person scoring alone (no team). */
    soloPersonId: uuid().references(() => people.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    initiativeId: uuid().references(() => initiatives.id),
    title: text().notNull().default(''),
    heldOn: date({ mode: 'string' }).notNull(),
    /** common/assessments.ts ADMINISTRATION_STATUSES */
    status: text().notNull().default('open'),
    currentItemId: uuid().references(() => assessmentItems.id),
    /** common/assessments.ts ITEM_STATES */
    currentItemState: text(),
    /**
     * Counts every change others following the administration live should hear (an item opened, a
     * vote, a reveal, a score, attendees, closing): the id of its live events. Apart from `version`,
     * which votes leave alone so a facilitator's close or attendee edit is not refused by a vote.
     */
    liveRevision: integer().notNull().default(0),
    results: jsonb().$type<AdministrationResults | null>(),
    /** The total percent, copied out of `results` for trends and comparisons. */
    totalPct: numeric({ mode: 'number' }),
    closedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('assessment_administrations_trend_idx').on(t.districtId, t.instrumentId, t.orgUnitId, t.heldOn),
    index('assessment_administrations_team_idx').on(t.teamId, t.heldOn),
  ],
);

/** A person at an administration, in an administration role (common/assessments.ts ADMINISTRATION_ROLES). */
export const assessmentAttendees = pgTable(
  'assessment_attendees',
  {
    ...tenantColumns(),
    administrationId: uuid()
      .notNull()
      .references(() => assessmentAdministrations.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    role: text().notNull(),
  },
  (t) => [uniqueIndex('assessment_attendees_uq').on(t.administrationId, t.personId)],
);

/** The consensus score of one item, with its note, recorded by the facilitator or the note taker. */
export const assessmentScores = pgTable(
  'assessment_scores',
  {
    ...tenantColumns(),
    administrationId: uuid()
      .notNull()
      .references(() => assessmentAdministrations.id),
    itemId: uuid()
      .notNull()
      .references(() => assessmentItems.id),
    value: numeric({ mode: 'number' }).notNull(),
    note: text().notNull().default(''),
    recordedBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('assessment_scores_uq').on(t.administrationId, t.itemId)],
);

/**
 * One member's vote on one item (the live voting; one per person and item: voting again before the
 * reveal replaces it). Its value is shown to no one, the voter aside, until the item is revealed.
 */
export const assessmentVotes = pgTable(
  'assessment_votes',
  {
    ...tenantColumns(),
    administrationId: uuid()
      .notNull()
      .references(() => assessmentAdministrations.id),
    itemId: uuid()
      .notNull()
      .references(() => assessmentItems.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    value: numeric({ mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('assessment_votes_uq').on(t.administrationId, t.itemId, t.personId)],
);

/**
 * The reveal of one item's votes: who revealed them and when (`createdAt`), whether before everyone
 * had voted (`forced`), how many had voted of how many voting attendees, and the distribution of
 * the counted votes at that moment (votes are locked from then on).
 */
export const assessmentReveals = pgTable(
  'assessment_reveals',
  {
    ...tenantColumns(),
    administrationId: uuid()
      .notNull()
      .references(() => assessmentAdministrations.id),
    itemId: uuid()
      .notNull()
      .references(() => assessmentItems.id),
    revealedBy: uuid().references(() => users.id),
    forced: boolean().notNull().default(false),
    voted: integer().notNull(),
    expected: integer().notNull(),
    /** Counted votes per scale point, in the scale's order (points nobody chose included, at 0). */
    distribution: jsonb().$type<{ value: number; count: number }[]>().notNull(),
  },
  (t) => [uniqueIndex('assessment_reveals_uq').on(t.administrationId, t.itemId)],
);

/** A district's assessment settings (one row per district, defaults until saved). */
export const assessmentSettings = pgTable('assessment_settings', {
  districtId: uuid()
    .primaryKey()
    .references(() => districts.id),
  /** Off by default: school leaders see only their own schools' results, never a comparison. */
  schoolLeadersCompareSchools: boolean().notNull().default(false),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { districts } from './districts.ts';
import { frameworkItems, scaleLevels, scales } from './frameworks.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';
import { rubricCriteria, rubrics } from './rubrics.ts';
import { users } from './users.ts';

/** A kind of observation the district runs: scored against the role rubric, or a walkthrough with look-fors. */
export const observationTypes = pgTable(
  'observation_types',
  {
    ...tenantColumns(),
    name: text().notNull(),
    /** common/observation.ts OBSERVATION_KINDS */
    kind: text().notNull(),
    description: text(),
    /** Walkthroughs: the short list of things the observer looks for. */
    lookFors: jsonb().$type<string[]>().notNull().default([]),
    /** Walkthroughs: look-for text -> framework item (competency) of the published observation framework. */
    lookForItems: jsonb().$type<Record<string, string>>().notNull().default({}),
    defaultDurationMinutes: integer(),
    /** Counts toward the "scored observations per term" non-negotiable. */
    countsTowardRequirement: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [index('observation_types_district_idx').on(t.districtId)],
);

export interface LookForResult {
  lookFor: string;
  seen: boolean | null;
  comment: string | null;
}

/**
 * One observation of a teacher. A draft is private to its observer (and co-observer); publishing
 * shares it with the teacher, writes evidence and sets the feedback due date. Editing a published
 * observation keeps the previous one as a revision and tells the teacher.
 */
export const observations = pgTable(
  'observations',
  {
    ...tenantColumns(),
    typeId: uuid()
      .notNull()
      .references(() => observationTypes.id),
    /** Copied from the type when the observation starts. */
    kind: text().notNull(),
    /** common/observation.ts OBSERVATION_PURPOSES, fixed when the observation starts. */
    purpose: text().notNull(),
    observedPersonId: uuid()
      .notNull()
      .references(() => people.id),
    observerPersonId: uuid()
      .notNull()
      .references(() => people.id),
    coObserverPersonId: uuid().references(() => people.id),
    /** The teacher's school when observed. */
    orgUnitId: uuid().references(() => orgUnits.id),
    /** Scored observations: the teacher's role rubric and its scale. */
    rubricId: uuid().references(() => rubrics.id),
    scaleId: uuid().references(() => scales.id),
    observedOn: date({ mode: 'string' }).notNull(),
    /** Set when the observation is scheduled ahead (shown on the calendars). */
    scheduledAt: timestamp({ withTimezone: true }),
    durationMinutes: integer(),
    classLabel: text(),
    status: text().notNull().default('draft'),
    glows: text().notNull().default(''),
    grows: text().notNull().default(''),
    lookForResults: jsonb().$type<LookForResult[]>().notNull().default([]),
    publishedAt: timestamp({ withTimezone: true }),
    /** 0 while a draft; 1 when first published; +1 for each published edit. */
    revision: integer().notNull().default(0),
    feedbackDueOn: date({ mode: 'string' }),
    feedbackMeetingAt: timestamp({ withTimezone: true }),
    feedbackHeldAt: timestamp({ withTimezone: true }),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedRevision: integer(),
    version: integer().notNull().default(1),
    updatedByUserId: uuid().references(() => users.id),
  },
  (t) => [
    index('observations_observed_idx').on(t.districtId, t.observedPersonId, t.observedOn),
    index('observations_observer_idx').on(t.districtId, t.observerPersonId, t.status),
    index('observations_school_idx').on(t.districtId, t.orgUnitId, t.observedOn),
    // The list's order (services/observations/load.ts): a page is read off the index, never sorted.
    index('observations_list_idx').on(
      t.districtId,
      t.observedOn.desc().nullsFirst(),
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);

/** A timestamped note typed while observing, optionally tagged to a competency. Ids come from the client. */
export const observationNotes = pgTable(
  'observation_notes',
  {
    id: uuid().primaryKey(),
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    observationId: uuid()
      .notNull()
      .references(() => observations.id),
    position: integer().notNull(),
    notedAt: timestamp({ withTimezone: true }).notNull(),
    body: text().notNull(),
    itemId: uuid().references(() => frameworkItems.id),
  },
  (t) => [index('observation_notes_obs_idx').on(t.observationId, t.position)],
);

/** The level given on one rubric competency, citing notes as evidence. */
export const observationScores = pgTable(
  'observation_scores',
  {
    ...tenantColumns(),
    observationId: uuid()
      .notNull()
      .references(() => observations.id),
    criterionId: uuid()
      .notNull()
      .references(() => rubricCriteria.id),
    itemId: uuid()
      .notNull()
      .references(() => frameworkItems.id),
    scaleLevelId: uuid()
      .notNull()
      .references(() => scaleLevels.id),
    levelScore: numeric({ mode: 'number' }),
    comment: text(),
    citedNoteIds: jsonb().$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('observation_scores_uq').on(t.observationId, t.criterionId)],
);

/** A snapshot of each published revision of an observation (what the teacher was shown). */
export const observationRevisions = pgTable(
  'observation_revisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    observationId: uuid()
      .notNull()
      .references(() => observations.id),
    revision: integer().notNull(),
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    reason: text(),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('observation_revisions_uq').on(t.observationId, t.revision)],
);

/** The teacher's (or observer's) replies on a published observation. */
export const observationReplies = pgTable(
  'observation_replies',
  {
    id: uuid().primaryKey().defaultRandom(),
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    observationId: uuid()
      .notNull()
      .references(() => observations.id),
    authorPersonId: uuid()
      .notNull()
      .references(() => people.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('observation_replies_obs_idx').on(t.observationId, t.createdAt)],
);

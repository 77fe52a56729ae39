import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assessmentAdministrations, assessmentInstruments, assessmentVersions } from './assessments.ts';
import { tenantColumns } from './columns.ts';
import { implementationTeams } from './implementation-teams.ts';
import { initiatives } from './initiatives.ts';
import { orgUnits } from './org-units.ts';
import { users } from './users.ts';

/**
 * A fit review: a team weighs several candidate programs (or coaching models) against one need,
 * each scored with the same published version of a fit instrument. `status` is
 * common/fit-reviews.ts FIT_REVIEW_STATUSES: decided once every candidate has a recommendation.
 */
export const fitReviews = pgTable(
  'fit_reviews',
  {
    ...tenantColumns(),
    title: text().notNull(),
    need: text().notNull().default(''),
    /** The district's own unit or a school (the team's own unit when a team scores). */
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    /** The team that scores; null when the creator scores alone. */
    teamId: uuid().references(() => implementationTeams.id),
    instrumentId: uuid()
      .notNull()
      .references(() => assessmentInstruments.id),
    versionId: uuid()
      .notNull()
      .references(() => assessmentVersions.id),
    status: text().notNull().default('open'),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid().references(() => users.id),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [index('fit_reviews_district_idx').on(t.districtId, t.createdAt), index('fit_reviews_team_idx').on(t.teamId)],
);

/**
 * A candidate of a fit review, scored through its own administration of the review's version.
 * The team records a recommendation (common/fit-reviews.ts FIT_RECOMMENDATIONS) with its
 * rationale; adopting an adopt or adapt candidate starts `initiativeId`, once.
 */
export const fitCandidates = pgTable(
  'fit_candidates',
  {
    ...tenantColumns(),
    reviewId: uuid()
      .notNull()
      .references(() => fitReviews.id),
    position: integer().notNull(),
    name: text().notNull(),
    /** common/fit-reviews.ts FIT_CANDIDATE_KINDS */
    kind: text().notNull().default('program'),
    vendor: text().notNull().default(''),
    notes: text().notNull().default(''),
    administrationId: uuid()
      .notNull()
      .references(() => assessmentAdministrations.id),
    recommendation: text(),
    rationale: text().notNull().default(''),
    recommendedBy: uuid().references(() => users.id),
    recommendedAt: timestamp({ withTimezone: true }),
    initiativeId: uuid().references(() => initiatives.id),
    adoptedBy: uuid().references(() => users.id),
    adoptedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('fit_candidates_position_uq').on(t.reviewId, t.position),
    uniqueIndex('fit_candidates_administration_uq').on(t.administrationId),
    uniqueIndex('fit_candidates_initiative_uq')
      .on(t.initiativeId)
      .where(sql`initiative_id IS NOT NULL`),
  ],
);

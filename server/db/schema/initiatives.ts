import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { frameworkVersions } from './frameworks.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';
import { rubrics } from './rubrics.ts';
import { users } from './users.ts';

/**
 * A program the district puts into practice (a structured-literacy curriculum, a behaviour system).
 * Its practice profile is a framework version whose items are the program's essential components;
 * its fidelity tool is a rubric of that version. Both version like any framework (a vendor revision
 * is a new version), so a check keeps the tool it was made with.
 */
export const initiatives = pgTable(
  'initiatives',
  {
    ...tenantColumns(),
    name: text().notNull(),
    purpose: text().notNull().default(''),
    /** The need it meets, in the district's words. */
    need: text().notNull().default(''),
    /** The practice profile: a framework version (items = essential components). */
    profileVersionId: uuid().references(() => frameworkVersions.id),
    /** The fidelity tool in use: a rubric on the profile (or a later version of it). */
    fidelityRubricId: uuid().references(() => rubrics.id),
    /** Staff roles it covers at its schools (common/roles.ts STAFF_ROLES); empty: every observed role. */
    coveredRoles: jsonb().$type<string[]>().notNull().default([]),
    /** The developer or vendor partner's organisation name (its people sign in as guests). */
    partnerName: text(),
    /** A check is "at fidelity" when its score (share of the tool's maximum, 0-100) reaches this. */
    fidelityThresholdPct: integer().notNull().default(80),
    /** Full implementation is suggested when at least this share of covered staff is at fidelity. */
    fullImplementationPct: integer().notNull().default(50),
    /** Off by default: fidelity is not evaluation. On: principals read their teachers' own checks. */
    principalsSeeIndividualFidelity: boolean().notNull().default(false),
    status: text().notNull().default('active'),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [index('initiatives_district_idx').on(t.districtId, t.name)],
);

/** A rollout wave: pilot schools or cohorts first, then scale; waves do not overlap. */
export const initiativeWaves = pgTable(
  'initiative_waves',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    position: integer().notNull(),
    name: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [index('initiative_waves_initiative_idx').on(t.initiativeId, t.position)],
);

/** A school the initiative covers, in the wave that brings it in. */
export const initiativeSchools = pgTable(
  'initiative_schools',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    waveId: uuid().references(() => initiativeWaves.id),
  },
  (t) => [
    uniqueIndex('initiative_schools_uq').on(t.initiativeId, t.orgUnitId),
    index('initiative_schools_org_idx').on(t.districtId, t.orgUnitId),
  ],
);

/** Funding behind an initiative, with the date it must be spent by (a warning shows as it nears). */
export const initiativeFunding = pgTable(
  'initiative_funding',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    source: text().notNull(),
    amount: numeric({ mode: 'number' }).notNull(),
    startsOn: date({ mode: 'string' }),
    spendBy: date({ mode: 'string' }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [index('initiative_funding_initiative_idx').on(t.initiativeId, t.spendBy)],
);

/**
 * A vendor or developer partner's account on one initiative: time-boxed, revocable, audited. The
 * guest may edit the fidelity tool and read aggregate fidelity of that initiative, nothing else.
 */
export const initiativeGuests = pgTable(
  'initiative_guests',
  {
    ...tenantColumns(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    /** Last day the account works (inclusive, district time zone). */
    expiresOn: date({ mode: 'string' }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('initiative_guests_user_uq').on(t.userId), index('initiative_guests_initiative_idx').on(t.initiativeId)],
);

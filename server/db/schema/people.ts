import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';

/** A staff member. People are deactivated, never deleted, so their history stays readable. */
export const people = pgTable(
  'people',
  {
    ...tenantColumns(),
    sourcedId: text(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    middleName: text(),
    preferredName: text(),
    email: text(),
    phone: text(),
    /** The district's staff number. */
    identifier: text(),
    username: text(),
    /**
     * Grades the person teaches, as the roster names them (OneRoster `grades`, the staff sheet's
     * `grades` column): CEDS codes such as KG, 01..12, normalised by the import; empty when unknown.
     */
    grades: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    /** Lower-cased names, email and identifier, kept by the service; trigram-indexed for search. */
    searchText: text().notNull().default(''),
  },
  (t) => [
    uniqueIndex('people_source_uq').on(t.districtId, t.sourcedId),
    index('people_district_name_idx').on(t.districtId, t.familyName, t.givenName),
    index('people_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // A CSV names people by e-mail, staff number or roster id, in any case (teams/people.ts findPeopleByKeys).
    index('people_district_email_lower_idx').on(t.districtId, sql`lower(${t.email})`),
    index('people_district_identifier_lower_idx').on(t.districtId, sql`lower(${t.identifier})`),
    index('people_district_sourced_id_lower_idx').on(t.districtId, sql`lower(${t.sourcedId})`),
  ],
);

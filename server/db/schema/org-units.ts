import { boolean, index, integer, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';

/** Schools and central-office departments. Deactivated, never deleted. */
export const orgUnits = pgTable(
  'org_units',
  {
    ...tenantColumns(),
    /** Key in the roster system (OneRoster sourcedId); null for units added by hand. */
    sourcedId: text(),
    name: text().notNull(),
    type: text().notNull(),
    identifier: text(),
    parentId: uuid().references((): AnyPgColumn => orgUnits.id),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('org_units_source_uq').on(t.districtId, t.sourcedId), index('org_units_district_name_idx').on(t.districtId, t.name)],
);

import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';

/**
 * A roster import: validated (dry run stored) -> running -> applied | failed, or discarded.
 * The partial unique index allows one running import per district.
 */
export const rosterImports = pgTable(
  'roster_imports',
  {
    ...tenantColumns(),
    createdBy: uuid().notNull(),
    status: text().notNull(),
    format: text().notNull(),
    mode: text().notNull(),
    fileNames: jsonb().$type<string[]>().notNull(),
    /** The parsed roster, kept between the dry run and apply (passwords never reach it). */
    parsed: jsonb().notNull(),
    report: jsonb().notNull(),
    progressDone: integer().notNull().default(0),
    progressTotal: integer().notNull().default(0),
    error: text(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('roster_imports_district_idx').on(t.districtId, t.createdAt),
    uniqueIndex('roster_imports_one_running_uq')
      .on(t.districtId)
      .where(sql`status = 'running'`),
  ],
);

import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';
import { users } from './users.ts';

/** A dated role a person holds in an org unit (OneRoster 1.2 roles.csv). */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    ...tenantColumns(),
    sourcedId: text(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    role: text().notNull(),
    isPrimary: boolean().notNull().default(true),
    beginDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    active: boolean().notNull().default(true),
  },
  (t) => [
    uniqueIndex('role_assignments_source_uq').on(t.districtId, t.sourcedId),
    index('role_assignments_person_idx').on(t.personId),
    index('role_assignments_org_idx').on(t.orgUnitId, t.role),
  ],
);

/**
 * Who is on a coach's caseload, for a period: `startsOn` to `endsOn` (exclusive; null while it goes
 * on). The coach's "caseload" scope is the rows current today; ended rows are the history. A coachee
 * may have several coaches at once, but never the same coach twice over overlapping dates.
 */
export const caseloadMembers = pgTable(
  'caseload_members',
  {
    ...tenantColumns(),
    coachPersonId: uuid()
      .notNull()
      .references(() => people.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    active: boolean().notNull().default(true),
    startsOn: date({ mode: 'string' })
      .notNull()
      .default(sql`current_date`),
    endsOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id),
  },
  (t) => [index('caseload_members_coach_idx').on(t.coachPersonId, t.startsOn), index('caseload_members_person_idx').on(t.personId)],
);

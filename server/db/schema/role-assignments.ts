import { boolean, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';

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

/** Who is on a coach's caseload: the coach's "caseload" scope. */
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
  },
  (t) => [uniqueIndex('caseload_members_uq').on(t.coachPersonId, t.personId)],
);

import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';
import { users } from './users.ts';

/**
 * A team inside a school (grade level, department, instructional leadership team, any named group).
 * Dated: `endsOn` is the first day it no longer exists (exclusive), null while it goes on.
 */
export const teams = pgTable(
  'teams',
  {
    ...tenantColumns(),
    schoolId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    kind: text().notNull(),
    name: text().notNull(),
    startsOn: date({ mode: 'string' })
      .notNull()
      .default(sql`current_date`),
    endsOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id),
  },
  (t) => [index('teams_school_idx').on(t.districtId, t.schoolId, t.name)],
);

/**
 * A person's membership of a team as `lead` or `member` for a period (`endsOn` exclusive). Rows are
 * ended, never deleted: a person made lead has their member row ended and a lead row started.
 */
export const teamMembers = pgTable(
  'team_members',
  {
    ...tenantColumns(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    role: text().notNull(),
    startsOn: date({ mode: 'string' })
      .notNull()
      .default(sql`current_date`),
    endsOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id),
  },
  (t) => [index('team_members_team_idx').on(t.teamId, t.startsOn), index('team_members_person_idx').on(t.personId, t.role)],
);

import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { frameworkItems } from './frameworks.ts';
import { implementationTeams } from './implementation-teams.ts';
import { initiatives } from './initiatives.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';
import { users } from './users.ts';

/**
 * Practice-policy feedback: a barrier a member of staff raises (a schedule that blocks coaching, a
 * policy that contradicts the program). Routed to the school's implementation team for the
 * initiative (else its district team); the school team may escalate it to the district team. The
 * `answer` goes back to the person who raised it; `internalNotes` are the teams' only.
 */
export const barriers = pgTable(
  'barriers',
  {
    ...tenantColumns(),
    /** common/action-plans.ts BARRIER_KINDS */
    kind: text().notNull(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id),
    /** The practice (a component of the initiative's practice profile) it blocks, if one. */
    itemId: uuid().references(() => frameworkItems.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    description: text().notNull(),
    raisedByPersonId: uuid()
      .notNull()
      .references(() => people.id),
    /** The team that holds it now. */
    routedTeamId: uuid()
      .notNull()
      .references(() => implementationTeams.id),
    /** The team it was first routed to (the school team, which keeps reading it after escalating). */
    firstTeamId: uuid()
      .notNull()
      .references(() => implementationTeams.id),
    /** common/action-plans.ts BARRIER_STATUSES */
    status: text().notNull().default('raised'),
    answer: text().notNull().default(''),
    internalNotes: text().notNull().default(''),
    escalatedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    updatedBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('barriers_routed_idx').on(t.districtId, t.routedTeamId, t.status),
    index('barriers_first_team_idx').on(t.districtId, t.firstTeamId),
    index('barriers_raiser_idx').on(t.districtId, t.raisedByPersonId, t.createdAt),
  ],
);
export type BarrierRow = typeof barriers.$inferSelect;

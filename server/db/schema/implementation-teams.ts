import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { initiatives } from './initiatives.ts';
import { orgUnits } from './org-units.ts';
import { people } from './people.ts';
import { users } from './users.ts';

/**
 * A district or school implementation team, or the talent-management team. A school team reports to
 * a district team (`reportsToTeamId`, and what it reports in `reportsWhat`).
 */
export const implementationTeams = pgTable(
  'implementation_teams',
  {
    ...tenantColumns(),
    /** common/implementation.ts IMPLEMENTATION_TEAM_KINDS */
    kind: text().notNull(),
    name: text().notNull(),
    /** The district's org unit for district teams, a school for school teams. */
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    /** The initiative it leads, or null for a team that serves several (the talent-management team). */
    initiativeId: uuid().references(() => initiatives.id),
    termsOfReference: text().notNull().default(''),
    reportsToTeamId: uuid().references((): AnyPgColumn => implementationTeams.id),
    /** What this team reports to the team above, and what it hears back. */
    reportsWhat: text().notNull().default(''),
    active: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('implementation_teams_district_idx').on(t.districtId, t.orgUnitId),
    index('implementation_teams_initiative_idx').on(t.initiativeId),
  ],
);

/** A member of an implementation team in a role (facilitator, data lead...), dated; ended, never deleted. */
export const implementationTeamMembers = pgTable(
  'implementation_team_members',
  {
    ...tenantColumns(),
    teamId: uuid()
      .notNull()
      .references(() => implementationTeams.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    /** common/implementation.ts IMPLEMENTATION_TEAM_ROLES */
    role: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
  },
  (t) => [index('implementation_team_members_team_idx').on(t.teamId), index('implementation_team_members_person_idx').on(t.personId)],
);

/** The data a meeting reviewed, snapshotted when the meeting opens it (so the record shows what was seen). */
export interface MeetingDataReview {
  takenAt: string;
  fidelity: { checks: number; atFidelityPct: number | null; byComponent: { itemId: string; title: string; averagePct: number | null }[] };
  observations: { published: number };
  coaching: { sessions: number; people: number };
  training: { sessions: number; attended: number };
  workSamples: string;
}

/** A team meeting: agenda, data review, notes. Edited by members under a version check (409). */
export const implementationMeetings = pgTable(
  'implementation_meetings',
  {
    ...tenantColumns(),
    teamId: uuid()
      .notNull()
      .references(() => implementationTeams.id),
    meetsAt: timestamp({ withTimezone: true }).notNull(),
    agenda: text().notNull().default(''),
    notes: text().notNull().default(''),
    dataReview: jsonb().$type<MeetingDataReview | null>(),
    version: integer().notNull().default(1),
    updatedBy: uuid().references(() => users.id),
  },
  (t) => [index('implementation_meetings_team_idx').on(t.teamId, t.meetsAt)],
);

/** A decision taken in a meeting, optionally routed to a driver of the team's initiative. */
export const implementationDecisions = pgTable(
  'implementation_decisions',
  {
    ...tenantColumns(),
    meetingId: uuid()
      .notNull()
      .references(() => implementationMeetings.id),
    text: text().notNull(),
    /** common/implementation.ts DRIVERS, or null. */
    driver: text(),
    createdBy: uuid().references(() => users.id),
  },
  (t) => [index('implementation_decisions_meeting_idx').on(t.meetingId)],
);

/** An action item with an owner and a due date, from a meeting (optionally from one of its decisions). */
export const implementationActionItems = pgTable(
  'implementation_action_items',
  {
    ...tenantColumns(),
    teamId: uuid()
      .notNull()
      .references(() => implementationTeams.id),
    meetingId: uuid().references(() => implementationMeetings.id),
    decisionId: uuid().references(() => implementationDecisions.id),
    text: text().notNull(),
    ownerPersonId: uuid()
      .notNull()
      .references(() => people.id),
    dueOn: date({ mode: 'string' }).notNull(),
    doneAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('implementation_action_items_team_idx').on(t.teamId, t.dueOn),
    index('implementation_action_items_owner_idx').on(t.ownerPersonId, t.dueOn),
  ],
);

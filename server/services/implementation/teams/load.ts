import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ImplementationTeamKind, ImplementationTeamRole } from '../../../../common/implementation.ts';
import type {
  ImplementationTeam,
  ImplementationTeamDetail,
  ImplementationTeamList,
  ImplementationTeamListQuery,
} from '../../../../common/schemas/implementation-teams.ts';
import type { z } from 'zod';
import type { Executor } from '../../../db/client.ts';
import { qualified } from '../../../db/qualified.ts';
import {
  implementationMeetings,
  implementationTeamMembers,
  implementationTeams,
  initiatives,
  orgUnits,
  people,
} from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { isHrOrAdmin } from '../../../policies/app.ts';
import {
  canEditImplementationRecords,
  canEditImplementationTeam,
  canManageImplementationMembers,
  canReadImplementationTeams,
} from '../../../policies/implementation-teams.ts';
import { districtToday } from '../../coaching/refs.ts';
import { holdsOn } from '../../teams/periods.ts';

export type ImplementationTeamRow = typeof implementationTeams.$inferSelect;
export type MemberRow = typeof implementationTeamMembers.$inferSelect;

const personRef = { id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName };
const ROLE_ORDER: ImplementationTeamRole[] = ['facilitator', 'data_lead', 'coach_representative', 'administrator', 'member'];

/** The team of the caller's district, else 404 (a vendor guest: 404 for every team). */
export async function loadTeamRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<ImplementationTeamRow> {
  if (!canReadImplementationTeams(ctx.actor)) throw notFound('Team');
  const [row] = await db
    .select()
    .from(implementationTeams)
    .where(and(eq(implementationTeams.id, id), eq(implementationTeams.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Team');
  return row;
}

/** The caller's current roles on a team (empty: not a current member). */
export async function actorRoles(ctx: Ctx, teamId: string, today: string, db: Executor = ctx.db): Promise<string[]> {
  const rows = await db
    .select()
    .from(implementationTeamMembers)
    .where(
      and(
        eq(implementationTeamMembers.districtId, ctx.actor.districtId),
        eq(implementationTeamMembers.teamId, teamId),
        eq(implementationTeamMembers.personId, ctx.actor.personId),
      ),
    );
  return rows.filter((r) => holdsOn(r, today)).map((r) => r.role);
}

/** What the caller may do with a team, from their current roles on it. */
export function teamAbilities(ctx: Ctx, team: ImplementationTeamRow, roles: string[]) {
  return {
    edit: canEditImplementationTeam(ctx.actor, team),
    manageMembers: canManageImplementationMembers(ctx.actor, team, roles.includes('facilitator')),
    editRecords: canEditImplementationRecords(ctx.actor, team, roles.length > 0),
  };
}

async function membersOf(db: Executor, districtId: string, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return db
    .select({ row: implementationTeamMembers, person: personRef })
    .from(implementationTeamMembers)
    .innerJoin(people, and(eq(people.id, implementationTeamMembers.personId), eq(people.districtId, implementationTeamMembers.districtId)))
    .where(and(eq(implementationTeamMembers.districtId, districtId), inArray(implementationTeamMembers.teamId, teamIds)))
    .orderBy(asc(people.familyName), asc(people.givenName), desc(implementationTeamMembers.startsOn));
}

/** Names of org units, initiatives and teams the rows point at. */
async function namesFor(db: Executor, districtId: string, rows: ImplementationTeamRow[]) {
  const unitIds = [...new Set(rows.map((r) => r.orgUnitId))];
  const initiativeIds = [...new Set(rows.map((r) => r.initiativeId).filter((id): id is string => !!id))];
  const teamIds = [...new Set(rows.map((r) => r.reportsToTeamId).filter((id): id is string => !!id))];
  const [units, inits, parents] = await Promise.all([
    unitIds.length
      ? db
          .select({ id: orgUnits.id, name: orgUnits.name })
          .from(orgUnits)
          .where(and(eq(orgUnits.districtId, districtId), inArray(orgUnits.id, unitIds)))
      : [],
    initiativeIds.length
      ? db
          .select({ id: initiatives.id, name: initiatives.name })
          .from(initiatives)
          .where(and(eq(initiatives.districtId, districtId), inArray(initiatives.id, initiativeIds)))
      : [],
    teamIds.length
      ? db
          .select({ id: implementationTeams.id, name: implementationTeams.name })
          .from(implementationTeams)
          .where(and(eq(implementationTeams.districtId, districtId), inArray(implementationTeams.id, teamIds)))
      : [],
  ]);
  const map = (list: { id: string; name: string }[]) => new Map(list.map((r) => [r.id, r]));
  return { units: map(units), initiatives: map(inits), teams: map(parents) };
}

type Names = Awaited<ReturnType<typeof namesFor>>;
type Members = Awaited<ReturnType<typeof membersOf>>;

function presentTeam(ctx: Ctx, team: ImplementationTeamRow, names: Names, members: Members, today: string): ImplementationTeam {
  const current = members.filter((m) => m.row.teamId === team.id && holdsOn(m.row, today));
  const mine = current.filter((m) => m.row.personId === ctx.actor.personId).map((m) => m.row.role);
  return {
    id: team.id,
    kind: team.kind as ImplementationTeamKind,
    name: team.name,
    orgUnit: names.units.get(team.orgUnitId) ?? { id: team.orgUnitId, name: '' },
    initiative: team.initiativeId ? (names.initiatives.get(team.initiativeId) ?? null) : null,
    reportsTo: team.reportsToTeamId ? (names.teams.get(team.reportsToTeamId) ?? null) : null,
    termsOfReference: team.termsOfReference,
    reportsWhat: team.reportsWhat,
    active: team.active,
    version: team.version,
    facilitators: current.filter((m) => m.row.role === 'facilitator').map((m) => m.person),
    memberCount: new Set(current.map((m) => m.row.personId)).size,
    abilities: teamAbilities(ctx, team, mine),
  };
}

const presentMember = (m: Members[number], today: string) => ({
  id: m.row.id,
  person: m.person,
  role: m.row.role as ImplementationTeamRole,
  startsOn: m.row.startsOn,
  endsOn: m.row.endsOn,
  current: holdsOn(m.row, today),
  version: m.row.version,
});

/** Implementation teams of the district (active ones unless asked), by kind then name. */
export async function listImplementationTeams(
  ctx: Ctx,
  query: z.infer<typeof ImplementationTeamListQuery>,
): Promise<ImplementationTeamList> {
  if (!canReadImplementationTeams(ctx.actor)) throw notFound('Team');
  const districtId = ctx.actor.districtId;
  const rows = await ctx.db
    .select()
    .from(implementationTeams)
    .where(
      and(
        eq(implementationTeams.districtId, districtId),
        query.includeInactive ? undefined : eq(implementationTeams.active, true),
        query.initiativeId ? eq(implementationTeams.initiativeId, query.initiativeId) : undefined,
        query.orgUnitId ? eq(implementationTeams.orgUnitId, query.orgUnitId) : undefined,
      ),
    )
    .orderBy(asc(implementationTeams.kind), asc(implementationTeams.name));
  const { today } = await districtToday(ctx.db, districtId);
  const [names, members, initiativeRefs] = await Promise.all([
    namesFor(ctx.db, districtId, rows),
    membersOf(
      ctx.db,
      districtId,
      rows.map((r) => r.id),
    ),
    ctx.db
      .select({ id: initiatives.id, name: initiatives.name })
      .from(initiatives)
      .where(and(eq(initiatives.districtId, districtId), eq(initiatives.status, 'active')))
      .orderBy(asc(initiatives.name)),
  ]);
  return {
    items: rows.map((r) => presentTeam(ctx, r, names, members, today)),
    initiatives: initiativeRefs,
    abilities: {
      createDistrictTeams: isHrOrAdmin(ctx.actor),
      createSchoolTeamsAt: isHrOrAdmin(ctx.actor) ? [] : ctx.actor.leaderOrgUnitIds,
    },
  };
}

/** One team: members (current first, by role), the teams reporting to it, its meetings newest first. */
export async function implementationTeamView(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<ImplementationTeamDetail> {
  const team = await loadTeamRow(ctx, id, db);
  const districtId = ctx.actor.districtId;
  const { today } = await districtToday(db, districtId);
  const [names, members, reporting, meetings] = await Promise.all([
    namesFor(db, districtId, [team]),
    membersOf(db, districtId, [team.id]),
    db
      .select({ id: implementationTeams.id, name: implementationTeams.name })
      .from(implementationTeams)
      .where(
        and(
          eq(implementationTeams.districtId, districtId),
          eq(implementationTeams.reportsToTeamId, team.id),
          eq(implementationTeams.active, true),
        ),
      )
      .orderBy(asc(implementationTeams.name)),
    db
      .select({
        id: implementationMeetings.id,
        meetsAt: implementationMeetings.meetsAt,
        agenda: implementationMeetings.agenda,
        reviewed: sql<boolean>`${implementationMeetings.dataReview} is not null`,
        decisions: sql<number>`(select count(*)::int from implementation_decisions d
          where d.district_id = ${qualified(implementationMeetings.districtId)} and d.meeting_id = ${qualified(implementationMeetings.id)})`,
        openActionItems: sql<number>`(select count(*)::int from implementation_action_items a
          where a.district_id = ${qualified(implementationMeetings.districtId)} and a.meeting_id = ${qualified(implementationMeetings.id)}
            and a.done_at is null)`,
      })
      .from(implementationMeetings)
      .where(and(eq(implementationMeetings.districtId, districtId), eq(implementationMeetings.teamId, team.id)))
      .orderBy(desc(implementationMeetings.meetsAt))
      .limit(200),
  ]);
  const presented = members.map((m) => presentMember(m, today));
  const rank = (m: (typeof presented)[number]) => (m.current ? 0 : 10) + ROLE_ORDER.indexOf(m.role);
  return {
    ...presentTeam(ctx, team, names, members, today),
    members: presented
      .map((m, i) => ({ m, i }))
      .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
      .map(({ m }) => m),
    reportingTeams: reporting,
    meetings: meetings.map((m) => ({ ...m, meetsAt: m.meetsAt.toISOString() })),
  };
}

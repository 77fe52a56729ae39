import { and, asc, desc, eq, inArray, isNull, or, gt } from 'drizzle-orm';
import type { Team, TeamDetail, TeamKind, TeamMember, TeamRole } from '../../../common/schemas/teams.ts';
import type { Executor } from '../../db/client.ts';
import { orgUnits, people, teamMembers, teams } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';

import { canManageAnyTeams, canManageTeamsAt } from '../../policies/teams.ts';
import { districtToday } from '../coaching/refs.ts';
import { holdsOn } from './periods.ts';

export type TeamRow = typeof teams.$inferSelect;
export type TeamMemberRow = typeof teamMembers.$inferSelect;

/**
 * May the actor see a school's teams? Those who manage them, and anyone leading a team there (a
 * team lead reads their own team). Others: the school "does not exist" for them (404).
 */
async function requireSchool(ctx: Ctx, db: Executor, schoolId: string) {
  const [school] = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, schoolId), eq(orgUnits.districtId, ctx.actor.districtId), eq(orgUnits.type, 'school')));
  if (!school) throw notFound('School');
  return school;
}

/** The team row of the caller's district (404 otherwise). */
export async function loadTeamRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TeamRow> {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.id, id), eq(teams.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Team');
  return row;
}

/** Ids of teams the actor leads today. */
async function ledTeamIds(ctx: Ctx, db: Executor, today: string): Promise<string[]> {
  const rows = await db
    .select({ teamId: teamMembers.teamId, startsOn: teamMembers.startsOn, endsOn: teamMembers.endsOn })
    .from(teamMembers)
    .where(
      and(eq(teamMembers.districtId, ctx.actor.districtId), eq(teamMembers.personId, ctx.actor.personId), eq(teamMembers.role, 'lead')),
    );
  return rows.filter((r) => holdsOn(r, today)).map((r) => r.teamId);
}

/** Reading a team: its school's managers and its current leads; anyone else 404 (staff with no team ever: 403). */
async function requireReadable(ctx: Ctx, db: Executor, team: TeamRow, today: string) {
  if (canManageTeamsAt(ctx.actor, team.schoolId)) return;
  if ((await ledTeamIds(ctx, db, today)).includes(team.id)) return;
  if (!canManageAnyTeams(ctx.actor)) throw forbidden('Only school leaders, HR and admins manage teams');
  throw notFound('Team');
}

const personRef = { id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName };

async function membersOf(db: Executor, districtId: string, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return db
    .select({ row: teamMembers, person: personRef })
    .from(teamMembers)
    .innerJoin(people, and(eq(people.id, teamMembers.personId), eq(people.districtId, teamMembers.districtId)))
    .where(and(eq(teamMembers.districtId, districtId), inArray(teamMembers.teamId, teamIds)))
    .orderBy(asc(people.familyName), asc(people.givenName), desc(teamMembers.startsOn));
}

function present(
  ctx: Ctx,
  team: TeamRow,
  school: { id: string; name: string },
  members: Awaited<ReturnType<typeof membersOf>>,
  today: string,
): Team {
  const current = members.filter((m) => m.row.teamId === team.id && holdsOn(m.row, today));
  return {
    id: team.id,
    school,
    kind: team.kind as TeamKind,
    name: team.name,
    startsOn: team.startsOn,
    endsOn: team.endsOn,
    current: holdsOn(team, today),
    version: team.version,
    leads: current.filter((m) => m.row.role === 'lead').map((m) => m.person),
    memberCount: current.length,
    abilities: { manage: canManageTeamsAt(ctx.actor, team.schoolId) },
  };
}

/** A school's teams (current ones unless `includeEnded`), with leads and member counts. */
export async function listTeams(
  ctx: Ctx,
  query: { schoolId: string; includeEnded: boolean },
): Promise<{ items: Team[]; abilities: { create: boolean } }> {
  const school = await requireSchool(ctx, ctx.db, query.schoolId);
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  const manages = canManageTeamsAt(ctx.actor, school.id);
  const led = manages ? [] : await ledTeamIds(ctx, ctx.db, today);
  if (!manages && led.length === 0) {
    if (!canManageAnyTeams(ctx.actor)) throw forbidden('Only school leaders, HR and admins manage teams');
    throw notFound('School');
  }
  const rows = await ctx.db
    .select()
    .from(teams)
    .where(
      and(
        eq(teams.districtId, ctx.actor.districtId),
        eq(teams.schoolId, school.id),
        manages ? undefined : inArray(teams.id, led),
        query.includeEnded ? undefined : or(isNull(teams.endsOn), gt(teams.endsOn, today)),
      ),
    )
    .orderBy(asc(teams.name));
  const members = await membersOf(
    ctx.db,
    ctx.actor.districtId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((t) => present(ctx, t, school, members, today)), abilities: { create: manages } };
}

/** One team with every membership period: current ones first, then the history. */
export async function teamView(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TeamDetail> {
  const team = await loadTeamRow(ctx, id, db);
  const { today } = await districtToday(db, ctx.actor.districtId);
  await requireReadable(ctx, db, team, today);
  const school = await requireSchool(ctx, db, team.schoolId);
  const members = await membersOf(db, ctx.actor.districtId, [team.id]);
  const list: TeamMember[] = members.map((m) => ({
    id: m.row.id,
    person: m.person,
    role: m.row.role as TeamRole,
    startsOn: m.row.startsOn,
    endsOn: m.row.endsOn,
    current: holdsOn(m.row, today),
    version: m.row.version,
  }));
  list.sort((a, b) => Number(b.current) - Number(a.current) || (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
  return { ...present(ctx, team, school, members, today), members: list };
}

/** Teams of a school current today, with their current member ids (the tracker's team filter). */
export async function currentTeamsOfSchool(db: Executor, districtId: string, schoolId: string, today: string) {
  const rows = await db
    .select({ id: teams.id, name: teams.name, startsOn: teams.startsOn, endsOn: teams.endsOn })
    .from(teams)
    .where(and(eq(teams.districtId, districtId), eq(teams.schoolId, schoolId)))
    .orderBy(asc(teams.name));
  const current = rows.filter((t) => holdsOn(t, today));
  const members = await membersOf(
    db,
    districtId,
    current.map((t) => t.id),
  );
  return current.map((t) => ({
    id: t.id,
    name: t.name,
    personIds: members.filter((m) => m.row.teamId === t.id && holdsOn(m.row, today)).map((m) => m.person.id),
  }));
}

/**
 * The school's teams current on `today`, by lower-cased name, with every membership row of them
 * (a bulk fill or CSV matches names to these and skips people already on a team).
 */
export async function schoolTeamsByName(db: Executor, districtId: string, schoolId: string, today: string) {
  const current = (
    await db
      .select()
      .from(teams)
      .where(and(eq(teams.districtId, districtId), eq(teams.schoolId, schoolId)))
  ).filter((t) => holdsOn(t, today));
  const byName = new Map(current.map((t) => [t.name.trim().toLowerCase(), t]));
  const members = current.length
    ? await db
        .select()
        .from(teamMembers)
        .where(
          and(
            eq(teamMembers.districtId, districtId),
            inArray(
              teamMembers.teamId,
              current.map((t) => t.id),
            ),
          ),
        )
    : [];
  return { byName, members };
}

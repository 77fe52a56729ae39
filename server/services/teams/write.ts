import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AddTeamMemberInput,
  AddTeamMembersByRoleInput,
  ChangeTeamRoleInput,
  CreateTeamInput,
  EndPeriodInput,
  UpdateTeamInput,
} from '../../../common/schemas/teams.ts';
import type { Executor } from '../../db/client.ts';
import { orgUnits, teamMembers, teams } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canManageAnyTeams, canManageTeamsAt } from '../../policies/teams.ts';
import { recordAudit } from '../audit.ts';
import { districtToday, invalid } from '../coaching/refs.ts';
import { covers, overlaps, type Period } from './periods.ts';
import { loadPeopleWithUnits, peopleByRoleInSchool } from './people.ts';
import { loadTeamRow, teamView, type TeamRow } from './load.ts';

/** 403 for people who manage no teams; 404 for a school they do not lead (it is not theirs to know). */
function requireManagerOf(ctx: Ctx, schoolId: string) {
  if (!canManageAnyTeams(ctx.actor)) throw forbidden('Only school leaders, HR and admins manage teams');
  if (!canManageTeamsAt(ctx.actor, schoolId)) throw notFound('School');
}

export function checkPeriod(period: Period) {
  if (period.endsOn !== null && period.endsOn <= period.startsOn) throw invalid('endsOn', 'The end must come after the start');
}

/** Creates a team in a school (school leaders of that school, HR, admins). */
export async function createTeam(ctx: Ctx, input: z.infer<typeof CreateTeamInput>) {
  requireManagerOf(ctx, input.schoolId);
  const [school] = await ctx.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.schoolId), eq(orgUnits.districtId, ctx.actor.districtId), eq(orgUnits.type, 'school')));
  if (!school) throw notFound('School');
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  const period = { startsOn: input.startsOn ?? today, endsOn: input.endsOn ?? null };
  checkPeriod(period);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(teams)
      .values({
        districtId: ctx.actor.districtId,
        schoolId: school.id,
        kind: input.kind,
        name: input.name,
        ...period,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'team.create', entityType: 'team', entityId: row!.id, after: row });
    return row!.id;
  });
  return teamView(ctx, id);
}

async function lockTeam(ctx: Ctx, tx: Executor, team: TeamRow, version: number, set: Partial<TeamRow> = {}) {
  const [updated] = await tx
    .update(teams)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(and(eq(teams.id, team.id), eq(teams.districtId, ctx.actor.districtId), eq(teams.version, version)))
    .returning();
  if (!updated) throw conflict(await teamView(ctx, team.id, tx));
  return updated;
}

/** Renames, re-kinds or ends a team (ending keeps its members and history), and sets who leads it. */
export async function updateTeam(ctx: Ctx, id: string, input: z.infer<typeof UpdateTeamInput>) {
  const team = await loadTeamRow(ctx, id);
  requireManagerOf(ctx, team.schoolId);
  if (team.version !== input.version) throw conflict(await teamView(ctx, id));
  const { version, leadMemberId, ...set } = input;
  if (set.endsOn !== undefined) checkPeriod({ startsOn: team.startsOn, endsOn: set.endsOn });
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  // One transaction: a 409 on any part (the team or a member changed meanwhile) saves none of it.
  await ctx.db.transaction(async (tx) => {
    const updated = await lockTeam(ctx, tx, team, version, set);
    if (leadMemberId !== undefined) await setLead(tx, ctx, id, leadMemberId, today);
    await recordAudit(tx, ctx, {
      action: set.endsOn ? 'team.end' : 'team.update',
      entityType: 'team',
      entityId: id,
      before: team,
      after: updated,
    });
  });
  return teamView(ctx, id);
}

async function periodsOf(tx: Executor, ctx: Ctx, teamId: string, personId: string) {
  return tx
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.districtId, ctx.actor.districtId), eq(teamMembers.teamId, teamId), eq(teamMembers.personId, personId)));
}

/**
 * Adds people to a team in one transaction, skipping anyone already on it for the same period.
 * Refuses (409 `invalid_state`, code `overlapping_membership`) a period overlapping one they have.
 */
export async function insertMembers(
  ctx: Ctx,
  tx: Executor,
  team: TeamRow,
  entries: { personId: string; role: 'lead' | 'member'; startsOn: string; endsOn: string | null }[],
  onOverlap: 'refuse' | 'skip',
) {
  let added = 0;
  let unchanged = 0;
  const rows = [];
  for (const entry of entries) {
    const existing = await periodsOf(tx, ctx, team.id, entry.personId);
    const clash = existing.find((e) => overlaps(e, entry));
    if (clash) {
      if (covers(clash, entry) && clash.role === entry.role) {
        unchanged++;
        continue;
      }
      if (onOverlap === 'skip') {
        unchanged++;
        continue;
      }
      throw invalidState('This person is already on the team for those dates', { code: 'overlapping_membership', memberId: clash.id });
    }
    rows.push({ districtId: ctx.actor.districtId, teamId: team.id, ...entry, createdBy: ctx.actor.userId });
  }
  if (rows.length) {
    const inserted = await tx.insert(teamMembers).values(rows).returning();
    added = inserted.length;
    await recordAudit(
      tx,
      ctx,
      inserted.map((row) => ({ action: 'team_member.add', entityType: 'team_member', entityId: row.id, after: row })),
    );
  }
  return { added, unchanged };
}

/** People may join a team of a school they hold a current role in (404 for anyone else: not in scope). */
async function requireSchoolPeople(ctx: Ctx, team: TeamRow, personIds: string[]) {
  const found = await loadPeopleWithUnits(ctx.db, ctx.actor.districtId, personIds);
  const schoolUnits = await ctx.db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId })
    .from(orgUnits)
    .where(eq(orgUnits.districtId, ctx.actor.districtId));
  const inSchool = new Set(schoolUnits.filter((u) => u.id === team.schoolId || u.parentId === team.schoolId).map((u) => u.id));
  for (const id of personIds) {
    const person = found.get(id);
    if (!person || !person.units.some((u) => inSchool.has(u))) throw notFound('Person');
  }
}

/** Adds one person to a team as a member or lead. */
export async function addTeamMember(ctx: Ctx, teamId: string, input: z.infer<typeof AddTeamMemberInput>) {
  const team = await loadTeamRow(ctx, teamId);
  requireManagerOf(ctx, team.schoolId);
  await requireSchoolPeople(ctx, team, [input.personId]);
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  const period = { startsOn: input.startsOn ?? today, endsOn: input.endsOn ?? null };
  checkPeriod(period);
  await ctx.db.transaction((tx) => insertMembers(ctx, tx, team, [{ personId: input.personId, role: input.role, ...period }], 'refuse'));
  return teamView(ctx, teamId);
}

/** Adds everyone holding one of the roles in the team's school today (already there: unchanged). */
export async function addTeamMembersByRole(ctx: Ctx, teamId: string, input: z.infer<typeof AddTeamMembersByRoleInput>) {
  const team = await loadTeamRow(ctx, teamId);
  requireManagerOf(ctx, team.schoolId);
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  const ids = await peopleByRoleInSchool(ctx.db, ctx.actor.districtId, team.schoolId, input.roles);
  const startsOn = input.startsOn ?? today;
  return ctx.db.transaction((tx) =>
    insertMembers(
      ctx,
      tx,
      team,
      ids.map((personId) => ({ personId, role: 'member' as const, startsOn, endsOn: null })),
      'skip',
    ),
  );
}

async function loadMember(ctx: Ctx, teamId: string, memberId: string) {
  const [row] = await ctx.db
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.id, memberId), eq(teamMembers.teamId, teamId), eq(teamMembers.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Team member');
  return row;
}

/** Ends a membership on a day (default today); the row stays as history. */
export async function endTeamMember(ctx: Ctx, teamId: string, memberId: string, input: z.infer<typeof EndPeriodInput>) {
  const team = await loadTeamRow(ctx, teamId);
  requireManagerOf(ctx, team.schoolId);
  const member = await loadMember(ctx, teamId, memberId);
  if (member.version !== input.version) throw conflict(await teamView(ctx, teamId));
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  const endsOn = input.endsOn ?? today;
  if (member.endsOn !== null && member.endsOn <= today) throw invalidState('This membership has already ended', { code: 'already_ended' });
  if (endsOn <= member.startsOn)
    throw new AppError('validation_failed', 'The end must come after the start', [{ path: 'endsOn', message: 'before start' }]);
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(teamMembers)
      .set({ endsOn, version: member.version + 1, updatedAt: new Date() })
      .where(and(eq(teamMembers.id, memberId), eq(teamMembers.districtId, ctx.actor.districtId), eq(teamMembers.version, member.version)))
      .returning();
    if (!updated) throw conflict(await teamView(ctx, teamId, tx));
    await recordAudit(tx, ctx, {
      action: 'team_member.end',
      entityType: 'team_member',
      entityId: memberId,
      before: member,
      after: updated,
    });
  });
  return teamView(ctx, teamId);
}

type MemberRow = typeof teamMembers.$inferSelect;

const isCurrent = (m: Pick<MemberRow, 'startsOn' | 'endsOn'>, today: string) =>
  m.startsOn <= today && (m.endsOn === null || m.endsOn > today);

/**
 * Gives a current member another role inside `tx`: the old row ends today and a new one starts
 * today (a row that started today changes in place rather than leave a period of no days). A stale
 * member version rolls the whole transaction back with 409.
 */
async function switchRole(tx: Executor, ctx: Ctx, teamId: string, member: MemberRow, role: MemberRow['role'], today: string) {
  const mine = and(
    eq(teamMembers.id, member.id),
    eq(teamMembers.districtId, ctx.actor.districtId),
    eq(teamMembers.version, member.version),
  );
  if (member.startsOn === today) {
    const [updated] = await tx
      .update(teamMembers)
      .set({ role, version: member.version + 1, updatedAt: new Date() })
      .where(mine)
      .returning();
    if (!updated) throw conflict(await teamView(ctx, teamId, tx));
    await recordAudit(tx, ctx, {
      action: 'team_member.role',
      entityType: 'team_member',
      entityId: member.id,
      before: member,
      after: updated,
    });
    return;
  }
  const [ended] = await tx
    .update(teamMembers)
    .set({ endsOn: today, version: member.version + 1, updatedAt: new Date() })
    .where(mine)
    .returning();
  if (!ended) throw conflict(await teamView(ctx, teamId, tx));
  const [started] = await tx
    .insert(teamMembers)
    .values({
      districtId: ctx.actor.districtId,
      teamId,
      personId: member.personId,
      role,
      startsOn: today,
      endsOn: member.endsOn,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordAudit(tx, ctx, [
    { action: 'team_member.end', entityType: 'team_member', entityId: member.id, before: member, after: ended },
    { action: 'team_member.add', entityType: 'team_member', entityId: started!.id, after: started },
  ]);
}

/**
 * Makes `leadMemberId` (a current member) the team's one lead and its other current leads members;
 * null leaves the team with no lead. Runs inside the caller's transaction.
 */
async function setLead(tx: Executor, ctx: Ctx, teamId: string, leadMemberId: string | null, today: string) {
  const current = (
    await tx
      .select()
      .from(teamMembers)
      .where(and(eq(teamMembers.districtId, ctx.actor.districtId), eq(teamMembers.teamId, teamId)))
  ).filter((m) => isCurrent(m, today));
  if (leadMemberId !== null && !current.some((m) => m.id === leadMemberId)) {
    throw invalid('leadMemberId', 'The lead must be a current member of this team');
  }
  for (const m of current) {
    const wanted = m.id === leadMemberId ? 'lead' : 'member';
    if (m.role === 'lead' && wanted === 'member') await switchRole(tx, ctx, teamId, m, 'member', today);
  }
  const chosen = current.find((m) => m.id === leadMemberId);
  if (chosen && chosen.role !== 'lead') await switchRole(tx, ctx, teamId, chosen, 'lead', today);
}

/** Makes a current member the lead (or a lead a member): the old row ends today, a new one starts today. */
export async function changeTeamRole(ctx: Ctx, teamId: string, memberId: string, input: z.infer<typeof ChangeTeamRoleInput>) {
  const team = await loadTeamRow(ctx, teamId);
  requireManagerOf(ctx, team.schoolId);
  const member = await loadMember(ctx, teamId, memberId);
  if (member.version !== input.version) throw conflict(await teamView(ctx, teamId));
  if (member.role === input.role) return teamView(ctx, teamId);
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  if (!isCurrent(member, today)) throw invalidState('Only a current member can change role', { code: 'not_current' });
  await ctx.db.transaction((tx) => switchRole(tx, ctx, teamId, member, input.role, today));
  return teamView(ctx, teamId);
}

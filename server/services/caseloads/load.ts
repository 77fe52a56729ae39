import { aliasedTable, and, asc, desc, eq, gt, isNull, or, type SQL } from 'drizzle-orm';
import type { CaseloadAssignment } from '../../../common/schemas/caseloads.ts';
import type { Executor } from '../../db/client.ts';
import { caseloadMembers, people, teamMembers, teams } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { canAssignCoaching, canManageAnyTeams } from '../../policies/teams.ts';
import { districtToday } from '../coaching/refs.ts';
import { holdsOn } from '../teams/periods.ts';
import { loadPeopleWithUnits } from '../teams/people.ts';

export type CaseloadRow = typeof caseloadMembers.$inferSelect;

const coach = aliasedTable(people, 'coach');
const coachee = aliasedTable(people, 'coachee');
const ref = (t: typeof coach) => ({ id: t.id, givenName: t.givenName, familyName: t.familyName, preferredName: t.preferredName });

/** Assignments matching `where`, with both people's names, newest first. */
export async function assignments(db: Executor, districtId: string, where: SQL | undefined) {
  return db
    .select({ row: caseloadMembers, coach: ref(coach), coachee: ref(coachee) })
    .from(caseloadMembers)
    .innerJoin(coach, and(eq(coach.id, caseloadMembers.coachPersonId), eq(coach.districtId, caseloadMembers.districtId)))
    .innerJoin(coachee, and(eq(coachee.id, caseloadMembers.personId), eq(coachee.districtId, caseloadMembers.districtId)))
    .where(and(eq(caseloadMembers.districtId, districtId), eq(caseloadMembers.active, true), where))
    .orderBy(asc(coachee.familyName), asc(coachee.givenName), desc(caseloadMembers.startsOn));
}

/**
 * A caseload (the caller's own unless `coachPersonId`), or every coach of one coachee (`personId`):
 * current assignments, and ended ones too when asked (the history). Coaches read their own; HR and
 * admins anyone's; school leaders those of people in their schools. The caller's own list also
 * names the people they coach through a team they lead.
 */
export async function listCaseload(ctx: Ctx, query: { coachPersonId?: string; personId?: string; includeEnded: boolean }) {
  const districtId = ctx.actor.districtId;
  const { today } = await districtToday(ctx.db, districtId);
  const about = query.personId ?? query.coachPersonId ?? ctx.actor.personId;
  const own = about === ctx.actor.personId;
  if (!own) {
    if (!canManageAnyTeams(ctx.actor)) throw forbidden('Only HR, admins and school leaders read other caseloads');
    const person = (await loadPeopleWithUnits(ctx.db, districtId, [about])).get(about);
    if (!person || !(isHrOrAdmin(ctx.actor) || person.units.some((u) => ctx.actor.leaderOrgUnitIds.includes(u))))
      throw forbidden('Not in your schools');
  }
  const filter = query.personId ? eq(caseloadMembers.personId, about) : eq(caseloadMembers.coachPersonId, about);
  const rows = await assignments(
    ctx.db,
    districtId,
    and(filter, query.includeEnded ? undefined : or(isNull(caseloadMembers.endsOn), gt(caseloadMembers.endsOn, today))),
  );
  const units = await loadPeopleWithUnits(
    ctx.db,
    districtId,
    rows.flatMap((r) => [r.row.coachPersonId, r.row.personId]),
  );
  const items: CaseloadAssignment[] = rows.map((r) => presentAssignment(ctx, r, today, units));
  const teamCoachees = own && !query.personId ? await teamCoacheesOf(ctx.db, districtId, ctx.actor.personId, today) : [];
  return { items, teamCoachees, abilities: { assign: canManageAnyTeams(ctx.actor) } };
}

export function presentAssignment(
  ctx: Ctx,
  r: Awaited<ReturnType<typeof assignments>>[number],
  today: string,
  units: Map<string, { units: string[] }>,
): CaseloadAssignment {
  return {
    id: r.row.id,
    coach: r.coach,
    coachee: r.coachee,
    startsOn: r.row.startsOn,
    endsOn: r.row.endsOn,
    current: holdsOn(r.row, today),
    version: r.row.version,
    abilities: {
      end:
        (r.row.endsOn === null || r.row.endsOn > today) &&
        canAssignCoaching(ctx.actor, units.get(r.row.coachPersonId)?.units ?? [], units.get(r.row.personId)?.units ?? []),
    },
  };
}

/** The current members of the teams a person leads today, with the team and since when. */
async function teamCoacheesOf(db: Executor, districtId: string, personId: string, today: string) {
  const lead = aliasedTable(teamMembers, 'lead');
  const rows = await db
    .select({
      team: { id: teams.id, name: teams.name, startsOn: teams.startsOn, endsOn: teams.endsOn },
      lead: { startsOn: lead.startsOn, endsOn: lead.endsOn },
      member: teamMembers,
      person: ref(coachee),
    })
    .from(lead)
    .innerJoin(teams, and(eq(teams.id, lead.teamId), eq(teams.districtId, lead.districtId)))
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, lead.teamId), eq(teamMembers.districtId, lead.districtId)))
    .innerJoin(coachee, and(eq(coachee.id, teamMembers.personId), eq(coachee.districtId, teamMembers.districtId)))
    .where(and(eq(lead.districtId, districtId), eq(lead.personId, personId), eq(lead.role, 'lead')))
    .orderBy(asc(teams.name), asc(coachee.familyName), asc(coachee.givenName));
  return rows
    .filter((r) => holdsOn(r.team, today) && holdsOn(r.lead, today) && holdsOn(r.member, today) && r.member.personId !== personId)
    .map((r) => ({
      person: r.person,
      team: { id: r.team.id, name: r.team.name },
      since: r.member.startsOn > r.lead.startsOn ? r.member.startsOn : r.lead.startsOn,
    }));
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { GradeTeamsInput, GradeTeamsResult } from '../../../common/schemas/teams.ts';
import { qualified } from '../../db/qualified.ts';
import { orgUnits, people, roleAssignments, teams } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { canManageAnyTeams, canManageTeamsAt } from '../../policies/teams.ts';
import { recordAudit } from '../audit.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { districtToday } from '../coaching/refs.ts';
import { overlaps } from './periods.ts';
import { schoolTeamsByName } from './load.ts';
import { insertMembers } from './write.ts';

/** Active people holding a current role of `roles` in the school (or a unit under it), with their roster grades. */
async function schoolPeopleWithGrades(ctx: Ctx, schoolId: string, roles: string[]) {
  return ctx.db
    .selectDistinct({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      preferredName: people.preferredName,
      grades: people.grades,
    })
    .from(roleAssignments)
    .innerJoin(
      people,
      and(eq(people.id, roleAssignments.personId), eq(people.districtId, roleAssignments.districtId), eq(people.active, true)),
    )
    .where(
      and(
        eq(roleAssignments.districtId, ctx.actor.districtId),
        inArray(roleAssignments.role, roles),
        currentAssignment(),
        sql`${qualified(roleAssignments.orgUnitId)} in (select u.id from org_units u where u.district_id = ${ctx.actor.districtId} and (u.id = ${schoolId} or u.parent_id = ${schoolId}))`,
      ),
    );
}

/**
 * Grade-level teams from the roster: for each grade, everyone holding one of the roles at the
 * school today whose roster grades include it joins the team of that name (a current team of the
 * school, else a new grade-level team). A dry run shows who would be added and writes nothing;
 * running it again adds nobody twice. School leaders of the school, HR and admins.
 */
export async function gradeTeams(ctx: Ctx, input: z.infer<typeof GradeTeamsInput>): Promise<GradeTeamsResult> {
  if (!canManageAnyTeams(ctx.actor)) throw forbidden('Only school leaders, HR and admins manage teams');
  if (!canManageTeamsAt(ctx.actor, input.schoolId)) throw notFound('School');
  const districtId = ctx.actor.districtId;
  const [school] = await ctx.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.schoolId), eq(orgUnits.districtId, districtId), eq(orgUnits.type, 'school')));
  if (!school) throw notFound('School');
  const names = input.teams.map((t) => t.name.toLowerCase());
  const repeated = input.teams.findIndex(
    (t, i) => names.indexOf(t.name.toLowerCase()) !== i || input.teams.findIndex((u) => u.grade === t.grade) !== i,
  );
  if (repeated >= 0) {
    throw new AppError('validation_failed', 'Each grade and each team name once', [{ path: `teams.${repeated}`, message: 'repeated' }]);
  }
  const { today } = await districtToday(ctx.db, districtId);
  const startsOn = input.startsOn ?? today;
  const period = { startsOn, endsOn: null };
  const staff = await schoolPeopleWithGrades(ctx, school.id, input.roles);
  const { byName, members: held } = await schoolTeamsByName(ctx.db, districtId, school.id, today);

  const plan = input.teams.map(({ grade, name }) => {
    const team = byName.get(name.toLowerCase()) ?? null;
    const ofGrade = staff.filter((p) => p.grades.includes(grade));
    const on = (personId: string) =>
      team !== null && held.some((m) => m.teamId === team.id && m.personId === personId && overlaps(m, period));
    const add = ofGrade
      .filter((p) => !on(p.id))
      .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
    return { grade, name, team, add, unchanged: ofGrade.length - add.length };
  });
  const result = (applied: boolean, teamIds: (string | null)[]): GradeTeamsResult => ({
    dryRun: input.dryRun,
    applied,
    teams: plan.map((p, i) => ({
      grade: p.grade,
      name: p.name,
      teamId: teamIds[i] ?? null,
      add: p.add.map(({ id, givenName, familyName, preferredName }) => ({ id, givenName, familyName, preferredName })),
      unchanged: p.unchanged,
    })),
    counts: {
      newTeams: plan.filter((p) => !p.team).length,
      added: plan.reduce((n, p) => n + p.add.length, 0),
      unchanged: plan.reduce((n, p) => n + p.unchanged, 0),
    },
  });
  if (input.dryRun)
    return result(
      false,
      plan.map((p) => p.team?.id ?? null),
    );

  const teamIds = await ctx.db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const p of plan) {
      let team = p.team;
      if (!team) {
        const [created] = await tx
          .insert(teams)
          .values({ districtId, schoolId: school.id, kind: 'grade_level', name: p.name, startsOn, createdBy: ctx.actor.userId })
          .returning();
        team = created!;
        await recordAudit(tx, ctx, { action: 'team.create', entityType: 'team', entityId: team.id, after: { ...team, grade: p.grade } });
      }
      ids.push(team.id);
      await insertMembers(
        ctx,
        tx,
        team,
        p.add.map((person) => ({ personId: person.id, role: 'member' as const, ...period })),
        'skip',
      );
    }
    return ids;
  });
  return result(true, teamIds);
}

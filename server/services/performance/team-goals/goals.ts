import { and, asc, eq, inArray, isNull, or, gt } from 'drizzle-orm';
import type { DistrictGoals, SchoolGoals } from '../../../../common/schemas/team-goals.ts';
import type { Executor } from '../../../db/client.ts';
import { teamGoals, teamMembers, teams } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { canWriteDistrictGoals, canWriteTeamGoals, leadsSchool } from '../../../policies/team-goals.ts';
import { districtToday } from '../../coaching/refs.ts';
import { holdsOn } from '../../teams/periods.ts';
import { listVersion, priorityRows } from './priorities.ts';
import { checkInsOf, goalRows, presentGoals, type GoalRow } from './present.ts';
import { loadReadableSchool, yearOf } from './scope.ts';

/** Ids of the teams the caller leads today. */
export async function ledTeamIds(ctx: Ctx, db: Executor = ctx.db): Promise<Set<string>> {
  const { today } = await districtToday(db, ctx.actor.districtId);
  const rows = await db
    .select({ teamId: teamMembers.teamId, startsOn: teamMembers.startsOn, endsOn: teamMembers.endsOn })
    .from(teamMembers)
    .where(
      and(eq(teamMembers.districtId, ctx.actor.districtId), eq(teamMembers.personId, ctx.actor.personId), eq(teamMembers.role, 'lead')),
    );
  return new Set(rows.filter((r) => holdsOn(r, today)).map((r) => r.teamId));
}

/** May the caller edit this goal (and record its check-ins)? */
export function goalEditor(ctx: Ctx, led: Set<string>) {
  return (row: GoalRow) => {
    if (row.level === 'district') return canWriteDistrictGoals(ctx.actor);
    if (!row.orgUnitId) return false;
    if (row.level === 'school') return leadsSchool(ctx.actor, row.orgUnitId);
    return canWriteTeamGoals(ctx.actor, row.orgUnitId, row.teamId !== null && led.has(row.teamId));
  };
}

/** A school's priorities, school goals and team goals for the year, with the latest check-in of each. */
export async function schoolGoals(ctx: Ctx, schoolId: string, schoolYear?: string): Promise<SchoolGoals> {
  const { school, lead } = await loadReadableSchool(ctx, schoolId);
  const year = await yearOf(ctx, schoolYear);
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  const [priorities, rows, district, schoolTeams, led] = await Promise.all([
    priorityRows(ctx.db, ctx.actor.districtId, schoolId, year),
    goalRows(ctx.db, ctx.actor.districtId, year, { schoolId }),
    goalRows(ctx.db, ctx.actor.districtId, year, { level: 'district' }),
    ctx.db
      .select({ id: teams.id, name: teams.name, kind: teams.kind })
      .from(teams)
      .where(
        and(eq(teams.districtId, ctx.actor.districtId), eq(teams.schoolId, schoolId), or(isNull(teams.endsOn), gt(teams.endsOn, today))),
      )
      .orderBy(asc(teams.name)),
    ledTeamIds(ctx),
  ]);
  return {
    school,
    schoolYear: year,
    priorities: priorities.map((r) => ({ id: r.id, position: r.position, title: r.title })),
    prioritiesVersion: listVersion(priorities),
    goals: await presentGoals(ctx.db, ctx.actor.districtId, rows, goalEditor(ctx, led)),
    districtGoals: district.map((g) => ({ id: g.id, title: g.title })),
    teams: schoolTeams,
    can: { editPriorities: lead, editSchoolGoals: lead, editTeamGoals: lead || schoolTeams.some((t) => led.has(t.id)) },
  };
}

/** The district's goals for the year, each with the school and team goals rolled up under it. */
export async function districtGoals(ctx: Ctx, schoolYear?: string): Promise<DistrictGoals> {
  const year = await yearOf(ctx, schoolYear);
  const rows = await goalRows(ctx.db, ctx.actor.districtId, year, { level: 'district' });
  const schoolLevel = rows.length
    ? await ctx.db
        .select({ id: teamGoals.id, parentGoalId: teamGoals.parentGoalId })
        .from(teamGoals)
        .where(
          and(
            eq(teamGoals.districtId, ctx.actor.districtId),
            inArray(
              teamGoals.parentGoalId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  const teamLevel = schoolLevel.length
    ? await ctx.db
        .select({ id: teamGoals.id, parentGoalId: teamGoals.parentGoalId })
        .from(teamGoals)
        .where(
          and(
            eq(teamGoals.districtId, ctx.actor.districtId),
            inArray(
              teamGoals.parentGoalId,
              schoolLevel.map((r) => r.id),
            ),
          ),
        )
    : [];
  const rootOf = new Map<string, string>(schoolLevel.map((g) => [g.id, g.parentGoalId!]));
  for (const g of teamLevel) rootOf.set(g.id, rootOf.get(g.parentGoalId!)!);
  const latest = await checkInsOf(ctx.db, ctx.actor.districtId, [...rootOf.keys()]);
  const children = new Map<string, { n: number; statuses: Record<string, number> }>(rows.map((r) => [r.id, { n: 0, statuses: {} }]));
  for (const [childId, rootId] of rootOf) {
    const entry = children.get(rootId)!;
    entry.n += 1;
    const status = latest.get(childId)?.[0]?.status ?? 'not_started';
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
  }
  const goals = await presentGoals(ctx.db, ctx.actor.districtId, rows, goalEditor(ctx, new Set()));
  return {
    schoolYear: year,
    items: goals.map((g) => ({ ...g, children: children.get(g.id)!.n, childStatuses: children.get(g.id)!.statuses })),
    can: { edit: canWriteDistrictGoals(ctx.actor) },
  };
}

/** A goal of the caller's district they may read (district goals: anyone; others: the school's readers), else 404. */
export async function loadReadableGoal(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<GoalRow> {
  const [row] = await db
    .select()
    .from(teamGoals)
    .where(and(eq(teamGoals.id, id), eq(teamGoals.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Goal');
  if (row.level !== 'district') {
    try {
      await loadReadableSchool(ctx, row.orgUnitId!, db);
    } catch {
      throw notFound('Goal');
    }
  }
  return row;
}

/** One goal with all its check-ins, newest first. */
export async function goalDetail(ctx: Ctx, id: string) {
  const row = await loadReadableGoal(ctx, id);
  const [goal] = await presentGoals(ctx.db, ctx.actor.districtId, [row], goalEditor(ctx, await ledTeamIds(ctx)));
  const checkIns = (await checkInsOf(ctx.db, ctx.actor.districtId, [id])).get(id) ?? [];
  return { ...goal!, checkIns };
}

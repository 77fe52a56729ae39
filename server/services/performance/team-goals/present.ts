import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { CheckIn, TeamGoal } from '../../../../common/schemas/team-goals.ts';
import type { GoalLevel, ProgressStatus } from '../../../../common/performance.ts';
import type { Executor } from '../../../db/client.ts';
import { people, teamGoalCheckIns, teamGoals, teams } from '../../../db/schema/index.ts';
import { nameOf } from '../../evaluators/computed.ts';

export type GoalRow = typeof teamGoals.$inferSelect;

/** Check-ins of goals, newest first, keyed by goal. */
export async function checkInsOf(db: Executor, districtId: string, goalIds: string[]): Promise<Map<string, CheckIn[]>> {
  const result = new Map<string, CheckIn[]>(goalIds.map((id) => [id, []]));
  if (goalIds.length === 0) return result;
  const rows = await db
    .select({
      c: teamGoalCheckIns,
      by: { givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName },
    })
    .from(teamGoalCheckIns)
    .leftJoin(people, eq(people.id, teamGoalCheckIns.recordedByPersonId))
    .where(and(eq(teamGoalCheckIns.districtId, districtId), inArray(teamGoalCheckIns.goalId, goalIds)))
    .orderBy(desc(teamGoalCheckIns.checkedOn), desc(teamGoalCheckIns.createdAt));
  for (const { c, by } of rows)
    result.get(c.goalId)?.push({
      id: c.id,
      checkedOn: c.checkedOn,
      status: c.status as ProgressStatus,
      note: c.note,
      recordedBy: by?.familyName ? nameOf(by) : null,
    });
  return result;
}

/** Goals as the API shows them, with their team's name and latest check-in. */
export async function presentGoals(
  db: Executor,
  districtId: string,
  rows: GoalRow[],
  canEdit: (row: GoalRow) => boolean,
): Promise<TeamGoal[]> {
  const teamIds = [...new Set(rows.map((r) => r.teamId).filter((id): id is string => id !== null))];
  const teamNames = new Map(
    teamIds.length
      ? (
          await db
            .select({ id: teams.id, name: teams.name })
            .from(teams)
            .where(and(eq(teams.districtId, districtId), inArray(teams.id, teamIds)))
        ).map((t) => [t.id, t.name])
      : [],
  );
  const checkIns = await checkInsOf(
    db,
    districtId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    level: r.level as GoalLevel,
    schoolYear: r.schoolYear,
    orgUnitId: r.orgUnitId,
    teamId: r.teamId,
    teamName: r.teamId ? (teamNames.get(r.teamId) ?? null) : null,
    priorityId: r.priorityId,
    parentGoalId: r.parentGoalId,
    title: r.title,
    metric: r.metric,
    baseline: r.baseline,
    target: r.target,
    dueOn: r.dueOn,
    version: r.version,
    latestCheckIn: checkIns.get(r.id)?.[0] ?? null,
    can: { edit: canEdit(r) },
  }));
}

/** Goals of a level for a year (and school), oldest first. */
export async function goalRows(db: Executor, districtId: string, schoolYear: string, where: { level?: GoalLevel; schoolId?: string } = {}) {
  return db
    .select()
    .from(teamGoals)
    .where(
      and(
        eq(teamGoals.districtId, districtId),
        eq(teamGoals.schoolYear, schoolYear),
        where.level ? eq(teamGoals.level, where.level) : undefined,
        where.schoolId ? eq(teamGoals.orgUnitId, where.schoolId) : undefined,
      ),
    )
    .orderBy(asc(teamGoals.createdAt), asc(teamGoals.id));
}

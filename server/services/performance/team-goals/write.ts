import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CheckInInput, CreateGoalInput, UpdateGoalInput } from '../../../../common/schemas/team-goals.ts';
import type { Executor } from '../../../db/client.ts';
import { schoolPriorities, teamGoalCheckIns, teamGoals, teams } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit.ts';
import { goalDetail, goalEditor, ledTeamIds, loadReadableGoal } from './goals.ts';
import type { GoalRow } from './present.ts';
import { loadReadableSchool } from './scope.ts';

const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

interface Placement {
  level: string;
  schoolYear: string;
  orgUnitId: string | null;
  teamId: string | null;
}

/** The priority must be one of the goal's school for its year. */
async function checkPriority(ctx: Ctx, db: Executor, goal: Placement, priorityId: string | null) {
  if (priorityId === null) {
    if (goal.level === 'school') throw invalid('priorityId', 'A school goal is tied to one of the school’s priorities');
    return;
  }
  if (goal.level === 'district') throw invalid('priorityId', 'District goals have no school priority');
  const [row] = await db
    .select({ orgUnitId: schoolPriorities.orgUnitId, schoolYear: schoolPriorities.schoolYear })
    .from(schoolPriorities)
    .where(and(eq(schoolPriorities.id, priorityId), eq(schoolPriorities.districtId, ctx.actor.districtId)));
  if (!row || row.orgUnitId !== goal.orgUnitId || row.schoolYear !== goal.schoolYear)
    throw invalid('priorityId', 'The priority is not one of this school’s for this year');
}

/** Roll-up: a school goal aligns to a district goal, a team goal to a school goal of its school; same year. */
async function checkParent(ctx: Ctx, db: Executor, goal: Placement, parentGoalId: string | null) {
  if (parentGoalId === null) return;
  if (goal.level === 'district') throw invalid('parentGoalId', 'District goals roll up to nothing');
  const [parent] = await db
    .select()
    .from(teamGoals)
    .where(and(eq(teamGoals.id, parentGoalId), eq(teamGoals.districtId, ctx.actor.districtId)));
  const ok =
    parent &&
    parent.schoolYear === goal.schoolYear &&
    (goal.level === 'school' ? parent.level === 'district' : parent.level === 'school' && parent.orgUnitId === goal.orgUnitId);
  if (!ok)
    throw invalid(
      'parentGoalId',
      goal.level === 'school'
        ? 'A school goal aligns to a district goal of the same year'
        : 'A team goal aligns to a school goal of its school',
    );
}

/** A new district, school or team goal, placed and aligned as its level requires. */
export async function createGoal(ctx: Ctx, input: z.infer<typeof CreateGoalInput>) {
  const led = await ledTeamIds(ctx);
  if (input.level === 'district') {
    if (input.orgUnitId || input.teamId) throw invalid('orgUnitId', 'A district goal belongs to no school or team');
  } else {
    if (!input.orgUnitId) throw invalid('orgUnitId', 'Which school?');
    await loadReadableSchool(ctx, input.orgUnitId);
    if (input.level === 'school' && input.teamId) throw invalid('teamId', 'A school goal belongs to no team');
    if (input.level === 'team') {
      if (!input.teamId) throw invalid('teamId', 'Which team?');
      const [team] = await ctx.db
        .select({ schoolId: teams.schoolId })
        .from(teams)
        .where(and(eq(teams.id, input.teamId), eq(teams.districtId, ctx.actor.districtId)));
      if (!team) throw notFound('Team');
      if (team.schoolId !== input.orgUnitId) throw invalid('teamId', 'The team is not one of this school’s');
    }
  }
  const placement = { level: input.level, schoolYear: input.schoolYear, orgUnitId: input.orgUnitId, teamId: input.teamId };
  if (!goalEditor(ctx, led)({ ...placement } as GoalRow)) throw forbidden('You may not set goals here');
  await checkPriority(ctx, ctx.db, placement, input.priorityId);
  await checkParent(ctx, ctx.db, placement, input.parentGoalId);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(teamGoals)
      .values({ districtId: ctx.actor.districtId, ...input })
      .returning();
    await recordAudit(tx, ctx, { action: 'team_goal.create', entityType: 'team_goal', entityId: row!.id, after: row });
    return row!.id;
  });
  return goalDetail(ctx, id);
}

/** Loads a goal the caller may edit (readable else 404; not editable 403). */
async function loadEditableGoal(ctx: Ctx, id: string): Promise<GoalRow> {
  const row = await loadReadableGoal(ctx, id);
  if (!goalEditor(ctx, await ledTeamIds(ctx))(row)) throw forbidden('You may not change this goal');
  return row;
}

/** Changes a goal's wording, measure, priority or alignment; a stale version is 409. */
export async function updateGoal(ctx: Ctx, id: string, input: z.infer<typeof UpdateGoalInput>) {
  const current = await loadEditableGoal(ctx, id);
  const { version, ...changes } = input;
  if (changes.priorityId !== undefined) await checkPriority(ctx, ctx.db, current, changes.priorityId);
  if (changes.parentGoalId !== undefined) await checkParent(ctx, ctx.db, current, changes.parentGoalId);
  if (changes.parentGoalId === id) throw invalid('parentGoalId', 'A goal cannot align to itself');
  if (current.version !== version) throw conflict(await goalDetail(ctx, id));
  const stale = await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(teamGoals)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(and(eq(teamGoals.id, id), eq(teamGoals.districtId, ctx.actor.districtId), eq(teamGoals.version, version)))
      .returning();
    if (!after) return true;
    await recordAudit(tx, ctx, { action: 'team_goal.update', entityType: 'team_goal', entityId: id, before: current, after });
    return false;
  });
  if (stale) throw conflict(await goalDetail(ctx, id));
  return goalDetail(ctx, id);
}

/** Deletes a goal nothing is aligned to, with its check-ins; a stale version is 409. */
export async function deleteGoal(ctx: Ctx, id: string, version: number) {
  const current = await loadEditableGoal(ctx, id);
  if (current.version !== version) throw conflict(await goalDetail(ctx, id));
  const [child] = await ctx.db
    .select({ id: teamGoals.id })
    .from(teamGoals)
    .where(and(eq(teamGoals.districtId, ctx.actor.districtId), eq(teamGoals.parentGoalId, id)))
    .limit(1);
  if (child) throw invalidState('Other goals are aligned to this one; move or delete them first');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(teamGoalCheckIns).where(and(eq(teamGoalCheckIns.districtId, ctx.actor.districtId), eq(teamGoalCheckIns.goalId, id)));
    const gone = await tx
      .delete(teamGoals)
      .where(and(eq(teamGoals.id, id), eq(teamGoals.districtId, ctx.actor.districtId), eq(teamGoals.version, version)))
      .returning();
    if (gone.length === 0) throw conflict(null);
    await recordAudit(tx, ctx, { action: 'team_goal.delete', entityType: 'team_goal', entityId: id, before: current });
  });
}

/** Records a (quarterly) check-in on a goal: its status, a note and the day. */
export async function addCheckIn(ctx: Ctx, id: string, input: z.infer<typeof CheckInInput>) {
  await loadEditableGoal(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(teamGoalCheckIns)
      .values({ districtId: ctx.actor.districtId, goalId: id, recordedByPersonId: ctx.actor.personId, ...input })
      .returning();
    await recordAudit(tx, ctx, { action: 'team_goal.check_in', entityType: 'team_goal', entityId: id, after: row });
  });
  return goalDetail(ctx, id);
}

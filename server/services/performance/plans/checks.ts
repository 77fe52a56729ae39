import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { EvidenceRef } from '../../../../common/schemas/performance-plans.ts';
import type { Executor } from '../../../db/client.ts';
import {
  actionSteps,
  coachingLogAttendees,
  coachingPlanMembers,
  files,
  observations,
  performanceCycles,
  teamGoals,
} from '../../../db/schema/index.ts';
import type { DevelopmentAction } from '../../../db/schema/performance.ts';
import { badInput } from './write.ts';

/**
 * Every id a plan write carries is checked against the caller's district AND the plan's person:
 * evidence (their published observations and walkthroughs, coaching sessions they attended, files
 * on their records or uploaded by them), coaching plans and action steps of theirs, and school or
 * team goals of the district. Anything else is a 400 naming the field.
 */

const uuids = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Ids among `refs` that do not belong to the person (empty when all do). */
async function foreignEvidence(db: Executor, districtId: string, personId: string, refs: EvidenceRef[]): Promise<string[]> {
  const byKind = (kind: string) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
  const ok = new Set<string>();
  const obsIds = [...byKind('observation'), ...byKind('walkthrough')];
  if (obsIds.length > 0) {
    const rows = await db
      .select({ id: observations.id, kind: observations.kind })
      .from(observations)
      .where(
        and(
          eq(observations.districtId, districtId),
          eq(observations.observedPersonId, personId),
          eq(observations.status, 'published'),
          inArray(observations.id, obsIds),
        ),
      );
    for (const r of rows) {
      if (byKind('observation').includes(r.id)) ok.add(`observation:${r.id}`);
      if (r.kind === 'walkthrough') ok.add(`walkthrough:${r.id}`);
    }
  }
  const logIds = byKind('coaching_log');
  if (logIds.length > 0) {
    const rows = await db
      .select({ id: coachingLogAttendees.logId })
      .from(coachingLogAttendees)
      .where(
        and(
          eq(coachingLogAttendees.districtId, districtId),
          eq(coachingLogAttendees.personId, personId),
          inArray(coachingLogAttendees.logId, logIds),
        ),
      );
    for (const r of rows) ok.add(`coaching_log:${r.id}`);
  }
  const fileIds = byKind('file');
  if (fileIds.length > 0) {
    const f = files;
    const rows = await db
      .select({ id: f.id })
      .from(f)
      .where(
        and(
          eq(f.districtId, districtId),
          isNull(f.deletedAt),
          inArray(f.id, fileIds),
          or(
            eq(f.uploadedByPersonId, personId),
            sql`(${f.ownerType} = 'observation' and exists (select 1 from ${observations} o where o.id = ${f.ownerId} and o.observed_person_id = ${personId}))`,
            sql`(${f.ownerType} = 'action_step' and exists (select 1 from ${actionSteps} s where s.id = ${f.ownerId} and s.person_id = ${personId}))`,
            sql`(${f.ownerType} = 'coaching_log' and exists (select 1 from ${coachingLogAttendees} a where a.log_id = ${f.ownerId} and a.person_id = ${personId}))`,
          ),
        ),
      );
    for (const r of rows) ok.add(`file:${r.id}`);
  }
  return refs.filter((r) => !ok.has(`${r.kind}:${r.id}`)).map((r) => r.id);
}

export async function checkEvidence(db: Executor, districtId: string, personId: string, refs: EvidenceRef[], path: string) {
  const bad = await foreignEvidence(db, districtId, personId, refs);
  if (bad.length > 0) throw badInput(path, `Evidence ${bad[0]} is not a record of this person`);
}

/**
 * The goals a plan's goal may align to: the district's goals and its school's school and team
 * goals, of the cycle's school year.
 */
export function alignableGoalsWhere(districtId: string, schoolYear: string, orgUnitId: string | null) {
  const place = orgUnitId ? or(eq(teamGoals.level, 'district'), eq(teamGoals.orgUnitId, orgUnitId)) : eq(teamGoals.level, 'district');
  return and(eq(teamGoals.districtId, districtId), eq(teamGoals.schoolYear, schoolYear), place);
}

export async function checkAlignedGoal(
  db: Executor,
  plan: { districtId: string; orgUnitId: string | null; cycleId: string },
  goalId: string | null,
) {
  if (!goalId) return;
  const [cycle] = await db
    .select({ schoolYear: performanceCycles.schoolYear })
    .from(performanceCycles)
    .where(and(eq(performanceCycles.id, plan.cycleId), eq(performanceCycles.districtId, plan.districtId)));
  const [row] = cycle
    ? await db
        .select({ id: teamGoals.id })
        .from(teamGoals)
        .where(and(eq(teamGoals.id, goalId), alignableGoalsWhere(plan.districtId, cycle.schoolYear, plan.orgUnitId)))
    : [];
  if (!row)
    throw badInput('goal.alignedGoalId', "The aligned goal is not a goal of the district or the person's school for this school year");
}

/** Development actions may link only to the person's own coaching plans and action steps. */
export async function checkActions(db: Executor, districtId: string, personId: string, actions: DevelopmentAction[]) {
  const planIds = [...new Set(actions.map((a) => a.coachingPlanId).filter((x): x is string => !!x))];
  const stepIds = [...new Set(actions.map((a) => a.actionStepId).filter((x): x is string => !!x))];
  if (planIds.length > 0) {
    const rows = await db.execute(sql`select m.plan_id from ${coachingPlanMembers} m
      where m.district_id = ${districtId} and m.person_id = ${personId} and m.plan_id in (${uuids(planIds)})`);
    if ((rows as unknown as { rows: unknown[] }).rows.length !== planIds.length)
      throw badInput('focusArea.actions', 'A linked coaching plan is not one of this person’s');
  }
  if (stepIds.length > 0) {
    const rows = await db
      .select({ id: actionSteps.id })
      .from(actionSteps)
      .where(and(eq(actionSteps.districtId, districtId), eq(actionSteps.personId, personId), inArray(actionSteps.id, stepIds)));
    if (rows.length !== stepIds.length) throw badInput('focusArea.actions', 'A linked action step is not one of this person’s');
  }
}

import { and, count, eq, sql } from 'drizzle-orm';
import type { FocusAreaInput, GoalInput, PerformancePlan, SelfRating } from '../../../../common/schemas/performance-plans.ts';
import type { Executor } from '../../../db/client.ts';
import { evidence, planFocusAreas, planGoals, planRatings } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import type { PlanRow } from '../access.ts';
import { checkActions, checkAlignedGoal, checkEvidence } from './checks.ts';
import { criteriaOf } from './view.ts';
import { badInput, mutatePlan } from './write.ts';

/** Does the person's self-assessment rate every criterion of the plan's rubric? */
export async function selfAssessmentComplete(db: Executor, row: PlanRow): Promise<boolean> {
  const { criteria } = await criteriaOf(db, row);
  if (criteria.length === 0) return false;
  const rated = await db
    .select({ itemId: planRatings.itemId })
    .from(planRatings)
    .where(and(eq(planRatings.planId, row.id), eq(planRatings.rater, 'self'), sql`${planRatings.scaleLevelId} is not null`));
  const done = new Set(rated.map((r) => r.itemId));
  return criteria.every((c) => done.has(c.itemId));
}

/**
 * PUT /api/performance/plans/:id/self-ratings: the person rates competencies of their snapshotted
 * rubric (level, comment, evidence of theirs). Each new or changed level is appended to the
 * evidence log (source self_assessment). Rating every criterion moves a plan in self-assessment on
 * to goal setting.
 */
export async function saveSelfRatings(ctx: Ctx, id: string, version: number, ratings: SelfRating[]): Promise<PerformancePlan> {
  return mutatePlan(ctx, id, version, 'selfAssess', async (tx, { row }) => {
    const { criteria } = await criteriaOf(tx, row);
    const byItem = new Map(criteria.map((c) => [c.itemId, c]));
    ratings.forEach((r, i) => {
      const criterion = byItem.get(r.itemId);
      if (!criterion) throw badInput(`ratings.${i}.itemId`, 'This competency is not in the plan’s rubric');
      if (r.scaleLevelId && !criterion.levels.some((l) => l.scaleLevelId === r.scaleLevelId))
        throw badInput(`ratings.${i}.scaleLevelId`, 'This level is not on the rubric’s scale');
    });
    await checkEvidence(
      tx,
      row.districtId,
      row.personId,
      ratings.flatMap((r) => r.evidenceRefs),
      'ratings.evidenceRefs',
    );
    const before = new Map(
      (
        await tx
          .select()
          .from(planRatings)
          .where(and(eq(planRatings.planId, row.id), eq(planRatings.rater, 'self')))
      ).map((r) => [r.itemId, r]),
    );
    const changed = ratings.filter((r) => r.scaleLevelId && before.get(r.itemId)?.scaleLevelId !== r.scaleLevelId);
    for (const r of ratings) {
      const levelScore = byItem.get(r.itemId)!.levels.find((l) => l.scaleLevelId === r.scaleLevelId)?.score ?? null;
      const values = {
        scaleLevelId: r.scaleLevelId,
        levelScore,
        comment: r.comment,
        evidenceRefs: r.evidenceRefs,
        ratedByUserId: ctx.actor.userId,
      };
      await tx
        .insert(planRatings)
        .values({ districtId: row.districtId, planId: row.id, itemId: r.itemId, rater: 'self', ...values })
        .onConflictDoUpdate({
          target: [planRatings.planId, planRatings.itemId, planRatings.rater],
          set: { ...values, updatedAt: new Date() },
        });
    }
    if (changed.length > 0) {
      const now = new Date();
      await tx.insert(evidence).values(
        changed.map((r) => ({
          districtId: row.districtId,
          personId: row.personId,
          itemId: r.itemId,
          scaleLevelId: r.scaleLevelId,
          levelScore: byItem.get(r.itemId)!.levels.find((l) => l.scaleLevelId === r.scaleLevelId)!.score,
          source: 'self_assessment',
          sourceId: row.id,
          observedAt: now,
          recordedByUserId: ctx.actor.userId,
        })),
      );
    }
    const complete = await selfAssessmentComplete(tx, row);
    const advance = complete && row.status === 'self_assessment';
    return {
      set: advance ? { status: 'goal_setting', selfAssessedAt: row.selfAssessedAt ?? new Date() } : {},
      audit: { action: 'performance_plan.self_rate', after: { ratings: ratings.length, changed: changed.length, complete } },
    };
  });
}

/** PUT /api/performance/plans/:id/reflections: the template sections' reflections (known keys only). */
export async function saveReflections(ctx: Ctx, id: string, version: number, reflections: Record<string, string>) {
  return mutatePlan(ctx, id, version, 'editPlan', async (_tx, { row }) => {
    const keys = new Set(row.template.sections.map((s) => s.key));
    const unknown = Object.keys(reflections).find((k) => !keys.has(k));
    if (unknown) throw badInput(`reflections.${unknown}`, 'No such section in this plan');
    return {
      set: { reflections: { ...row.reflections, ...reflections } },
      audit: { action: 'performance_plan.reflect', after: { sections: Object.keys(reflections) } },
    };
  });
}

function checkGoalDates(goal: GoalInput) {
  if (goal.baselineOn && goal.dueOn && goal.dueOn < goal.baselineOn)
    throw badInput('goal.dueOn', 'The target date is before the baseline date');
}

const goalValues = (g: GoalInput) => ({
  title: g.title,
  metric: g.metric,
  baseline: g.baseline,
  baselineOn: g.baselineOn,
  target: g.target,
  dueOn: g.dueOn,
  evidence: g.evidence,
  alignedGoalId: g.alignedGoalId,
  sharedWithCoach: g.sharedWithCoach,
});

/** POST /api/performance/plans/:id/goals: up to the template's number of goals. */
export async function addGoal(ctx: Ctx, id: string, version: number, goal: GoalInput) {
  return mutatePlan(ctx, id, version, 'editPlan', async (tx, { row }) => {
    checkGoalDates(goal);
    await checkAlignedGoal(tx, row, goal.alignedGoalId);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(planGoals).where(eq(planGoals.planId, row.id));
    if (n >= row.template.maxGoals) throw badInput('goal', `This plan has room for ${row.template.maxGoals} goals`);
    const [created] = await tx
      .insert(planGoals)
      .values({ districtId: row.districtId, planId: row.id, position: n, ...goalValues(goal) })
      .returning();
    return { audit: { action: 'performance_plan.goal_add', after: created } };
  });
}

async function goalOf(tx: Executor, row: PlanRow, goalId: string) {
  const [g] = await tx
    .select()
    .from(planGoals)
    .where(and(eq(planGoals.id, goalId), eq(planGoals.planId, row.id), eq(planGoals.districtId, row.districtId)));
  if (!g) throw notFound('Goal');
  return g;
}

export async function updateGoal(ctx: Ctx, id: string, goalId: string, version: number, goal: GoalInput) {
  return mutatePlan(ctx, id, version, 'editPlan', async (tx, { row }) => {
    checkGoalDates(goal);
    const before = await goalOf(tx, row, goalId);
    await checkAlignedGoal(tx, row, goal.alignedGoalId);
    await tx
      .update(planGoals)
      .set({ ...goalValues(goal), updatedAt: new Date() })
      .where(eq(planGoals.id, goalId));
    return { audit: { action: 'performance_plan.goal_update', before, after: goal } };
  });
}

export async function deleteGoal(ctx: Ctx, id: string, goalId: string, version: number) {
  return mutatePlan(ctx, id, version, 'editPlan', async (tx, { row }) => {
    const before = await goalOf(tx, row, goalId);
    await tx.delete(planGoals).where(eq(planGoals.id, goalId));
    return { audit: { action: 'performance_plan.goal_delete', before } };
  });
}

/** A focus area's competency must be a criterion of THE PLAN's cycle rubric snapshot. */
async function checkFocusArea(tx: Executor, row: PlanRow, f: FocusAreaInput, exceptId?: string) {
  const { criteria } = await criteriaOf(tx, row);
  if (!criteria.some((c) => c.itemId === f.itemId)) throw badInput('focusArea.itemId', 'This competency is not in the plan’s rubric');
  const same = await tx
    .select({ id: planFocusAreas.id })
    .from(planFocusAreas)
    .where(and(eq(planFocusAreas.planId, row.id), eq(planFocusAreas.itemId, f.itemId)));
  if (same.some((s) => s.id !== exceptId)) throw badInput('focusArea.itemId', 'This competency is already a focus area');
  await checkActions(tx, row.districtId, row.personId, f.actions);
}

const focusValues = (f: FocusAreaInput) => ({
  itemId: f.itemId,
  rationale: f.rationale,
  actions: f.actions.map((a) => ({
    kind: a.kind,
    description: a.description,
    coachingPlanId: a.coachingPlanId ?? null,
    actionStepId: a.actionStepId ?? null,
  })),
  sharedWithCoach: f.sharedWithCoach,
});

export async function addFocusArea(ctx: Ctx, id: string, version: number, focusArea: FocusAreaInput) {
  return mutatePlan(ctx, id, version, 'editPlan', async (tx, { row }) => {
    await checkFocusArea(tx, row, focusArea);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(planFocusAreas).where(eq(planFocusAreas.planId, row.id));
    if (n >= row.template.maxFocusAreas) throw badInput('focusArea', `This plan has room for ${row.template.maxFocusAreas} focus areas`);
    const [created] = await tx
      .insert(planFocusAreas)
      .values({ districtId: row.districtId, planId: row.id, position: n, ...focusValues(focusArea) })
      .returning();
    return { audit: { action: 'performance_plan.focus_add', after: created } };
  });
}

async function focusOf(tx: Executor, row: PlanRow, focusId: string) {
  const [f] = await tx
    .select()
    .from(planFocusAreas)
    .where(and(eq(planFocusAreas.id, focusId), eq(planFocusAreas.planId, row.id), eq(planFocusAreas.districtId, row.districtId)));
  if (!f) throw notFound('Focus area');
  return f;
}

export async function updateFocusArea(ctx: Ctx, id: string, focusId: string, version: number, focusArea: FocusAreaInput) {
  return mutatePlan(ctx, id, version, 'editPlan', async (tx, { row }) => {
    const before = await focusOf(tx, row, focusId);
    await checkFocusArea(tx, row, focusArea, focusId);
    await tx
      .update(planFocusAreas)
      .set({ ...focusValues(focusArea), updatedAt: new Date() })
      .where(eq(planFocusAreas.id, focusId));
    return { audit: { action: 'performance_plan.focus_update', before, after: focusArea } };
  });
}

export async function deleteFocusArea(ctx: Ctx, id: string, focusId: string, version: number) {
  return mutatePlan(ctx, id, version, 'editPlan', async (tx, { row }) => {
    const before = await focusOf(tx, row, focusId);
    await tx.delete(planFocusAreas).where(eq(planFocusAreas.id, focusId));
    return { audit: { action: 'performance_plan.focus_delete', before } };
  });
}

import { and, asc, eq } from 'drizzle-orm';
import type { Review } from '../../../../common/schemas/performance-review.ts';
import type { Executor } from '../../../db/client.ts';
import { performanceCycleRubrics, planGoals, planRatings, type SnapshotCriterion } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { loadReadablePlan, type PlanRow, type ReadablePlan } from '../access.ts';
import { cycleDates, evidenceAtHand } from './evidence.ts';
import { cycleOf, planHeader } from './header.ts';

/** The criteria of the rubric the plan is held to, as snapshotted when the cycle opened. */
export async function snapshotCriteria(db: Executor, row: PlanRow): Promise<SnapshotCriterion[]> {
  if (!row.cycleRubricId) return [];
  const [snapshot] = await db
    .select({ criteria: performanceCycleRubrics.criteria })
    .from(performanceCycleRubrics)
    .where(and(eq(performanceCycleRubrics.id, row.cycleRubricId), eq(performanceCycleRubrics.districtId, row.districtId)));
  return [...(snapshot?.criteria ?? [])].sort((a, b) => a.position - b.position);
}

/** What the caller may do with the review now. Nothing is final: a supervisor reopens it. */
export function reviewAbilities(ctx: Ctx, { row, can }: Pick<ReadablePlan, 'row' | 'can'>) {
  const self = row.personId === ctx.actor.personId;
  return {
    edit: can.review && row.status === 'signed',
    complete: can.review && row.status === 'signed',
    reopen: can.reopen && (row.status === 'reviewed' || row.status === 'acknowledged'),
    reflect: self && (row.status === 'signed' || row.status === 'reviewed'),
    acknowledge: can.acknowledge,
  };
}

/** The review of a plan with the evidence at hand for the cycle's dates, for whoever may read the plan. */
export async function getReview(ctx: Ctx, planId: string, db: Executor = ctx.db): Promise<Review> {
  const readable = await loadReadablePlan(ctx, planId, db);
  const { row } = readable;
  const cycle = await cycleOf(db, row);
  const criteria = await snapshotCriteria(db, row);
  const dates = cycleDates(cycle);
  const [evidence, ratings, goals] = await Promise.all([
    evidenceAtHand(db, row, criteria, dates),
    db
      .select()
      .from(planRatings)
      .where(and(eq(planRatings.planId, row.id), eq(planRatings.districtId, row.districtId), eq(planRatings.rater, 'evaluator'))),
    db
      .select()
      .from(planGoals)
      .where(and(eq(planGoals.planId, row.id), eq(planGoals.districtId, row.districtId)))
      .orderBy(asc(planGoals.position)),
  ]);
  return {
    plan: await planHeader(ctx, db, row, cycle),
    ...dates,
    criteria: criteria.map((c) => {
      const rating = ratings.find((r) => r.itemId === c.itemId);
      return {
        itemId: c.itemId,
        code: c.code,
        title: c.title,
        weight: cycle.ratingMethod.overall ? (cycle.ratingMethod.weights[c.itemId] ?? null) : null,
        levels: [...c.levels].sort((a, b) => a.score - b.score),
        rating: rating ? { scaleLevelId: rating.scaleLevelId, comment: rating.comment } : null,
        evidence: evidence.get(c.itemId)!,
      };
    }),
    goals: goals.map((g) => ({
      id: g.id,
      title: g.title,
      rating: g.rating as Review['goals'][number]['rating'],
      comment: g.ratingComment,
    })),
    summary: row.reviewSummary,
    overall: { enabled: cycle.ratingMethod.overall, score: row.overallScore, label: row.overallLabel },
    personReflection: row.personReflection,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgmentResponse: row.acknowledgmentResponse,
    abilities: reviewAbilities(ctx, readable),
  };
}

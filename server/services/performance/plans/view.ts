import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { PerformancePlan, PlanFocusArea, PlanGoal } from '../../../../common/schemas/performance-plans.ts';
import type { Executor } from '../../../db/client.ts';
import {
  auditLog,
  orgUnits,
  people,
  performanceCycleRubrics,
  performanceCycles,
  planFocusAreas,
  planGoals,
  planRatings,
  planSignatures,
  teamGoals,
} from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { canReadPlan, canReadSharedGoals } from '../../../policies/performance.ts';
import { currentOrgUnitsOf } from '../../observations/role-rubric.ts';
import { alignableGoalsWhere } from './checks.ts';
import { loadPlanRow, loadReadablePlan, type PlanRow, type ReadablePlan } from '../access.ts';

/** The person's display name: preferred (else given) and family name. */
export const displayName = (p: { preferredName: string | null; givenName: string; familyName: string }) =>
  `${p.preferredName ?? p.givenName} ${p.familyName}`;

export async function namesOf(db: Executor, districtId: string, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const out = new Map<string, { name: string; givenName: string; familyName: string; preferredName: string | null }>();
  if (wanted.length === 0) return out;
  const rows = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName })
    .from(people)
    .where(and(eq(people.districtId, districtId), inArray(people.id, wanted)));
  for (const r of rows) out.set(r.id, { ...r, name: displayName(r) });
  return out;
}

/** The snapshotted criteria of the plan's rubric (empty when the person has none). */
export async function criteriaOf(db: Executor, row: PlanRow) {
  if (!row.cycleRubricId) return { title: null, criteria: [] };
  const [snap] = await db
    .select()
    .from(performanceCycleRubrics)
    .where(and(eq(performanceCycleRubrics.id, row.cycleRubricId), eq(performanceCycleRubrics.districtId, row.districtId)));
  if (!snap) return { title: null, criteria: [] };
  const criteria = [...snap.criteria].sort((a, b) => a.position - b.position);
  return { title: snap.title, criteria };
}

async function goalsOf(db: Executor, row: PlanRow): Promise<PlanGoal[]> {
  const goals = await db
    .select({ g: planGoals, alignedGoalTitle: teamGoals.title })
    .from(planGoals)
    .leftJoin(teamGoals, and(eq(teamGoals.id, planGoals.alignedGoalId), eq(teamGoals.districtId, planGoals.districtId)))
    .where(and(eq(planGoals.planId, row.id), eq(planGoals.districtId, row.districtId)))
    .orderBy(asc(planGoals.position), asc(planGoals.createdAt));
  return goals.map(({ g, alignedGoalTitle }) => ({
    id: g.id,
    position: g.position,
    title: g.title,
    metric: g.metric,
    baseline: g.baseline,
    baselineOn: g.baselineOn,
    target: g.target,
    dueOn: g.dueOn,
    evidence: g.evidence,
    alignedGoalId: g.alignedGoalId,
    alignedGoalTitle: alignedGoalTitle ?? null,
    sharedWithCoach: g.sharedWithCoach,
  }));
}

async function focusAreasOf(db: Executor, row: PlanRow, titles: Map<string, string>): Promise<PlanFocusArea[]> {
  const rows = await db
    .select()
    .from(planFocusAreas)
    .where(and(eq(planFocusAreas.planId, row.id), eq(planFocusAreas.districtId, row.districtId)))
    .orderBy(asc(planFocusAreas.position), asc(planFocusAreas.createdAt));
  return rows.map((f) => ({
    id: f.id,
    position: f.position,
    itemId: f.itemId,
    title: titles.get(f.itemId) ?? '',
    rationale: f.rationale,
    actions: f.actions.map((a) => ({
      kind: a.kind as PlanFocusArea['actions'][number]['kind'],
      description: a.description,
      coachingPlanId: a.coachingPlanId ?? null,
      actionStepId: a.actionStepId ?? null,
    })),
    sharedWithCoach: f.sharedWithCoach,
  }));
}

/** The evaluator's note when the latest hand-over was a return (a later submit clears it). */
async function returnNoteOf(db: Executor, row: PlanRow): Promise<string | null> {
  const [last] = await db
    .select({ action: auditLog.action, after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.districtId, row.districtId),
        eq(auditLog.entityType, 'performance_plan'),
        eq(auditLog.entityId, row.id),
        inArray(auditLog.action, ['performance_plan.return', 'performance_plan.submit']),
      ),
    )
    .orderBy(desc(auditLog.at))
    .limit(1);
  if (last?.action !== 'performance_plan.return') return null;
  return ((last.after as { note?: string } | null)?.note ?? null) || null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** GET /api/performance/plans/:id: the whole plan for a reader. */
export async function planView(ctx: Ctx, id: string, readable?: ReadablePlan): Promise<PerformancePlan> {
  const { row, can } = readable ?? (await loadReadablePlan(ctx, id));
  const db = ctx.db;
  const [cycle] = await db.select().from(performanceCycles).where(eq(performanceCycles.id, row.cycleId));
  const { title: rubricTitle, criteria } = await criteriaOf(db, row);
  const titles = new Map(criteria.map((c) => [c.itemId, c.title]));
  const ratings = await db
    .select()
    .from(planRatings)
    .where(and(eq(planRatings.planId, row.id), eq(planRatings.districtId, row.districtId), eq(planRatings.rater, 'self')));
  const signatures = await db
    .select()
    .from(planSignatures)
    .where(and(eq(planSignatures.planId, row.id), eq(planSignatures.stage, 'plan'), isNull(planSignatures.voidedAt)))
    .orderBy(asc(planSignatures.signedAt));
  const names = await namesOf(db, row.districtId, [row.personId, row.evaluatorPersonId, ...signatures.map((s) => s.signerPersonId)]);
  const [school] = row.orgUnitId
    ? await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, row.orgUnitId))
    : [];
  return {
    id: row.id,
    version: row.version,
    status: row.status as PerformancePlan['status'],
    cycle: { id: cycle!.id, title: cycle!.title, schoolYear: cycle!.schoolYear, status: cycle!.status, phases: cycle!.phases },
    person: { id: row.personId, name: names.get(row.personId)?.name ?? '' },
    evaluator: row.evaluatorPersonId ? { id: row.evaluatorPersonId, name: names.get(row.evaluatorPersonId)?.name ?? '' } : null,
    school: school ?? null,
    template: row.template,
    rubricTitle,
    criteria: criteria.map((c) => ({ itemId: c.itemId, code: c.code, title: c.title, position: c.position, levels: c.levels })),
    reflections: row.reflections,
    selfRatings: ratings.map((r) => ({
      itemId: r.itemId,
      scaleLevelId: r.scaleLevelId,
      comment: r.comment,
      evidenceRefs: r.evidenceRefs as PerformancePlan['selfRatings'][number]['evidenceRefs'],
    })),
    goals: await goalsOf(db, row),
    focusAreas: await focusAreasOf(db, row, titles),
    signatures: signatures.map((s) => ({
      id: s.id,
      signer: s.signer as PerformancePlan['signatures'][number]['signer'],
      signerName: names.get(s.signerPersonId)?.name ?? '',
      typedName: s.typedName,
      signedAt: s.signedAt.toISOString(),
    })),
    selfAssessedAt: iso(row.selfAssessedAt),
    submittedAt: iso(row.submittedAt),
    approvedAt: iso(row.approvedAt),
    signedAt: iso(row.signedAt),
    returnNote: row.status === 'goal_setting' ? await returnNoteOf(db, row) : null,
    alignableGoals: can.editPlan
      ? await db
          .select({ id: teamGoals.id, level: teamGoals.level, title: teamGoals.title })
          .from(teamGoals)
          .where(alignableGoalsWhere(row.districtId, cycle!.schoolYear, row.orgUnitId))
          .orderBy(asc(teamGoals.level), asc(teamGoals.title))
      : [],
    abilities: can,
  };
}

/**
 * GET /api/performance/plans/:id/shared: a caseload coach sees only the goals and focus areas the
 * person shared with their coach; 404 when nothing is shared (or the caller is no such coach and
 * may not read the plan).
 */
export async function sharedPlanView(ctx: Ctx, id: string) {
  const row = await loadPlanRow(ctx, id);
  const personOrgUnitIds = (await currentOrgUnitsOf(ctx.db, ctx.actor.districtId, [row.personId])).get(row.personId) ?? [];
  if (!canReadSharedGoals(ctx.actor, row) && !canReadPlan(ctx.actor, row, personOrgUnitIds)) throw notFound('Plan');
  const { criteria } = await criteriaOf(ctx.db, row);
  const goals = (await goalsOf(ctx.db, row)).filter((g) => g.sharedWithCoach);
  const focusAreas = (await focusAreasOf(ctx.db, row, new Map(criteria.map((c) => [c.itemId, c.title])))).filter((f) => f.sharedWithCoach);
  if (goals.length === 0 && focusAreas.length === 0) throw notFound('Plan');
  const [cycle] = await ctx.db.select().from(performanceCycles).where(eq(performanceCycles.id, row.cycleId));
  const names = await namesOf(ctx.db, row.districtId, [row.personId]);
  return {
    id: row.id,
    person: { id: row.personId, name: names.get(row.personId)?.name ?? '' },
    cycle: { title: cycle!.title, schoolYear: cycle!.schoolYear },
    goals,
    focusAreas,
  };
}

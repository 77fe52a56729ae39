import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { SMALL_GROUP, type RatingCounts, type RatingDistribution } from '../../../../common/schemas/performance-views.ts';
import { orgUnits, people, performanceCycleRubrics, performancePlans, planRatings } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { fullName, loadViewScope } from './scope.ts';

const empty = (): RatingCounts => ({ reviewed: 0, overall: {}, competencies: {} });

/**
 * The distribution of review ratings in a cycle: per overall label and per level on each
 * competency, per school or per evaluator, beside the district's (the input calibration needs).
 * Only reviewed plans of people still here count. Leaders see their schools' groups (for
 * evaluators: only the plans in their schools) against the whole district. Groups under
 * SMALL_GROUP reviewed plans are shown but flagged.
 */
export async function ratingDistribution(ctx: Ctx, cycleId: string, by: 'school' | 'evaluator'): Promise<RatingDistribution> {
  const { cycle, schools } = await loadViewScope(ctx, cycleId);
  const p = performancePlans;
  const r = planRatings;
  const key = by === 'school' ? p.orgUnitId : p.evaluatorPersonId;
  const base = and(eq(p.districtId, ctx.actor.districtId), eq(p.cycleId, cycle.id), isNotNull(p.reviewedAt), isNull(p.leftOn));
  const scope: SQL | undefined = schools === null ? undefined : schools.length ? inArray(p.orgUnitId, schools) : sql`false`;
  const overall = (grouped: boolean) =>
    ctx.db
      .select({ key: grouped ? key : sql<string | null>`null`, label: p.overallLabel, n: sql<number>`count(*)::int` })
      .from(p)
      .where(grouped ? and(base, scope) : base)
      .groupBy(...(grouped ? [key, p.overallLabel] : [p.overallLabel]));
  const levels = (grouped: boolean) =>
    ctx.db
      .select({ key: grouped ? key : sql<string | null>`null`, itemId: r.itemId, score: r.levelScore, n: sql<number>`count(*)::int` })
      .from(r)
      .innerJoin(p, eq(p.id, r.planId))
      .where(
        and(grouped ? and(base, scope) : base, eq(r.districtId, ctx.actor.districtId), eq(r.rater, 'evaluator'), isNotNull(r.levelScore)),
      )
      .groupBy(...(grouped ? [key, r.itemId, r.levelScore] : [r.itemId, r.levelScore]));
  const [districtOverall, districtLevels, groupOverall, groupLevels, snapshots] = await Promise.all([
    overall(false),
    levels(false),
    overall(true),
    levels(true),
    ctx.db
      .select({ criteria: performanceCycleRubrics.criteria })
      .from(performanceCycleRubrics)
      .where(and(eq(performanceCycleRubrics.districtId, ctx.actor.districtId), eq(performanceCycleRubrics.cycleId, cycle.id))),
  ]);

  const groups = new Map<string | null, RatingCounts>();
  const district = empty();
  const countOverall = (target: RatingCounts, label: string | null, n: number) => {
    target.reviewed += n;
    const k = label ?? '';
    target.overall[k] = (target.overall[k] ?? 0) + n;
  };
  const countLevel = (target: RatingCounts, itemId: string, score: number | null, n: number) => {
    const perItem = (target.competencies[itemId] ??= {});
    perItem[String(score)] = (perItem[String(score)] ?? 0) + n;
  };
  const group = (k: string | null) => groups.get(k) ?? (groups.set(k, empty()), groups.get(k)!);
  for (const row of districtOverall) countOverall(district, row.label, row.n);
  for (const row of districtLevels) countLevel(district, row.itemId, row.score, row.n);
  for (const row of groupOverall) countOverall(group(row.key), row.label, row.n);
  for (const row of groupLevels) countLevel(group(row.key), row.itemId, row.score, row.n);

  const ids = [...groups.keys()].filter((k): k is string => k !== null);
  const names = new Map<string, string>();
  if (ids.length && by === 'school') {
    for (const u of await ctx.db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, ids)))
      names.set(u.id, u.name);
  } else if (ids.length) {
    for (const person of await ctx.db.select().from(people).where(inArray(people.id, ids))) names.set(person.id, fullName(person));
  }

  const competencies = new Map<string, { itemId: string; code: string | null; title: string }>();
  const levelLabels = new Map<number, string>();
  for (const s of snapshots) {
    for (const c of s.criteria) {
      if (!competencies.has(c.itemId)) competencies.set(c.itemId, { itemId: c.itemId, code: c.code, title: c.title });
      for (const l of c.levels) if (!levelLabels.has(l.score)) levelLabels.set(l.score, l.label);
    }
  }
  const labels = [...cycle.ratingMethod.cutScores].sort((a, b) => b.min - a.min).map((c) => c.label);
  for (const label of Object.keys(district.overall)) if (label && !labels.includes(label)) labels.push(label);

  return {
    cycle: { id: cycle.id, title: cycle.title, schoolYear: cycle.schoolYear },
    by,
    competencies: [...competencies.values()],
    levels: [...levelLabels.entries()].sort((a, b) => a[0] - b[0]).map(([score, label]) => ({ score, label })),
    labels,
    district,
    groups: [...groups.entries()]
      .map(([id, counts]) => ({ id, name: id === null ? null : (names.get(id) ?? null), small: counts.reviewed < SMALL_GROUP, ...counts }))
      .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')),
  };
}

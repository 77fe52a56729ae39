import { and, asc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CompletionPeople, CompletionRow, CompletionView, MissingKind } from '../../../../common/schemas/performance-views.ts';
import { orgUnits, people, performanceCompletion, performancePlans } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { districtToday } from '../../coaching/refs.ts';
import { fullName, loadViewScope } from './scope.ts';

const COUNTS = ['plans', 'selfAssessed', 'submitted', 'signed', 'reviewed', 'acknowledged', 'noRubric', 'checkInsOverdue'] as const;

/**
 * Completion by school and phase, from the summary rows kept on write (a few hundred rows for a
 * district), plus the check-ins overdue against the district's today (one indexed count per school).
 */
export async function completionView(ctx: Ctx, cycleId: string): Promise<CompletionView> {
  const { cycle, schools } = await loadViewScope(ctx, cycleId);
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  const c = performanceCompletion;
  const p = performancePlans;
  const inScope = (column: typeof c.orgUnitId | typeof p.orgUnitId) =>
    schools === null ? undefined : schools.length ? inArray(column, schools) : sql`false`;
  const [summary, overdue] = await Promise.all([
    ctx.db
      .select({
        orgUnitId: c.orgUnitId,
        orgUnitName: orgUnits.name,
        plans: c.plans,
        selfAssessed: c.selfAssessed,
        submitted: c.submitted,
        signed: c.signed,
        reviewed: c.reviewed,
        acknowledged: c.acknowledged,
        noRubric: c.noRubric,
      })
      .from(c)
      .leftJoin(orgUnits, eq(orgUnits.id, c.orgUnitId))
      .where(and(eq(c.districtId, ctx.actor.districtId), eq(c.cycleId, cycle.id), inScope(c.orgUnitId)))
      .orderBy(asc(orgUnits.name)),
    ctx.db
      .select({ orgUnitId: p.orgUnitId, n: sql<number>`count(*)::int` })
      .from(p)
      .where(
        and(
          eq(p.districtId, ctx.actor.districtId),
          eq(p.cycleId, cycle.id),
          isNull(p.leftOn),
          lt(p.nextCheckInOn, today),
          inScope(p.orgUnitId),
        ),
      )
      .groupBy(p.orgUnitId),
  ]);
  const overdueBySchool = new Map(overdue.map((r) => [r.orgUnitId, r.n]));
  const rows: CompletionRow[] = summary.map((r) => ({ ...r, checkInsOverdue: overdueBySchool.get(r.orgUnitId) ?? 0 }));
  const total = Object.fromEntries(COUNTS.map((k) => [k, rows.reduce((sum, r) => sum + r[k], 0)])) as CompletionView['total'];
  return {
    cycle: { id: cycle.id, title: cycle.title, schoolYear: cycle.schoolYear, status: cycle.status },
    today,
    district: schools === null,
    rows,
    total,
  };
}

const encode = (row: { familyName: string; givenName: string; planId: string }) =>
  Buffer.from(JSON.stringify([row.familyName, row.givenName, row.planId])).toString('base64url');

function decode(cursor: string): [string, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      value.every((v) => typeof v === 'string') &&
      /^[0-9a-f-]{36}$/.test(String(value[2]))
    ) {
      return value as [string, string, string];
    }
  } catch {
    // falls through to the 400 below
  }
  throw new AppError('validation_failed', 'The cursor is not valid', [{ path: 'cursor', message: 'invalid' }]);
}

/**
 * The people behind a count: who has not self-assessed, whose plan is unsigned, whose check-in is
 * overdue, who has no review yet. By name, keyset paged. A school outside the caller's scope is 404.
 */
export async function completionPeople(
  ctx: Ctx,
  cycleId: string,
  q: { orgUnitId?: string; missing: MissingKind; cursor?: string; limit: number },
): Promise<CompletionPeople> {
  const { cycle, schools } = await loadViewScope(ctx, cycleId);
  if (q.orgUnitId && schools !== null && !schools.includes(q.orgUnitId)) throw notFound('School');
  const p = performancePlans;
  const evaluator = alias(people, 'evaluator');
  let missing: SQL;
  if (q.missing === 'self_assessment') missing = isNull(p.selfAssessedAt);
  else if (q.missing === 'signature') missing = isNull(p.signedAt);
  else if (q.missing === 'review') missing = isNull(p.reviewedAt);
  else missing = lt(p.nextCheckInOn, (await districtToday(ctx.db, ctx.actor.districtId)).today);
  const scope = q.orgUnitId
    ? eq(p.orgUnitId, q.orgUnitId)
    : schools === null
      ? undefined
      : schools.length
        ? inArray(p.orgUnitId, schools)
        : sql`false`;
  const cursor = q.cursor ? decode(q.cursor) : null;
  const after = cursor
    ? sql`(${people.familyName}, ${people.givenName}, ${p.id}) > (${cursor[0]}, ${cursor[1]}, ${cursor[2]}::uuid)`
    : undefined;
  const rows = await ctx.db
    .select({
      planId: p.id,
      personId: p.personId,
      givenName: people.givenName,
      familyName: people.familyName,
      preferredName: people.preferredName,
      orgUnitId: p.orgUnitId,
      orgUnitName: orgUnits.name,
      evaluatorGiven: evaluator.givenName,
      evaluatorFamily: evaluator.familyName,
      evaluatorPreferred: evaluator.preferredName,
      status: p.status,
      nextCheckInOn: p.nextCheckInOn,
    })
    .from(p)
    .innerJoin(people, eq(people.id, p.personId))
    .leftJoin(orgUnits, eq(orgUnits.id, p.orgUnitId))
    .leftJoin(evaluator, eq(evaluator.id, p.evaluatorPersonId))
    .where(and(eq(p.districtId, ctx.actor.districtId), eq(p.cycleId, cycle.id), isNull(p.leftOn), missing, scope, after))
    .orderBy(asc(people.familyName), asc(people.givenName), asc(p.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      planId: r.planId,
      personId: r.personId,
      name: fullName(r),
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitName,
      evaluatorName:
        r.evaluatorGiven === null
          ? null
          : fullName({ givenName: r.evaluatorGiven, familyName: r.evaluatorFamily!, preferredName: r.evaluatorPreferred }),
      status: r.status,
      nextCheckInOn: r.nextCheckInOn,
    })),
    nextCursor: rows.length > q.limit && last ? encode(last) : null,
  };
}

import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PlanList, PlanListItem, PlanListQuery } from '../../../../common/schemas/performance-plans.ts';
import { orgUnits, performanceCycles, performancePlans } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { decodeCursor, encodeCursor, exactTime, olderThan } from '../../../lib/cursor.ts';
import { namesOf } from './view.ts';

const p = performancePlans;

/**
 * GET /api/performance/plans: `mine` — the caller's own plans across cycles; `evaluating` — plans
 * in open cycles the caller evaluates or supervises as a leader of the plan's school. Newest first,
 * keyset paged over (created, id).
 */
export async function listPlans(ctx: Ctx, q: PlanListQuery): Promise<PlanList> {
  const where: SQL[] = [eq(p.districtId, ctx.actor.districtId)];
  if (q.scope === 'mine') where.push(eq(p.personId, ctx.actor.personId));
  else {
    const leads = ctx.actor.leaderOrgUnitIds;
    where.push(
      or(eq(p.evaluatorPersonId, ctx.actor.personId), leads.length > 0 ? inArray(p.orgUnitId, leads) : sql`false`)!,
      sql`${p.personId} <> ${ctx.actor.personId}`,
      eq(performanceCycles.status, 'open'),
      sql`${p.leftOn} is null`,
    );
  }
  if (q.status) where.push(eq(p.status, q.status));
  if (q.cursor) where.push(olderThan(decodeCursor(q.cursor), p.createdAt, p.id));
  const rows = await ctx.db
    .select({
      id: p.id,
      status: p.status,
      personId: p.personId,
      evaluatorPersonId: p.evaluatorPersonId,
      updatedAt: p.updatedAt,
      createdExact: exactTime(p.createdAt),
      cycleId: performanceCycles.id,
      cycleTitle: performanceCycles.title,
      schoolYear: performanceCycles.schoolYear,
      schoolId: orgUnits.id,
      schoolName: orgUnits.name,
    })
    .from(p)
    .innerJoin(performanceCycles, eq(performanceCycles.id, p.cycleId))
    .leftJoin(orgUnits, eq(orgUnits.id, p.orgUnitId))
    .where(and(...where))
    .orderBy(desc(p.createdAt), desc(p.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const names = await namesOf(
    ctx.db,
    ctx.actor.districtId,
    page.flatMap((r) => [r.personId, r.evaluatorPersonId]),
  );
  const last = page.at(-1);
  return {
    items: page.map((r): PlanListItem => ({
      id: r.id,
      status: r.status as PlanListItem['status'],
      cycle: { id: r.cycleId, title: r.cycleTitle, schoolYear: r.schoolYear },
      person: { id: r.personId, name: names.get(r.personId)?.name ?? '' },
      school: r.schoolId ? { id: r.schoolId, name: r.schoolName ?? '' } : null,
      evaluatorName: r.evaluatorPersonId ? (names.get(r.evaluatorPersonId)?.name ?? null) : null,
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdExact, last.id) : null,
  };
}

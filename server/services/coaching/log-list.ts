import { and, desc, eq, getTableColumns, gte, inArray, isNull, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { z } from 'zod';
import type { CoachingLogList, CoachingLogQuery } from '../../../common/schemas/coaching.ts';
import { coachingLogAttendees, coachingLogs, roleAssignments } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { cycleView, loadCycleRow } from './cycles.ts';
import { presentLogs } from './logs.ts';
import { loadPlanRow, planView } from './plans.ts';
import { decodeCursor, encodeCursor, exactTime, olderThan } from '../../lib/cursor.ts';
import { qualified } from '../../db/qualified.ts';

/** The sessions any of these people attend, as a subquery. */
function attendeeLogs(ctx: Ctx, personIds: string[]) {
  return ctx.db
    .select({ id: coachingLogAttendees.logId })
    .from(coachingLogAttendees)
    .where(and(eq(coachingLogAttendees.districtId, ctx.actor.districtId), inArray(coachingLogAttendees.personId, personIds)));
}

/**
 * SQL twin of `coachingView(...) !== 'none'` (policies/coaching.ts), so that paging and `total`
 * count only what the reader may see: HR and admins everything of the district; others the sessions
 * they coach or attend, and, as school leaders, those with an attendee currently in one of their
 * schools. `presentLogs` still applies the policy itself to every row it presents.
 */
function visibleToReader(ctx: Ctx): SQL | undefined {
  const { actor } = ctx;
  if (isHrOrAdmin(actor)) return undefined;
  const districtId = actor.districtId;
  const parts: SQLWrapper[] = [coachedLogs(ctx, actor.personId), attendeeLogs(ctx, [actor.personId])];
  if (actor.leaderOrgUnitIds.length > 0) {
    const inMySchools = ctx.db
      .select({ id: coachingLogAttendees.logId })
      .from(coachingLogAttendees)
      .innerJoin(
        roleAssignments,
        and(eq(roleAssignments.personId, coachingLogAttendees.personId), eq(roleAssignments.districtId, districtId)),
      )
      .where(
        and(
          eq(coachingLogAttendees.districtId, districtId),
          inArray(roleAssignments.orgUnitId, actor.leaderOrgUnitIds),
          currentAssignment(),
        ),
      );
    parts.push(inMySchools);
  }
  return inAnyOf(parts);
}

/** The sessions this person coaches, as a subquery (coaching_logs_coach_idx). */
function coachedLogs(ctx: Ctx, personId: string) {
  return ctx.db
    .select({ id: coachingLogs.id })
    .from(coachingLogs)
    .where(and(eq(coachingLogs.districtId, ctx.actor.districtId), eq(coachingLogs.coachPersonId, personId)));
}

/**
 * Ids from any of the subqueries, as one UNION: `a = x OR id IN (...)` cannot use an index for
 * either side, so it read every session of the district for each list (issue 11).
 */
const inAnyOf = (parts: SQLWrapper[]): SQL => sql`${qualified(coachingLogs.id)} in (${sql.join(parts, sql` union `)})`;

/** Every page's sessions together, and those the reader attended, held and has not rated yet. */
interface Counts {
  total: number;
  toRate: number;
}

/**
 * Sessions by plan, cycle or person (coach or attendee; default: the reader), as the reader may see
 * them, one page at a time: newest first by start time, then id (stable across pages), `limit` per
 * page, `total` of every page together.
 */
export async function listLogs(ctx: Ctx, q: z.infer<typeof CoachingLogQuery>): Promise<CoachingLogList> {
  const districtId = ctx.actor.districtId;
  const where: SQL[] = [eq(coachingLogs.districtId, districtId)];
  if (q.planId) {
    // The sessions that count for the plan: linked to it, or unlinked with a member attending in its span.
    const plan = await planView(ctx, q.planId);
    const row = await loadPlanRow(ctx, q.planId);
    const loose = and(
      isNull(coachingLogs.planId),
      inArray(
        coachingLogs.id,
        attendeeLogs(
          ctx,
          plan.members.map((m) => m.id),
        ),
      ),
      gte(coachingLogs.startsAt, new Date(`${row.startsOn}T00:00:00Z`)),
      lte(coachingLogs.startsAt, new Date(`${row.endsOn}T23:59:59Z`)),
    );
    where.push(or(eq(coachingLogs.planId, q.planId), loose)!);
  }
  if (q.cycleId) {
    await cycleView(ctx, q.cycleId);
    await loadCycleRow(ctx, q.cycleId);
    where.push(eq(coachingLogs.cycleId, q.cycleId));
  }
  if (!q.planId && !q.cycleId) {
    const personId = q.personId ?? ctx.actor.personId;
    const coached = eq(coachingLogs.coachPersonId, personId);
    const attended = inArray(coachingLogs.id, attendeeLogs(ctx, [personId]));
    const either = inAnyOf([coachedLogs(ctx, personId), attendeeLogs(ctx, [personId])]);
    where.push(q.personRole === 'coach' ? coached : q.personRole === 'attendee' ? attended : either);
  }
  if (q.status) where.push(eq(coachingLogs.status, q.status));
  // The reader's own sessions (the default) are all visible to them: checking again doubled the statement.
  const own = !q.planId && !q.cycleId && (q.personId ?? ctx.actor.personId) === ctx.actor.personId;
  const visible = own ? undefined : visibleToReader(ctx);
  if (visible) where.push(visible);

  const unrated = sql`exists (select 1 from ${coachingLogAttendees} a where a.log_id = ${qualified(coachingLogs.id)}
    and a.person_id = ${ctx.actor.personId} and a.helpfulness is null)`;
  const counts = ctx.db
    .select({
      counts: sql<Counts>`json_build_object('total', count(*), 'toRate', count(*) filter (where ${qualified(coachingLogs.status)} = 'held' and ${unrated}))`,
    })
    .from(coachingLogs)
    .where(and(...where));
  const paged = [...where];
  if (q.cursor) {
    paged.push(olderThan(decodeCursor(q.cursor), coachingLogs.startsAt, coachingLogs.id));
  }
  // One statement: the page and, computed once beside it, the totals of every page together.
  const rows = await ctx.db
    .select({
      ...getTableColumns(coachingLogs),
      startsExact: exactTime(coachingLogs.startsAt),
      counts: sql<Counts>`(${counts})`,
    })
    .from(coachingLogs)
    .where(and(...paged))
    .orderBy(desc(coachingLogs.startsAt), desc(coachingLogs.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  // A page past the last has no row to carry the totals.
  const totals = rows[0]?.counts ?? (q.cursor ? (await counts)[0]?.counts : undefined);
  return {
    items: await presentLogs(ctx, page),
    total: totals?.total ?? 0,
    toRate: totals?.toRate ?? 0,
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.startsExact, last.id) : null,
  };
}

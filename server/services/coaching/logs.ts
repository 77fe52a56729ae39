import { and, desc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { CoachingActivity, CoachingLogStatus } from '../../../common/coaching.ts';
import type { CoachingLog, CoachingLogQuery } from '../../../common/schemas/coaching.ts';
import type { Executor } from '../../db/client.ts';
import { coachingLogAttendees, coachingLogs } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { coachingAbilities, coachingView } from '../../policies/coaching.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { loadCycleRow, cycleView } from './cycles.ts';
import { loadPlanRow, planView } from './plans.ts';
import { focusItemRefs, personRefs, unknownPerson } from './refs.ts';

export type LogRow = typeof coachingLogs.$inferSelect;
export type AttendeeRow = typeof coachingLogAttendees.$inferSelect;

export async function loadLogRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<LogRow> {
  const [row] = await db.select().from(coachingLogs).where(and(eq(coachingLogs.id, id), eq(coachingLogs.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Coaching session');
  return row;
}

export async function attendeesOf(db: Executor, districtId: string, logIds: string[]): Promise<Map<string, AttendeeRow[]>> {
  const out = new Map<string, AttendeeRow[]>(logIds.map((id) => [id, []]));
  if (logIds.length === 0) return out;
  const rows = await db
    .select()
    .from(coachingLogAttendees)
    .where(and(eq(coachingLogAttendees.districtId, districtId), inArray(coachingLogAttendees.logId, logIds)));
  for (const r of rows) out.get(r.logId)?.push(r);
  return out;
}

const sharedByAll = (attendees: AttendeeRow[]) => attendees.length > 0 && attendees.every((a) => a.sharedAt !== null);

/**
 * Presents the logs the actor may see: 'full' with notes, next steps and ratings, 'summary' with
 * only that the session happened (dates, duration, activity, focus, who). Others are left out.
 */
export async function presentLogs(ctx: Ctx, rows: LogRow[], db: Executor = ctx.db): Promise<CoachingLog[]> {
  if (rows.length === 0) return [];
  const districtId = ctx.actor.districtId;
  const attendees = await attendeesOf(db, districtId, rows.map((r) => r.id));
  const personIds = [...new Set([...attendees.values()].flat().map((a) => a.personId))];
  const units = await currentOrgUnitsOf(db, districtId, personIds);
  const seen = rows.flatMap((r) => {
    const list = attendees.get(r.id) ?? [];
    const input = {
      districtId: r.districtId,
      coachPersonId: r.coachPersonId,
      coacheeIds: list.map((a) => a.personId),
      coacheeOrgUnitIds: list.flatMap((a) => units.get(a.personId) ?? []),
      sharedByAll: sharedByAll(list),
    };
    const view = coachingView(ctx.actor, input);
    return view === 'none' ? [] : [{ row: r, list, view, abilities: coachingAbilities(ctx.actor, input) }];
  });
  const names = await personRefs(db, districtId, [...personIds, ...seen.map((s) => s.row.coachPersonId)]);
  const items = await focusItemRefs(db, districtId, seen.map((s) => s.row.focusItemId));
  return seen.map(({ row, list, view, abilities }) => {
    const full = view === 'full';
    return {
      id: row.id,
      view,
      coach: names.get(row.coachPersonId) ?? unknownPerson(row.coachPersonId),
      planId: row.planId,
      cycleId: row.cycleId,
      status: row.status as CoachingLogStatus,
      startsAt: row.startsAt.toISOString(),
      durationMinutes: row.durationMinutes,
      activity: row.activity as CoachingActivity,
      focusItem: row.focusItemId ? (items.get(row.focusItemId) ?? null) : null,
      ...(full ? { notes: row.notes, nextSteps: row.nextSteps } : {}),
      attendees: list.map((a) => ({
        person: names.get(a.personId) ?? unknownPerson(a.personId),
        ...(full ? { helpfulness: a.helpfulness } : {}),
        shared: a.sharedAt !== null,
      })),
      sharedByAll: sharedByAll(list),
      version: row.version,
      abilities: { ...abilities, rate: abilities.rate && row.status === 'held' },
    };
  });
}

export async function logView(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<CoachingLog> {
  const [log] = await presentLogs(ctx, [await loadLogRow(ctx, id, db)], db);
  if (!log) throw notFound('Coaching session');
  return log;
}

/** Sessions by plan, cycle or person (coach or attendee; default: the actor), newest first, as the actor may see them. */
export async function listLogs(ctx: Ctx, q: z.infer<typeof CoachingLogQuery>) {
  const districtId = ctx.actor.districtId;
  const where: SQL[] = [eq(coachingLogs.districtId, districtId)];
  const attendeeLogs = (personIds: string[]) =>
    ctx.db
      .select({ id: coachingLogAttendees.logId })
      .from(coachingLogAttendees)
      .where(and(eq(coachingLogAttendees.districtId, districtId), inArray(coachingLogAttendees.personId, personIds)));
  if (q.planId) {
    // The sessions that count for the plan: linked to it, or unlinked with a member attending in its span.
    const plan = await planView(ctx, q.planId);
    const row = await loadPlanRow(ctx, q.planId);
    const loose = and(
      isNull(coachingLogs.planId),
      inArray(coachingLogs.id, attendeeLogs(plan.members.map((m) => m.id))),
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
    where.push(or(eq(coachingLogs.coachPersonId, personId), inArray(coachingLogs.id, attendeeLogs([personId])))!);
  }
  if (q.status) where.push(eq(coachingLogs.status, q.status));
  const rows = await ctx.db
    .select()
    .from(coachingLogs)
    .where(and(...where))
    .orderBy(desc(coachingLogs.startsAt))
    .limit(q.limit);
  const items = await presentLogs(ctx, rows);
  return { items, total: items.length };
}

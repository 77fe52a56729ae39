import { and, eq, inArray } from 'drizzle-orm';
import type { CoachingActivity, CoachingLogStatus } from '../../../common/coaching.ts';
import type { CoachingLog } from '../../../common/schemas/coaching.ts';
import type { Executor } from '../../db/client.ts';
import { coachingLogAttendees, coachingLogs } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { coachingAbilities, coachingView } from '../../policies/coaching.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { focusItemRefs, personRefs, unknownPerson } from './refs.ts';

export type LogRow = typeof coachingLogs.$inferSelect;
export type AttendeeRow = typeof coachingLogAttendees.$inferSelect;

export async function loadLogRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<LogRow> {
  const [row] = await db
    .select()
    .from(coachingLogs)
    .where(and(eq(coachingLogs.id, id), eq(coachingLogs.districtId, ctx.actor.districtId)));
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
  const attendees = await attendeesOf(
    db,
    districtId,
    rows.map((r) => r.id),
  );
  const personIds = [...new Set([...attendees.values()].flat().map((a) => a.personId))];
  // Units (for the policy), names and focus items all follow from the attendees: one round trip.
  const [units, names, items] = await Promise.all([
    currentOrgUnitsOf(db, districtId, personIds),
    personRefs(db, districtId, [...personIds, ...rows.map((r) => r.coachPersonId)]),
    focusItemRefs(
      db,
      districtId,
      rows.map((r) => r.focusItemId),
    ),
  ]);
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

import { and, eq } from 'drizzle-orm';
import type { CreateCoachingLogInput, UpdateCoachingLogInput } from '../../../common/schemas/coaching.ts';
import type { Executor } from '../../db/client.ts';
import { coachingLogAttendees, coachingLogs } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { markCoachingLogStale } from '../dashboards/freshness.ts';
import { notify } from '../notifications/notify.ts';
import { checkPlanFor, loadCycleRow } from './cycles.ts';
import { attendeesOf, loadLogRow, logView, type LogRow } from './logs.ts';
import { checkFocusItems, invalid, personRefs, requireCoachOf } from './refs.ts';
import { summariesChangedFor } from '../tracker/freshness.ts';

/** The cycle must be the actor's, for one of the attendees; returns its plan (a log inherits it). */
async function checkCycleFor(ctx: Ctx, cycleId: string | null | undefined, attendeeIds: string[], db: Executor = ctx.db) {
  if (!cycleId) return null;
  const cycle = await loadCycleRow(ctx, cycleId, db).catch(() => null);
  if (!cycle || cycle.coachPersonId !== ctx.actor.personId || !attendeeIds.includes(cycle.coacheePersonId)) {
    throw invalid('cycleId', 'Pick one of your cycles with an attendee of this session');
  }
  return cycle;
}

async function notifyScheduled(tx: Executor, ctx: Ctx, log: LogRow, attendeeIds: string[]) {
  const coach = (await personRefs(tx, ctx.actor.districtId, [log.coachPersonId])).get(log.coachPersonId);
  await notify(tx, ctx, {
    personIds: attendeeIds,
    kind: 'coaching_session_scheduled',
    entityType: 'coaching_log',
    entityId: log.id,
    params: {
      coach: coach ? `${coach.preferredName ?? coach.givenName} ${coach.familyName}` : '',
      // The instant; the bell and the e-mail show it in the district's time zone and the reader's language.
      date: log.startsAt.toISOString(),
      // The code; the bell and the e-mail name it in the reader's language.
      activity: log.activity,
    },
    path: `/coaching?log=${log.id}`,
  });
}

/** A coach logs a held session or schedules one with coachees of their caseload (attendees are told). */
export async function createLog(ctx: Ctx, input: CreateCoachingLogInput) {
  const attendeeIds = [...new Set(input.attendeeIds)];
  requireCoachOf(ctx, attendeeIds);
  const cycle = await checkCycleFor(ctx, input.cycleId, attendeeIds);
  const planId = input.planId ?? cycle?.planId ?? null;
  await checkPlanFor(ctx, planId, attendeeIds);
  await checkFocusItems(ctx.db, ctx.actor.districtId, [input.focusItemId], 'focusItemId');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(coachingLogs)
      .values({
        districtId: ctx.actor.districtId,
        coachPersonId: ctx.actor.personId,
        planId,
        cycleId: input.cycleId,
        status: input.status,
        startsAt: new Date(input.startsAt),
        durationMinutes: input.durationMinutes,
        activity: input.activity,
        focusItemId: input.focusItemId ?? cycle?.focusItemId ?? null,
        notes: input.notes,
        nextSteps: input.nextSteps,
      })
      .returning();
    await tx
      .insert(coachingLogAttendees)
      .values(attendeeIds.map((personId) => ({ districtId: ctx.actor.districtId, logId: row!.id, personId })));
    await recordAudit(tx, ctx, {
      action: 'coaching_log.create',
      entityType: 'coaching_log',
      entityId: row!.id,
      after: { ...row, attendeeIds },
    });
    if (row!.status === 'scheduled') await notifyScheduled(tx, ctx, row!, attendeeIds);
    await markCoachingLogStale(tx, ctx.actor.districtId, row!.id);
    return row!.id;
  });
  await summariesChangedFor(ctx, attendeeIds);
  return logView(ctx, id);
}

/**
 * The coach edits a session, marks it held or cancelled, or reschedules it. A session that is no
 * longer held loses its ratings; a newly scheduled time is sent to the attendees.
 */
export async function updateLog(ctx: Ctx, id: string, input: UpdateCoachingLogInput) {
  const current = await logView(ctx, id);
  const row = await loadLogRow(ctx, id);
  if (row.coachPersonId !== ctx.actor.personId) throw forbidden('Only the session’s coach changes it');
  if (row.version !== input.version) throw conflict(current);
  const { version, ...fields } = input;
  const attendeeIds = ((await attendeesOf(ctx.db, ctx.actor.districtId, [id])).get(id) ?? []).map((a) => a.personId);
  if (fields.cycleId !== undefined) await checkCycleFor(ctx, fields.cycleId, attendeeIds);
  if (fields.planId !== undefined) await checkPlanFor(ctx, fields.planId, attendeeIds);
  if (fields.focusItemId !== undefined) await checkFocusItems(ctx.db, ctx.actor.districtId, [fields.focusItemId], 'focusItemId');
  const { startsAt, ...rest } = fields;
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(coachingLogs)
      .set({ ...rest, ...(startsAt ? { startsAt: new Date(startsAt) } : {}), version: version + 1, updatedAt: new Date() })
      .where(and(eq(coachingLogs.id, id), eq(coachingLogs.version, version)))
      .returning();
    if (!updated) throw conflict(await logView(ctx, id, tx));
    if (updated.status !== 'held' && row.status === 'held') {
      await tx.update(coachingLogAttendees).set({ helpfulness: null, ratedAt: null }).where(eq(coachingLogAttendees.logId, id));
    }
    const action = updated.status !== row.status ? `coaching_log.${updated.status}` : 'coaching_log.update';
    await recordAudit(tx, ctx, { action, entityType: 'coaching_log', entityId: id, before: row, after: updated });
    const rescheduled =
      updated.status === 'scheduled' && (row.status !== 'scheduled' || updated.startsAt.getTime() !== row.startsAt.getTime());
    if (rescheduled) await notifyScheduled(tx, ctx, updated, attendeeIds);
    await markCoachingLogStale(tx, ctx.actor.districtId, id);
  });
  await summariesChangedFor(ctx, attendeeIds);
  return logView(ctx, id);
}

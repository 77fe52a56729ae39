import { and, eq, inArray } from 'drizzle-orm';
import { dayIn } from '../../../common/clock.ts';
import { ROLE_ACCESS, isStaffRole } from '../../../common/roles.ts';
import type { Executor } from '../../db/client.ts';
import { coachingLogAttendees, roleAssignments } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, invalidState } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { notify } from '../notifications/notify.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { attendeesOf, loadLogRow, logView } from './logs.ts';
import { districtToday, personRefs } from './refs.ts';

/** The actor's attendee row of a session they may see; 404 when unseen, 403 when not an attendee. */
async function myAttendance(ctx: Ctx, logId: string) {
  await logView(ctx, logId);
  const attendees = (await attendeesOf(ctx.db, ctx.actor.districtId, [logId])).get(logId) ?? [];
  const mine = attendees.find((a) => a.personId === ctx.actor.personId);
  if (!mine) throw forbidden('Only the people coached in a session rate or share it');
  return { mine, attendees };
}

/** An attendee rates a held session's helpfulness (1-5), or clears the rating with null. */
export async function rateLog(ctx: Ctx, logId: string, helpfulness: number | null) {
  const { mine } = await myAttendance(ctx, logId);
  const log = await loadLogRow(ctx, logId);
  if (log.status !== 'held') throw invalidState('Only a session that was held can be rated', { status: log.status });
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(coachingLogAttendees)
      .set({ helpfulness, ratedAt: helpfulness === null ? null : new Date(), updatedAt: new Date() })
      .where(eq(coachingLogAttendees.id, mine.id))
      .returning();
    await recordAudit(tx, ctx, { action: 'coaching_log.rate', entityType: 'coaching_log', entityId: logId, before: mine, after: updated });
  });
  return logView(ctx, logId);
}

/** People holding a school-leader role today in any of these org units. */
async function leadersOf(db: Executor, districtId: string, orgUnitIds: string[]): Promise<string[]> {
  if (orgUnitIds.length === 0) return [];
  const rows = await db
    .select({ personId: roleAssignments.personId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, districtId), inArray(roleAssignments.orgUnitId, orgUnitIds), currentAssignment()));
  return [...new Set(rows.filter((r) => isStaffRole(r.role) && ROLE_ACCESS[r.role] === 'school_leader').map((r) => r.personId))];
}

/**
 * An attendee shares a session with their school leaders (or takes it back). Once every attendee
 * has shared, the leaders see its notes and are told (coaching_log_shared).
 */
export async function shareLog(ctx: Ctx, logId: string, shared: boolean) {
  const { mine, attendees } = await myAttendance(ctx, logId);
  const wasShared = attendees.every((a) => a.sharedAt !== null);
  const nowShared = attendees.every((a) => (a.id === mine.id ? shared : a.sharedAt !== null));
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(coachingLogAttendees)
      .set({ sharedAt: shared ? (mine.sharedAt ?? new Date()) : null, updatedAt: new Date() })
      .where(eq(coachingLogAttendees.id, mine.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: shared ? 'coaching_log.share' : 'coaching_log.unshare',
      entityType: 'coaching_log',
      entityId: logId,
      before: mine,
      after: updated,
    });
    if (nowShared && !wasShared) {
      const districtId = ctx.actor.districtId;
      const ids = attendees.map((a) => a.personId);
      const units = await currentOrgUnitsOf(tx, districtId, ids);
      const leaders = await leadersOf(tx, districtId, [...new Set([...units.values()].flat())]);
      const log = await loadLogRow(ctx, logId, tx);
      const me = (await personRefs(tx, districtId, [ctx.actor.personId])).get(ctx.actor.personId);
      const { timeZone } = await districtToday(tx, districtId);
      await notify(tx, ctx, {
        personIds: leaders.filter((id) => !ids.includes(id) && id !== log.coachPersonId),
        kind: 'coaching_log_shared',
        entityType: 'coaching_log',
        entityId: logId,
        params: { coachee: me ? `${me.preferredName ?? me.givenName} ${me.familyName}` : '', date: dayIn(log.startsAt, timeZone) },
        path: `/coaching?log=${logId}`,
      });
    }
  });
  return logView(ctx, logId);
}

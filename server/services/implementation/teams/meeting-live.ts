/**
 * A meeting followed live: when a member saves its notes, takes its data review, records a decision
 * or adds or ticks off an action item, everyone with the meeting open hears `meeting.changed` with
 * its new revision and refetches it (through their own read checks).
 *
 * The revision counts every change to the meeting and its records: the meeting's version, plus one
 * per decision, plus each of its action items' versions. Decisions and action items are never
 * deleted and versions only grow, so it only grows; the meeting's own `version` stays what a save
 * of the notes is checked against (a decision added meanwhile is no conflict with the notes).
 */
import { and, count, eq, sum } from 'drizzle-orm';
import type { LiveEvent } from '../../../../common/schemas/live.ts';
import { implementationActionItems, implementationDecisions } from '../../../db/schema/index.ts';
import type { Executor } from '../../../db/client.ts';
import type { Ctx } from '../../../lib/context.ts';
import type { LiveHub } from '../../../lib/live/hub.ts';
import { loadMeeting } from './meetings.ts';

/** The live topic of one meeting (district-scoped by the hub). */
export const meetingTopic = (meetingId: string) => `implementation-meeting:${meetingId}`;

/** The revision of a meeting whose version is `version` (see above). */
export async function meetingRevision(db: Executor, districtId: string, meetingId: string, version: number): Promise<number> {
  const [[decisions], [items]] = await Promise.all([
    db
      .select({ n: count() })
      .from(implementationDecisions)
      .where(and(eq(implementationDecisions.districtId, districtId), eq(implementationDecisions.meetingId, meetingId))),
    db
      .select({ n: sum(implementationActionItems.version).mapWith(Number) })
      .from(implementationActionItems)
      .where(and(eq(implementationActionItems.districtId, districtId), eq(implementationActionItems.meetingId, meetingId))),
  ]);
  return version + (decisions?.n ?? 0) + (items?.n ?? 0);
}

/** The `meeting.changed` event for a meeting at `revision`. */
export function meetingChanged(m: { id: string; teamId: string; version: number; revision: number }): LiveEvent {
  return {
    type: 'meeting.changed',
    id: String(m.revision),
    data: { meetingId: m.id, teamId: m.teamId, version: m.version, revision: m.revision },
  };
}

/** The meeting's current state as a live event; 404 unless the caller may read the meeting. */
export async function currentMeetingEvent(ctx: Ctx, teamId: string, meetingId: string): Promise<LiveEvent> {
  const { meeting } = await loadMeeting(ctx, teamId, meetingId);
  const revision = await meetingRevision(ctx.db, ctx.actor.districtId, meetingId, meeting.version);
  return meetingChanged({ id: meetingId, teamId, version: meeting.version, revision });
}

/** Tells everyone following the meeting that it changed; call once the write committed. */
export async function announceMeetingChange(ctx: Ctx, live: Pick<LiveHub, 'publish'>, teamId: string, meetingId: string | null) {
  if (!meetingId) return;
  await live.publish(ctx.actor.districtId, meetingTopic(meetingId), await currentMeetingEvent(ctx, teamId, meetingId));
}

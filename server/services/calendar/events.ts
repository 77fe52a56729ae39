import { and, eq, gte, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { CalendarEvent } from '../../../common/schemas/calendar.ts';
import type { Executor } from '../../db/client.ts';
import { coachingLogAttendees, coachingLogs, observations, observationTypes, people } from '../../db/schema/index.ts';

/** Length of an event whose duration is not known (feedback meetings, observations without one). */
const DEFAULT_MINUTES = 30;

export interface EventsQuery {
  districtId: string;
  /** Whose calendar. */
  personId: string;
  /** Instants bounding the range: [start, end). */
  start: Date;
  end: Date;
  /** The calendar's own person is reading it (links are given only then). */
  own: boolean;
}

const nameOf = (p: { givenName: string; familyName: string; preferredName: string | null }) =>
  `${p.preferredName ?? p.givenName} ${p.familyName}`.trim();

async function namesOf(db: Executor, districtId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName })
    .from(people)
    .where(and(eq(people.districtId, districtId), inArray(people.id, unique)));
  return new Map(rows.map((r) => [r.id, nameOf(r)]));
}

const plus = (at: Date, minutes: number | null) => new Date(at.getTime() + (minutes ?? DEFAULT_MINUTES) * 60_000);

/**
 * A person's events in a range: observations scheduled with them (as observer, co-observer or the
 * observed teacher), feedback meetings of those observations, and coaching sessions scheduled or
 * held (as coach or attendee). The observed teacher gets only who observes them, never the type or
 * the content; coaching sessions carry the activity, never the notes. Sorted by start.
 */
export async function eventsFor(db: Executor, q: EventsQuery): Promise<CalendarEvent[]> {
  const { districtId, personId, start, end, own } = q;
  const involved = or(
    eq(observations.observerPersonId, personId),
    eq(observations.coObserverPersonId, personId),
    eq(observations.observedPersonId, personId),
  );
  const inRange = (column: typeof observations.scheduledAt | typeof observations.feedbackMeetingAt) =>
    and(isNotNull(column), gte(column, start), lt(column, end));
  const obsRows = await db
    .select({
      id: observations.id,
      status: observations.status,
      observedPersonId: observations.observedPersonId,
      observerPersonId: observations.observerPersonId,
      coObserverPersonId: observations.coObserverPersonId,
      scheduledAt: observations.scheduledAt,
      durationMinutes: observations.durationMinutes,
      feedbackMeetingAt: observations.feedbackMeetingAt,
      typeName: observationTypes.name,
    })
    .from(observations)
    .innerJoin(observationTypes, eq(observationTypes.id, observations.typeId))
    .where(
      and(
        eq(observations.districtId, districtId),
        involved,
        or(inRange(observations.scheduledAt), inRange(observations.feedbackMeetingAt)),
      ),
    );

  const attending = db
    .select({ logId: coachingLogAttendees.logId })
    .from(coachingLogAttendees)
    .where(and(eq(coachingLogAttendees.districtId, districtId), eq(coachingLogAttendees.personId, personId)));
  const logRows = await db
    .select({
      id: coachingLogs.id,
      coachPersonId: coachingLogs.coachPersonId,
      cycleId: coachingLogs.cycleId,
      status: coachingLogs.status,
      startsAt: coachingLogs.startsAt,
      durationMinutes: coachingLogs.durationMinutes,
      activity: coachingLogs.activity,
    })
    .from(coachingLogs)
    .where(
      and(
        eq(coachingLogs.districtId, districtId),
        inArray(coachingLogs.status, ['scheduled', 'held']),
        gte(coachingLogs.startsAt, start),
        lt(coachingLogs.startsAt, end),
        or(eq(coachingLogs.coachPersonId, personId), inArray(coachingLogs.id, attending)),
      ),
    );
  const attendees = logRows.length
    ? await db
        .select({ logId: coachingLogAttendees.logId, personId: coachingLogAttendees.personId })
        .from(coachingLogAttendees)
        .where(
          inArray(
            coachingLogAttendees.logId,
            logRows.map((l) => l.id),
          ),
        )
    : [];

  const names = await namesOf(db, districtId, [
    ...obsRows.flatMap((o) => [o.observedPersonId, o.observerPersonId, o.coObserverPersonId ?? o.observerPersonId]),
    ...logRows.map((l) => l.coachPersonId),
    ...attendees.map((a) => a.personId),
  ]);
  const name = (id: string) => names.get(id) ?? '';
  const events: CalendarEvent[] = [];

  for (const o of obsRows) {
    const observed = o.observedPersonId === personId;
    const base = {
      role: observed ? ('observed' as const) : ('observer' as const),
      // The observed teacher sees who observes them; observers see the teacher and their co-observer.
      with: observed
        ? [o.observerPersonId, o.coObserverPersonId].filter((id): id is string => !!id).map(name)
        : [o.observedPersonId, o.observerPersonId, o.coObserverPersonId].filter((id): id is string => !!id && id !== personId).map(name),
      typeName: observed ? null : o.typeName,
      activity: null,
      status: o.status,
      link: own && (!observed || o.status === 'published') ? `/observations/${o.id}` : null,
    };
    if (o.scheduledAt && o.scheduledAt >= start && o.scheduledAt < end) {
      events.push({
        id: `observation-${o.id}`,
        kind: 'observation',
        startsAt: o.scheduledAt.toISOString(),
        endsAt: plus(o.scheduledAt, o.durationMinutes).toISOString(),
        ...base,
      });
    }
    if (o.feedbackMeetingAt && o.feedbackMeetingAt >= start && o.feedbackMeetingAt < end) {
      events.push({
        id: `feedback-${o.id}`,
        kind: 'feedback_meeting',
        startsAt: o.feedbackMeetingAt.toISOString(),
        endsAt: plus(o.feedbackMeetingAt, null).toISOString(),
        ...base,
        typeName: null,
      });
    }
  }

  for (const l of logRows) {
    const coach = l.coachPersonId === personId;
    const others = attendees.filter((a) => a.logId === l.id && a.personId !== personId).map((a) => name(a.personId));
    events.push({
      id: `coaching-${l.id}`,
      kind: 'coaching_session',
      role: coach ? 'coach' : 'attendee',
      startsAt: l.startsAt.toISOString(),
      endsAt: plus(l.startsAt, l.durationMinutes).toISOString(),
      with: coach ? others : [name(l.coachPersonId), ...others],
      typeName: null,
      activity: l.activity as CalendarEvent['activity'],
      status: l.status,
      link: own ? (l.cycleId ? `/coaching/cycles/${l.cycleId}` : '/coaching') : null,
    });
  }
  return events.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
}

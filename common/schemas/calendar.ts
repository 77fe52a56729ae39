import { z } from 'zod';
import { COACHING_ACTIVITIES } from '../coaching.ts';
import { IsoDate } from './common.ts';
import { NonSchoolDay } from './settings.ts';

/** A person's calendar (scheduled observations, feedback meetings, coaching sessions) and its iCal feed: the API contract. */

export const CALENDAR_EVENT_KINDS = ['observation', 'feedback_meeting', 'coaching_session'] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

/** The longest range one calendar request may ask for, in days. */
export const CALENDAR_MAX_DAYS = 100;

/**
 * What the calendar's person is in the event: `observer` (or co-observer) and `observed` for
 * observations and feedback meetings, `coach` and `attendee` for coaching sessions.
 */
export const CALENDAR_ROLES = ['observer', 'observed', 'coach', 'attendee'] as const;

export const CalendarQuery = z.object({
  /** Whose calendar; the caller's own when left out. */
  personId: z.uuid().optional(),
  from: IsoDate,
  to: IsoDate,
});

export const CalendarEvent = z.object({
  /** Stable across requests (also the iCal UID). */
  id: z.string(),
  kind: z.enum(CALENDAR_EVENT_KINDS),
  role: z.enum(CALENDAR_ROLES),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** The other people in the event, by name. */
  with: z.array(z.string()),
  /** Observations seen by the observer: the type's name; otherwise null (no content for the observed). */
  typeName: z.string().nullable(),
  /** Coaching sessions: the activity (never the notes). */
  activity: z.enum(COACHING_ACTIVITIES).nullable(),
  /** held / scheduled for sessions; draft / published for observations. */
  status: z.string(),
  /** Where the event opens in the app, when the calendar's person may open it. */
  link: z.string().nullable(),
});
export type CalendarEvent = z.infer<typeof CalendarEvent>;

export const Calendar = z.object({
  person: z.object({ id: z.uuid(), name: z.string() }),
  from: IsoDate,
  to: IsoDate,
  /** The district's time zone: days and times are shown in it. */
  timeZone: z.string(),
  events: z.array(CalendarEvent),
  /** The district's non-school days in the range (holidays, breaks, staff days), by day. */
  nonSchoolDays: z.array(NonSchoolDay),
  abilities: z.object({ viewOthers: z.boolean() }),
});
export type Calendar = z.infer<typeof Calendar>;

export const CalendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }).nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

/** The feed URL, returned once when created or rotated (only its hash is kept). */
export const CreatedCalendarFeed = z.object({
  url: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;

export const CalendarFeedParams = z.object({ file: z.string().max(100) });

/** Month arithmetic and time-zone-aware formatting for the calendar page (no date library). */
import type { TFunction } from 'i18next';
import type { CalendarEvent } from '../../../common/schemas/calendar.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM' of a date (local). */
export const monthOf = (day: string) => day.slice(0, 7);

export const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** The month `n` months after `month`. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** First and last day of a month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}

/** The weeks of a month as rows of seven ISO days (null outside the month), starting on `weekStart` (0 Sunday, 1 Monday). */
export function monthWeeks(month: string, weekStart: 0 | 1): (string | null)[][] {
  const { to } = monthRange(month);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const firstWeekday = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const lead = (firstWeekday - weekStart + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= Number(to.slice(8)); d++) cells.push(`${month}-${pad(d)}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The ISO day an instant falls on in a time zone. */
export function dayIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** Events grouped by their day in the district's time zone. */
export function byDay(events: CalendarEvent[], timeZone: string): Map<string, CalendarEvent[]> {
  const days = new Map<string, CalendarEvent[]>();
  for (const event of events) {
    const day = dayIn(event.startsAt, timeZone);
    days.set(day, [...(days.get(day) ?? []), event]);
  }
  return days;
}

const at = (day: string) => new Date(`${day}T12:00:00Z`);

export const formatMonth = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at(`${month}-01`));

export const formatDay = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(at(day));

export const formatTime = (instant: string, timeZone: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(instant));

/** Weekday names (short and long) from `weekStart`. */
export function weekdayNames(locale: string, weekStart: 0 | 1): { short: string; long: string }[] {
  // 2026-11-01 is a Sunday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = at(`2026-11-${pad(1 + ((i + weekStart) % 7))}`);
    return {
      short: new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(day),
      long: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(day),
    };
  });
}

/** The event's title in the reader's language (the same words as the iCal feed). */
export function eventTitle(t: TFunction<'calendar'>, event: CalendarEvent): string {
  const values = { with: event.with.join(', '), type: event.typeName ?? '', activity: event.activity ? t(`activity.${event.activity}`) : '' };
  if (event.kind === 'observation') return event.role === 'observed' ? t('calendar:event.observation_observed', values) : t('calendar:event.observation_observer', values);
  if (event.kind === 'feedback_meeting') return t('calendar:event.feedback_meeting', values);
  return t('calendar:event.coaching_session', values);
}

export const KIND_COLORS = { observation: 'blue', feedback_meeting: 'grape', coaching_session: 'teal' } as const;

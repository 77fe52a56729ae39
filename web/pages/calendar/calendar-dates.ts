/** Month arithmetic for the calendar page; days and times are shown through web/app/format.ts. */
import type { TFunction } from 'i18next';
import type { CalendarEvent } from '../../../common/schemas/calendar.ts';
import { dayOf } from '../../app/format.ts';

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

/** Events grouped by their day in the district's time zone. */
export function byDay(events: CalendarEvent[]): Map<string, CalendarEvent[]> {
  const days = new Map<string, CalendarEvent[]>();
  for (const event of events) {
    const day = dayOf(event.startsAt);
    days.set(day, [...(days.get(day) ?? []), event]);
  }
  return days;
}

/** The event's title in the reader's language (the same words as the iCal feed). */
export function eventTitle(t: TFunction<'calendar'>, event: CalendarEvent): string {
  const values = {
    with: event.with.join(', '),
    type: event.typeName ?? '',
    activity: event.activity ? t(`activity.${event.activity}`) : '',
  };
  if (event.kind === 'observation')
    return event.role === 'observed' ? t('calendar:event.observation_observed', values) : t('calendar:event.observation_observer', values);
  if (event.kind === 'feedback_meeting') return t('calendar:event.feedback_meeting', values);
  return t('calendar:event.coaching_session', values);
}

export const KIND_COLORS = { observation: 'blue', feedback_meeting: 'grape', coaching_session: 'teal' } as const;

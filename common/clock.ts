/**
 * One clock: every date and time a person reads is shown in the district's time zone, in the
 * reader's language, with a short zone label ("5:00 PM CST") when the reader's own zone differs.
 * Zone arithmetic (wall time <-> instant, days) goes through dayjs and its utc/timezone plugins;
 * display goes through Intl (the locale's own words and order). Used by the web app
 * (web/app/format.ts binds it to the session's district and language) and by the server for
 * e-mail, notifications and the iCalendar feed.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };

/** How a moment is shown: in `timeZone`, for `locale` ('en' / 'es'), labelled with the zone or not. */
export interface ClockOptions {
  timeZone: string;
  locale: string;
  /** Add the zone's short name ("CST", "GMT-6"): the reader's zone differs, or is not known (e-mail). */
  label: boolean;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A wall time without a zone: "2026-11-24T15:30", "2026-11-24 15:30" (seconds allowed). */
const WALL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/;

export const isIsoDay = (value: string) => ISO_DAY.test(value);
export const isWallTime = (value: string) => WALL_TIME.test(value);

/** The canonical name of a zone ("US/Central" -> "America/Chicago"); throws on an unknown zone. */
export function canonicalZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

/** Whether a reader in `readerZone` needs the zone label on times shown in `timeZone`. */
export function zonesDiffer(timeZone: string, readerZone: string | null | undefined): boolean {
  if (!readerZone) return true;
  try {
    return canonicalZone(timeZone) !== canonicalZone(readerZone);
  } catch {
    return true;
  }
}

// ---- zone arithmetic (dayjs) ----

/** The instant a wall-clock time happens in `timeZone` (ISO day + hours/minutes). */
export function zonedInstant(timeZone: string, day: string, hours = 0, minutes = 0): Date {
  const pad = (n: number) => String(n).padStart(2, '0');
  return dayjs.tz(`${day} ${pad(hours)}:${pad(minutes)}`, timeZone).toDate();
}

/** The instant of a wall time ("2026-11-24T15:30", a `datetime-local` value) in `timeZone`. */
export function fromWallTime(value: string, timeZone: string): Date {
  if (!isWallTime(value)) throw new RangeError(`Not a wall time: ${value}`);
  return dayjs.tz(value.replace('T', ' '), timeZone).toDate();
}

/** An instant as a wall time in `timeZone`, to the minute: "2026-11-24T15:30" (a `datetime-local` value). */
export function toWallTime(instant: Date | string, timeZone: string): string {
  return dayjs(instant).tz(timeZone).format('YYYY-MM-DDTHH:mm');
}

/** The ISO day an instant falls on in `timeZone`. */
export function dayIn(instant: Date | string, timeZone: string): string {
  return dayjs(instant).tz(timeZone).format('YYYY-MM-DD');
}

/** Today in `timeZone`, as an ISO day. */
export const todayIn = (timeZone: string, now: Date = new Date()) => dayIn(now, timeZone);

/** ISO day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD');
}

/** ISO day `months` calendar months after `day` (the month's last day when shorter). */
export function addMonths(day: string, months: number): string {
  return dayjs.utc(day).add(months, 'month').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (ISO days). */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

// ---- display (Intl, cached: building a formatter loads zone and locale data) ----

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** A calendar day ('2026-01-31') as a Date at noon UTC, to be shown with timeZone 'UTC'. */
const dayAsDate = (day: string) => new Date(`${day}T12:00:00Z`);

/** A value the formatters take: an ISO instant, a Date, or a wall time read in the district's zone. */
function instantOf(value: string | Date, timeZone: string): Date {
  if (value instanceof Date) return value;
  return isWallTime(value) ? fromWallTime(value, timeZone) : new Date(value);
}

function zoned(o: ClockOptions, fields: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  return { ...fields, timeZone: o.timeZone, ...(o.label ? { timeZoneName: 'short' as const } : {}) };
}

/** Date and time, e.g. "Nov 24, 2026, 5:00 PM" / "24 nov 2026, 17:00", labelled "… CST" when asked. */
export function formatDateTimeIn(value: string | Date, o: ClockOptions): string {
  return formatter(o.locale, zoned(o, { ...DATE, ...TIME })).format(instantOf(value, o.timeZone));
}

/** Time of day, e.g. "5:00 PM" / "17:00", labelled when asked. */
export function formatTimeIn(value: string | Date, o: ClockOptions): string {
  return formatter(o.locale, zoned(o, TIME)).format(instantOf(value, o.timeZone));
}

/**
 * A day, e.g. "Nov 24, 2026" / "24 nov 2026". A bare ISO day is a calendar day and never shifts;
 * an instant is shown as the day it falls on in the district's zone (never labelled: a day is the
 * district's day).
 */
export function formatDateIn(
  value: string | Date,
  o: Pick<ClockOptions, 'timeZone' | 'locale'>,
  style: Intl.DateTimeFormatOptions = DATE,
): string {
  if (typeof value === 'string' && isIsoDay(value)) return formatter(o.locale, { ...style, timeZone: 'UTC' }).format(dayAsDate(value));
  return formatter(o.locale, { ...style, timeZone: o.timeZone }).format(instantOf(value, o.timeZone));
}

/** The zone's short name at an instant ("CST", "GMT-6"). */
export function zoneName(instant: string | Date, timeZone: string, locale: string): string {
  const parts = formatter(locale, { timeZone, timeZoneName: 'short' }).formatToParts(instantOf(instant, timeZone));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * A notification parameter as words for a reader whose zone is unknown (e-mail): an ISO day as a
 * date, an instant or a district wall time as date and time with the zone's name; anything else as
 * it is.
 */
export function formatParamIn(value: string | number, o: Pick<ClockOptions, 'timeZone' | 'locale'>): string | number {
  if (typeof value !== 'string') return value;
  if (isIsoDay(value)) return formatDateIn(value, o);
  if (isWallTime(value) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value))
    return formatDateTimeIn(value, { ...o, label: true });
  return value;
}

/**
 * Every date, time and number a person reads in the web app, through one clock (common/clock.ts):
 * times in the district's time zone (set from the session), words in the UI language, and the zone's
 * short name after a time when the browser's own zone differs ("5:00 PM CST"). Date-time inputs are
 * read and filled as district wall time with `toZoneInput` / `fromZoneInput`.
 */
import {
  addDays,
  addMonths,
  canonicalZone,
  dayIn,
  formatDateIn,
  formatDateTimeIn,
  formatTimeIn,
  fromWallTime,
  isIsoDay,
  isWallTime,
  toWallTime,
  zoneName,
  zonedInstant,
  zonesDiffer,
  type ClockOptions,
} from '../../common/clock.ts';
// The app's i18next instance (set up by ./i18n.ts); read for the UI language only.
import i18n from 'i18next';

/** The browser's own zone (tests set it through Playwright's `timezoneId`). */
const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

let districtZone: string | null = null;

/** The district's zone, from the session; until there is one (signed out), the browser's. */
export function setDistrictTimeZone(timeZone: string | null | undefined): void {
  try {
    districtZone = timeZone ? canonicalZone(timeZone) : null;
  } catch {
    districtZone = null;
  }
}

/** The zone every time is shown in. */
export const shownZone = (): string => districtZone ?? browserZone();

/** Whether the reader's browser runs in another zone than the one times are shown in (times are labelled then). */
export const readerZoneDiffers = (): boolean => zonesDiffer(shownZone(), browserZone());

/** The locale for `Intl` formatters: the UI language. */
function locale(): string {
  return i18n.language || 'en';
}

const clock = (): ClockOptions => ({ timeZone: shownZone(), locale: locale(), label: readerZoneDiffers() });

/** A calendar date ('2026-01-31', never shifted) or the district day of an instant, e.g. "Jan 31, 2026" / "31 ene 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  return formatDateIn(value, clock());
}

/** A moment with date and time, e.g. "Jan 31, 2026, 9:05 AM" (+ " CST" when the reader's zone differs). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  return formatDateTimeIn(value, clock());
}

/** A time of day, e.g. "9:05 AM" / "9:05" (+ the zone's name when the reader's zone differs). */
export function formatTime(value: string): string {
  return formatTimeIn(value, clock());
}

/** A calendar day with its weekday, e.g. "Tuesday, November 24" / "martes, 24 de noviembre". */
export function formatWeekday(day: string): string {
  return formatDateIn(day, clock(), { weekday: 'long', month: 'long', day: 'numeric' });
}

/** A month, e.g. "November 2026" ('2026-11'); `short`: "Nov 2026". */
export function formatMonth(month: string, width: 'long' | 'short' = 'long'): string {
  return formatDateIn(`${month}-01`, clock(), { month: width, year: 'numeric' });
}

/** The names of the seven weekdays (short and long), starting on `weekStart` (0 Sunday, 1 Monday). */
export function weekdayNames(weekStart: 0 | 1, short: 'short' | 'narrow' = 'short'): { short: string; long: string }[] {
  // 2026-11-01 is a Sunday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = addDays('2026-11-01', (i + weekStart) % 7);
    return { short: formatDateIn(day, clock(), { weekday: short }), long: formatDateIn(day, clock(), { weekday: 'long' }) };
  });
}

/** "Times in America/Chicago (CST)" words for a page footer or an input, or '' when the reader's zone is the district's. */
export function zoneNote(): string {
  if (!readerZoneDiffers()) return '';
  return `${shownZone()} (${zoneName(new Date(), shownZone(), locale())})`;
}

/** The zone's name, e.g. "America/Chicago" (always, for a calendar page that says where its days are). */
export const zoneId = (): string => shownZone();

/** The district day an instant falls on (ISO). */
export const dayOf = (instant: string): string => dayIn(instant, shownZone());

/** A count or amount with the locale's digit grouping, e.g. "1,234" / "1234". */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** A file's size in 1024-based units, e.g. "595 bytes" / "532 kB" / "1.4 MB" / "1,4 MB" (a 25 MB limit reads "25 MB"). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return new Intl.NumberFormat(locale(), { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(
    value,
  );
}

export { addDays, addMonths };

/** Today in the district (ISO day; the value of an `<input type="date">`). */
export function todayIso(): string {
  return dayIn(new Date(), shownZone());
}

/** The instant a district day starts (`endOfDay`: its last millisecond), as ISO; undefined for no day. */
export function dayBoundary(day: string, endOfDay = false): string | undefined {
  if (!isIsoDay(day)) return undefined;
  const start = zonedInstant(shownZone(), endOfDay ? addDays(day, 1) : day);
  return new Date(start.getTime() - (endOfDay ? 1 : 0)).toISOString();
}

/** An instant as the value of an `<input type="datetime-local">`, in district wall time ('' for none). */
export function toZoneInput(instant: string | Date | null | undefined): string {
  return instant ? toWallTime(instant, shownZone()) : '';
}

/** A `datetime-local` value read as district wall time, as an ISO instant; null when empty or unreadable. */
export function fromZoneInput(value: string): string | null {
  if (!value || !isWallTime(value)) return null;
  return fromWallTime(value, shownZone()).toISOString();
}

/** The hint under a date-time input ("Time in America/Chicago (CST)") when the reader's zone differs, else undefined. */
export function inputZoneHint(): string | undefined {
  const note = zoneNote();
  return note ? i18n.t('app:common.inputZone', { zone: note }) : undefined;
}

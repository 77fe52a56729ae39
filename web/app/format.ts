import i18n from './i18n.ts';

/** The locale for `Intl` formatters: the UI language. */
function locale(): string {
  return i18n.language || 'en';
}

/** A calendar date ('2026-01-31' or an ISO timestamp) for reading, e.g. "Jan 31, 2026" / "31 ene 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // A bare date has no time zone: build it in local time so it does not shift a day.
  const date = dateOnly ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])) : new Date(value);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(date);
}

/**
 * A moment in time with date and time, e.g. "Jan 31, 2026, 9:05 AM"; in `timeZone` (e.g. the
 * district's, so every admin reads the same clock) when given, else the browser's.
 */
export function formatDateTime(value: string | null | undefined, timeZone?: string): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value));
}

/** A count or amount with the locale's digit grouping, e.g. "1,234" / "1234". */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** Today as 'YYYY-MM-DD' in local time (the value of an `<input type="date">`). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

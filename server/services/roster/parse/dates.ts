import type { Issues } from './types.ts';

export type DateReading = { ok: true; date: string; assumed: boolean } | { ok: false; reason: 'ambiguous' | 'invalid' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function calendarDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Reads a date cell. ISO dates and datetimes are taken as written (the date part, no time zone
 * shift: a role that begins on the 1st begins on the 1st everywhere). `d/m/yyyy` and `m/d/yyyy`
 * are both common in district exports, so they are read only when one part cannot be a month;
 * `assumed` says the value was not ISO.
 */
export function readDate(value: string): DateReading {
  const v = value.trim();
  let m = ISO.exec(v);
  if (m) {
    const date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { ok: true, date, assumed: false } : { ok: false, reason: 'invalid' };
  }
  m = YEAR_FIRST.exec(v);
  if (m) {
    const date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { ok: true, date, assumed: true } : { ok: false, reason: 'invalid' };
  }
  m = YEAR_LAST.exec(v);
  if (!m) return { ok: false, reason: 'invalid' };
  const a = Number(m[1]);
  const b = Number(m[2]);
  const year = Number(m[3]);
  // Equal parts read the same either way; two month-sized parts could be either order.
  if (a <= 12 && b <= 12 && a !== b) return { ok: false, reason: 'ambiguous' };
  const [day, month] = a > 12 || a === b ? [a, b] : [b, a];
  const date = calendarDate(year, month, day);
  return date ? { ok: true, date, assumed: true } : { ok: false, reason: 'invalid' };
}

/**
 * Reads an optional date cell and reports what a person must check: `date_format_assumed`
 * (warning), `ambiguous_date` or `invalid_date` (errors, the value is dropped). Empty -> null.
 */
export function dateCell(value: string, field: string, file: string, line: number, issues: Issues): string | null {
  if (value.trim() === '') return null;
  const reading = readDate(value);
  if (reading.ok) {
    if (reading.assumed) issues.warn(file, line, 'date_format_assumed', { value: clip(value), date: reading.date }, field);
    return reading.date;
  }
  issues.error(file, line, reading.reason === 'ambiguous' ? 'ambiguous_date' : 'invalid_date', { value: clip(value) }, field);
  return null;
}

/** Keeps cell values quoted in issues short: a shifted row can put a whole paragraph in a date. */
export function clip(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

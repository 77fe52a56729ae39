/**
 * The demo district's school calendar, computed from the seed date so the demo always looks
 * current: the school year containing today (it starts the second week of August), three terms that
 * cover every day (fall semester through winter break, spring, summer session), and the usual US
 * holidays, breaks and staff days as non-school weekdays.
 */
import { addSchoolDays, isSchoolDay } from '../../common/school-days.ts';
import type { NonSchoolDayKind } from '../../common/observation.ts';

export interface DemoTerm {
  name: string;
  schoolYear: string;
  startsOn: string;
  endsOn: string;
}
export interface DemoNonSchoolDay {
  day: string;
  kind: NonSchoolDayKind;
  label: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
export const plusDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};
/** The n-th (1-based) given weekday (0 Sunday) of a month; n = -1 for the last. */
function nthWeekday(y: number, m: number, weekday: number, n: number): string {
  if (n < 0) {
    const last = utc(y, m + 1, 0);
    last.setUTCDate(last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7));
    return iso(last);
  }
  const first = utc(y, m, 1);
  first.setUTCDate(1 + ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7);
  return iso(first);
}
/** The first given weekday on or after a date. */
function onOrAfter(day: string, weekday: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + ((weekday - d.getUTCDay() + 7) % 7));
  return iso(d);
}
/** The last given weekday on or before a date. */
function onOrBefore(day: string, weekday: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() - weekday + 7) % 7));
  return iso(d);
}
const weekdaysBetween = (from: string, to: string) => {
  const days: string[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) if (isSchoolDay(d, new Set())) days.push(d);
  return days;
};

const fallStart = (year: number) => onOrAfter(`${year}-08-10`, 1);

/** The school year containing `today` (ISO date), its terms and non-school days. */
export function demoSchoolCalendar(today: string) {
  const thisYear = Number(today.slice(0, 4));
  const y = today >= fallStart(thisYear) ? thisYear : thisYear - 1;
  const schoolYear = `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
  const fallEnds = onOrBefore(`${y + 1}-01-15`, 5);
  const springStarts = plusDays(fallEnds, 3);
  const springEnds = onOrBefore(`${y + 1}-06-05`, 5);
  const terms: DemoTerm[] = [
    { name: `Fall semester ${y}`, schoolYear, startsOn: fallStart(y), endsOn: fallEnds },
    { name: `Spring semester ${y + 1}`, schoolYear, startsOn: springStarts, endsOn: springEnds },
    { name: `Summer session ${y + 1}`, schoolYear, startsOn: plusDays(springEnds, 1), endsOn: plusDays(fallStart(y + 1), -1) },
  ];
  const thanksgiving = nthWeekday(y, 11, 4, 4);
  const springBreak = nthWeekday(y + 1, 3, 1, 3);
  const days: DemoNonSchoolDay[] = [
    { day: nthWeekday(y, 9, 1, 1), kind: 'holiday', label: 'Labor Day' },
    { day: nthWeekday(y, 10, 1, 2), kind: 'staff_day', label: 'Professional development day (no students)' },
    { day: `${y}-11-11`, kind: 'holiday', label: 'Veterans Day' },
    ...weekdaysBetween(plusDays(thanksgiving, -3), plusDays(thanksgiving, 1)).map((day) => ({
      day,
      kind: 'break' as const,
      label: 'Thanksgiving break',
    })),
    ...weekdaysBetween(`${y}-12-21`, `${y + 1}-01-02`).map((day) => ({ day, kind: 'break' as const, label: 'Winter break' })),
    { day: fallEnds, kind: 'staff_day', label: 'Teacher workday, end of semester (no students)' },
    { day: nthWeekday(y + 1, 1, 1, 3), kind: 'holiday', label: 'Martin Luther King Jr. Day' },
    { day: nthWeekday(y + 1, 2, 1, 3), kind: 'holiday', label: "Presidents' Day" },
    ...weekdaysBetween(springBreak, plusDays(springBreak, 4)).map((day) => ({ day, kind: 'break' as const, label: 'Spring break' })),
    { day: nthWeekday(y + 1, 5, 1, -1), kind: 'holiday', label: 'Memorial Day' },
  ];
  // One row per weekday (a holiday inside a break keeps the first label).
  const seen = new Set<string>();
  const nonSchoolDays = days.filter((d) => isSchoolDay(d.day, new Set()) && !seen.has(d.day) && seen.add(d.day));
  const closed = new Set(nonSchoolDays.map((d) => d.day));
  const term = terms.find((t) => t.startsOn <= today && today <= t.endsOn)!;
  return { schoolYear, terms, term, nonSchoolDays, closed };
}

/** School days from `from` to `to` inclusive. */
export function schoolDaysIn(from: string, to: string, closed: ReadonlySet<string>): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) if (isSchoolDay(d, closed)) days.push(d);
  return days;
}

export { addSchoolDays };

/**
 * School-day arithmetic over ISO dates ("2026-11-24"): weekends and the district's non-school days
 * (holidays, breaks, staff days) are not school days. Pure; used by the server for feedback due
 * dates and by the browser to show "2 school days left".
 */

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const isWeekendDay = (weekday: number) => weekday === 0 || weekday === 6;
const isWeekend = (day: string) => isWeekendDay(toUtc(day).getUTCDay());

export function isSchoolDay(day: string, nonSchoolDays: ReadonlySet<string>): boolean {
  return !isWeekend(day) && !nonSchoolDays.has(day);
}

/** The date `count` school days after `day` (the day itself not counted). */
export function addSchoolDays(day: string, count: number, nonSchoolDays: ReadonlySet<string>): string {
  const date = toUtc(day);
  let left = count;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isSchoolDay(toIso(date), nonSchoolDays)) left -= 1;
  }
  return toIso(date);
}

const DAY_MS = 86_400_000;

/**
 * School days after `from` up to and including `to` (0 when `to` is not after `from`). Counted
 * without walking the days (the tracker computes it for every row): the weekdays of the span by
 * arithmetic, less the non-school days that fall on a weekday inside it.
 */
export function schoolDaysBetween(from: string, to: string, nonSchoolDays: ReadonlySet<string>): number {
  const start = toUtc(from);
  const end = toUtc(to).getTime();
  if (!(end > start.getTime())) return 0;
  const span = Math.round((end - start.getTime()) / DAY_MS);
  let weekdays = Math.floor(span / 7) * 5;
  const startWeekday = start.getUTCDay();
  for (let i = 1; i <= span % 7; i++) {
    if (!isWeekendDay((startWeekday + i) % 7)) weekdays += 1;
  }
  for (const day of nonSchoolDays) {
    if (day > from && day <= to && !isWeekend(day)) weekdays -= 1;
  }
  return weekdays;
}

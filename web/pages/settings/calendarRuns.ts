import type { NonSchoolDay } from '../../../common/schemas/settings.ts';

/** True when every day strictly between two ISO dates falls on a weekend (or there is none). */
function onlyWeekendBetween(from: string, to: string): boolean {
  const date = new Date(`${from}T00:00:00Z`);
  for (;;) {
    date.setUTCDate(date.getUTCDate() + 1);
    const iso = date.toISOString().slice(0, 10);
    if (iso >= to) return true;
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) return false;
  }
}

/** Runs of days with the same label and kind (a break), in date order; a weekend inside a break does not split it. */
export function groupRuns(days: NonSchoolDay[]): NonSchoolDay[][] {
  const runs: NonSchoolDay[][] = [];
  for (const day of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.label === day.label && last.kind === day.kind && onlyWeekendBetween(last.day, day.day)) run.push(day);
    else runs.push([day]);
  }
  return runs;
}

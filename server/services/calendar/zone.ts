/** Day boundaries in a time zone, without a date library: Intl gives the offset at an instant. */

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Making a formatter is slow (time-zone data): one per zone, kept. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at `instant`, in minutes (e.g. -300 for New York in winter). */
export function offsetMinutes(timeZone: string, instant: Date): number {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a local wall-clock time happens in `timeZone` (ISO date + hours/minutes). */
export function zonedInstant(timeZone: string, day: string, hours = 0, minutes = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hours, minutes);
  let instant = new Date(wall - offsetMinutes(timeZone, new Date(wall)) * 60_000);
  // Second pass for days where the offset changes (daylight saving).
  instant = new Date(wall - offsetMinutes(timeZone, instant) * 60_000);
  return instant;
}

/** ISO date `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayIn,
  daysBetween,
  formatDateIn,
  formatDateTimeIn,
  formatParamIn,
  formatTimeIn,
  fromWallTime,
  toWallTime,
  zonedInstant,
  zonesDiffer,
} from './clock.ts';

/** Intl puts narrow no-break spaces before "PM"; compare with plain spaces. */
const plain = (s: string | number) => String(s).replace(/\s/g, ' ');
const chicago = { timeZone: 'America/Chicago', label: false };

describe('zone arithmetic', () => {
  it('a wall time in the district is one instant, whatever zone the process runs in', () => {
    expect(zonedInstant('America/Chicago', '2026-11-24', 17).toISOString()).toBe('2026-11-24T23:00:00.000Z');
    expect(fromWallTime('2026-11-24T17:00', 'America/Chicago').toISOString()).toBe('2026-11-24T23:00:00.000Z');
    expect(toWallTime('2026-11-24T23:00:00.000Z', 'America/Chicago')).toBe('2026-11-24T17:00');
    // Late evening in Chicago is already the next day in UTC.
    expect(dayIn('2026-11-25T03:00:00Z', 'America/Chicago')).toBe('2026-11-24');
  });

  it('daylight saving: the offset changes on the right day, both ways, and wall times round-trip', () => {
    // Spring forward (Sunday March 8, 2026, 2:00 -> 3:00): CST before, CDT after.
    expect(fromWallTime('2026-03-08T01:30', 'America/Chicago').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(fromWallTime('2026-03-08T03:30', 'America/Chicago').toISOString()).toBe('2026-03-08T08:30:00.000Z');
    // A time that does not exist (2:30) moves forward past the gap, never back.
    expect(toWallTime(fromWallTime('2026-03-08T02:30', 'America/Chicago'), 'America/Chicago')).toBe('2026-03-08T03:30');
    // Fall back (Sunday November 1, 2026): the day has 25 hours.
    const midnight = zonedInstant('America/Chicago', '2026-11-01');
    const next = zonedInstant('America/Chicago', '2026-11-02');
    expect((next.getTime() - midnight.getTime()) / 3_600_000).toBe(25);
    // Each school hour of the week around both changes comes back as it went in.
    for (const day of ['2026-03-06', '2026-03-09', '2026-10-30', '2026-11-02']) {
      for (let hour = 7; hour <= 18; hour++) {
        const wall = `${day}T${String(hour).padStart(2, '0')}:15`;
        expect(toWallTime(fromWallTime(wall, 'America/Chicago'), 'America/Chicago')).toBe(wall);
        expect(toWallTime(fromWallTime(wall, 'Europe/Berlin'), 'Europe/Berlin')).toBe(wall);
      }
    }
  });

  it('day arithmetic on ISO days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-11-02', '2026-10-31')).toBe(-2);
  });
});

describe('display', () => {
  const instant = '2026-11-24T23:00:00Z';

  it('one instant reads the same clock in both languages, the district zone', () => {
    expect(plain(formatDateTimeIn(instant, { ...chicago, locale: 'en' }))).toBe('Nov 24, 2026, 5:00 PM');
    expect(plain(formatDateTimeIn(instant, { ...chicago, locale: 'es' }))).toBe('24 nov 2026, 17:00');
    expect(plain(formatTimeIn(instant, { ...chicago, locale: 'en' }))).toBe('5:00 PM');
    expect(plain(formatTimeIn(instant, { ...chicago, locale: 'es' }))).toBe('17:00');
  });

  it('the label names the zone, and its daylight-saving name after the change', () => {
    const en = { timeZone: 'America/Chicago', locale: 'en', label: true };
    expect(plain(formatTimeIn(instant, en))).toBe('5:00 PM CST');
    expect(plain(formatTimeIn('2026-03-08T07:30:00Z', en))).toBe('1:30 AM CST');
    expect(plain(formatTimeIn('2026-03-08T08:30:00Z', en))).toBe('3:30 AM CDT');
    expect(plain(formatDateTimeIn(instant, { ...en, locale: 'es' }))).toBe('24 nov 2026, 17:00 GMT-6');
  });

  it('labels only when the reader is elsewhere (zones compared by their canonical name)', () => {
    expect(zonesDiffer('America/Chicago', 'America/Chicago')).toBe(false);
    expect(zonesDiffer('America/Chicago', 'US/Central')).toBe(false);
    expect(zonesDiffer('America/Chicago', 'America/Los_Angeles')).toBe(true);
    // Same offset today, another zone: still labelled (they differ on other days).
    expect(zonesDiffer('America/Chicago', 'America/Mexico_City')).toBe(true);
    expect(zonesDiffer('America/Chicago', null)).toBe(true);
  });

  it('a calendar day never shifts; an instant shows the district day it falls on', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      expect(plain(formatDateIn('2026-01-31', { timeZone, locale: 'en' }))).toBe('Jan 31, 2026');
    }
    expect(plain(formatDateIn('2026-01-31', { timeZone: 'UTC', locale: 'es' }))).toBe('31 ene 2026');
    expect(plain(formatDateIn('2026-11-25T03:00:00Z', { timeZone: 'America/Chicago', locale: 'en' }))).toBe('Nov 24, 2026');
  });

  it('notification parameters: days, instants and district wall times become words; the rest stays', () => {
    const o = { timeZone: 'America/Chicago', locale: 'en' };
    expect(plain(formatParamIn('2026-11-20', o))).toBe('Nov 20, 2026');
    expect(plain(formatParamIn('2026-11-24T23:00:00.000Z', o))).toBe('Nov 24, 2026, 5:00 PM CST');
    // Stored before instants were: the district's wall time.
    expect(plain(formatParamIn('2026-11-24 17:00', { ...o, locale: 'es' }))).toBe('24 nov 2026, 17:00 GMT-6');
    expect(formatParamIn('Ana Ruiz', o)).toBe('Ana Ruiz');
    expect(formatParamIn(3, o)).toBe(3);
  });
});

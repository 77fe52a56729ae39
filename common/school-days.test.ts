import { describe, expect, it } from 'vitest';
import { addSchoolDays, isSchoolDay, schoolDaysBetween } from './school-days.ts';

const none = new Set<string>();
const thanksgiving = new Set(['2026-11-26', '2026-11-27']);
// Winter break: the weekdays Dec 21, 2026 - Jan 1, 2027.
const winterBreak = new Set([
  '2026-12-21',
  '2026-12-22',
  '2026-12-23',
  '2026-12-24',
  '2026-12-25',
  '2026-12-28',
  '2026-12-29',
  '2026-12-30',
  '2026-12-31',
  '2027-01-01',
]);

describe('isSchoolDay', () => {
  it('weekdays are school days; weekends and listed days are not', () => {
    expect(isSchoolDay('2026-11-23', none)).toBe(true); // Monday
    expect(isSchoolDay('2026-11-28', none)).toBe(false); // Saturday
    expect(isSchoolDay('2026-11-29', none)).toBe(false); // Sunday
    expect(isSchoolDay('2026-11-26', thanksgiving)).toBe(false);
  });
});

describe('addSchoolDays', () => {
  it('skips the weekend', () => {
    expect(addSchoolDays('2026-11-20', 1, none)).toBe('2026-11-23'); // Fri + 1 -> Mon
    expect(addSchoolDays('2026-11-21', 1, none)).toBe('2026-11-23'); // Sat + 1 -> Mon
    expect(addSchoolDays('2026-11-19', 2, none)).toBe('2026-11-23'); // Thu + 2 -> Mon
  });

  it('skips holidays', () => {
    expect(addSchoolDays('2026-11-25', 1, thanksgiving)).toBe('2026-11-30'); // Wed before Thanksgiving -> Mon
    expect(addSchoolDays('2026-11-24', 2, thanksgiving)).toBe('2026-11-30');
  });

  it('crosses a two-week break', () => {
    expect(addSchoolDays('2026-12-18', 1, winterBreak)).toBe('2027-01-04');
    expect(addSchoolDays('2026-12-17', 3, winterBreak)).toBe('2027-01-05');
  });

  it('zero days is the day itself, even on a weekend or holiday', () => {
    expect(addSchoolDays('2026-11-24', 0, none)).toBe('2026-11-24');
    expect(addSchoolDays('2026-11-28', 0, none)).toBe('2026-11-28');
    expect(addSchoolDays('2026-11-26', 0, thanksgiving)).toBe('2026-11-26');
  });

  it('crosses month and year ends and leap days', () => {
    expect(addSchoolDays('2028-02-28', 1, none)).toBe('2028-02-29');
    expect(addSchoolDays('2027-12-31', 1, none)).toBe('2028-01-03');
  });
});

describe('schoolDaysBetween', () => {
  it('counts the days after `from` up to and including `to`, skipping weekends', () => {
    expect(schoolDaysBetween('2026-11-20', '2026-11-23', none)).toBe(1); // Fri -> Mon
    expect(schoolDaysBetween('2026-11-16', '2026-11-30', none)).toBe(10);
  });

  it('skips holidays and breaks', () => {
    expect(schoolDaysBetween('2026-11-23', '2026-11-30', thanksgiving)).toBe(3); // Tue, Wed, Mon
    expect(schoolDaysBetween('2026-12-18', '2027-01-04', winterBreak)).toBe(1);
    expect(schoolDaysBetween('2026-12-21', '2027-01-01', winterBreak)).toBe(0);
  });

  it('is zero for the same day or a `to` before `from`', () => {
    expect(schoolDaysBetween('2026-11-23', '2026-11-23', none)).toBe(0);
    expect(schoolDaysBetween('2026-11-30', '2026-11-23', none)).toBe(0);
  });

  it('agrees with addSchoolDays', () => {
    for (const n of [1, 2, 5, 10, 20]) {
      const due = addSchoolDays('2026-12-16', n, winterBreak);
      expect(schoolDaysBetween('2026-12-16', due, winterBreak)).toBe(n);
    }
  });

  it('matches counting day by day for any span, with non-school days on weekends and outside the span', () => {
    // A holiday list that also names a Saturday and days far outside the spans tried.
    const listed = new Set([...thanksgiving, ...winterBreak, '2026-11-28', '2025-01-01', '2030-07-04', '2027-02-15']);
    const walk = (from: string, to: string) => {
      let count = 0;
      for (let d = addSchoolDays(from, 0, none); d < to;) {
        const next = new Date(`${d}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        d = next.toISOString().slice(0, 10);
        if (isSchoolDay(d, listed)) count += 1;
      }
      return count;
    };
    const day = (offset: number) => new Date(Date.UTC(2026, 8, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    for (let from = 0; from < 200; from += 3) {
      for (const length of [0, 1, 2, 5, 6, 7, 8, 13, 14, 30, 61, 120, 250]) {
        expect(schoolDaysBetween(day(from), day(from + length), listed), `${day(from)} -> ${day(from + length)}`).toBe(
          walk(day(from), day(from + length)),
        );
      }
    }
  });
});

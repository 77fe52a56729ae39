import { describe, expect, it } from 'vitest';
import { readDate } from './dates.ts';

describe('readDate', () => {
  it.each([
    ['2024-08-01', '2024-08-01'],
    ['2024-08-01T18:25:43.511Z', '2024-08-01'],
    ['2024-08-01T23:30:00-07:00', '2024-08-01'],
    ['2024-08-01 07:00', '2024-08-01'],
    ['2024-02-29', '2024-02-29'],
  ])('takes ISO %s as %s', (value, date) => {
    expect(readDate(value)).toEqual({ ok: true, date, assumed: false });
  });

  it.each([
    ['15/06/2023', '2023-06-15'],
    ['6/15/2023', '2023-06-15'],
    ['31.12.2024', '2024-12-31'],
    ['5/5/2023', '2023-05-05'],
    ['2023/6/15', '2023-06-15'],
  ])('reads the unambiguous non-ISO %s as %s, flagged as assumed', (value, date) => {
    expect(readDate(value)).toEqual({ ok: true, date, assumed: true });
  });

  it.each(['1/05/2023', '12/11/2024'])('refuses the ambiguous %s', (value) => {
    expect(readDate(value)).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it.each(['2023-02-29', '2023-13-01', '31/02/2023', '13/13/2023', 'next week', '2023', '45123', '1/5/23'])(
    'refuses the invalid %s',
    (value) => {
      expect(readDate(value)).toEqual({ ok: false, reason: 'invalid' });
    },
  );
});

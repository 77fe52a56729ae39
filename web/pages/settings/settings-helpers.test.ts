import { describe, expect, it } from 'vitest';
import type { FrameworkItem } from '../../../common/schemas/frameworks.ts';
import type { NonSchoolDay } from '../../../common/schemas/settings.ts';
import { groupRuns } from './calendarRuns.ts';
import { competencyOptions } from './competencyOptions.ts';

const day = (d: string, label: string, kind: NonSchoolDay['kind'] = 'break'): NonSchoolDay => ({ id: d, day: d, kind, label });

describe('groupRuns', () => {
  it('keeps a break across its weekend as one run and splits different labels, kinds and gaps', () => {
    const days = [
      day('2026-12-28', 'Winter break'),
      day('2026-12-21', 'Winter break'),
      day('2026-12-22', 'Winter break'),
      day('2026-12-25', 'Winter break'),
      day('2026-11-26', 'Thanksgiving', 'holiday'),
      day('2026-11-27', 'Thanksgiving', 'break'),
      day('2027-01-18', 'Winter break'),
    ];
    expect(groupRuns(days).map((run) => run.map((d) => d.day))).toEqual([
      ['2026-11-26'],
      ['2026-11-27'],
      ['2026-12-21', '2026-12-22'],
      ['2026-12-25', '2026-12-28'],
      ['2027-01-18'],
    ]);
    expect(groupRuns([])).toEqual([]);
  });
});

describe('competencyOptions', () => {
  const item = (id: string, parentId: string | null, position: number, humanCode: string | null, fullStatement: string, retired = false) =>
    ({ id, parentId, position, humanCode, fullStatement, abbreviatedStatement: null, retired }) as unknown as FrameworkItem;

  it('lists live items in tree order, indented by depth, with codes, long statements shortened, domains not choosable', () => {
    const options = competencyOptions([
      item('c2', 'd1', 1, '1b', 'Designs checks for understanding'),
      item('d1', null, 0, '1', 'Planning'),
      item('c1', 'd1', 0, '1a', 'x'.repeat(120)),
      item('old', 'd1', 2, '1c', 'Retired one', true),
      item('d2', null, 1, null, 'Environment'),
    ]);
    expect(options.map((o) => o.value)).toEqual(['d1', 'c1', 'c2', 'd2']);
    expect(options[0]).toEqual({ value: 'd1', label: '1 Planning', disabled: true });
    expect(options[3]!.disabled).toBeUndefined();
    expect(options[1]!.label.startsWith('\u00a0\u00a01a xxx')).toBe(true);
    expect(options[1]!.label.endsWith('…')).toBe(true);
    expect(options[3]!.label).toBe('Environment');
  });
});

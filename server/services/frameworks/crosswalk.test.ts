import { describe, expect, it } from 'vitest';
import { computeCrosswalk, crosswalkCounts, type CrosswalkItem } from './crosswalk.ts';

const item = (id: string, fullStatement: string, sourceItemIds: string[] = [], extra: Partial<CrosswalkItem> = {}): CrosswalkItem => ({
  id,
  fullStatement,
  sourceItemIds,
  retired: false,
  humanCode: null,
  itemType: 'competency',
  abbreviatedStatement: null,
  ...extra,
});

describe('crosswalk between two versions', () => {
  const v1 = [
    item('a', 'Plans lessons'),
    item('b', 'Checks for understanding'),
    item('c', 'Builds relationships'),
    item('d', 'Uses data'),
    item('e', 'Communicates'),
    item('f', 'Reflects'),
  ];

  it('names every kind of change item by item', () => {
    const v2 = [
      item('a2', 'Plans lessons', ['a']),
      item('b2', 'Checks for understanding often', ['b']),
      item('c2', 'Builds relationships with students', ['c']),
      item('c3', 'Builds relationships with families', ['c']),
      item('de', 'Uses data to communicate', ['d', 'e']),
      item('n', 'Leads colleagues'),
      item('f2', 'Reflects', ['f'], { retired: true }),
    ];
    const mappings = computeCrosswalk(v1, v2);
    const kindOf = (itemId: string | null, previousItemId: string | null) =>
      mappings.filter((m) => m.itemId === itemId && m.previousItemId === previousItemId).map((m) => m.kind);
    expect(kindOf('a2', 'a')).toEqual(['unchanged']);
    expect(kindOf('b2', 'b')).toEqual(['changed']);
    expect(kindOf('c2', 'c')).toEqual(['split']);
    expect(kindOf('c3', 'c')).toEqual(['split']);
    expect(kindOf('de', 'd')).toEqual(['merged']);
    expect(kindOf('de', 'e')).toEqual(['merged']);
    expect(kindOf('n', null)).toEqual(['new']);
    expect(kindOf(null, 'f')).toEqual(['retired']);
    expect(crosswalkCounts(mappings)).toEqual({ unchanged: 1, changed: 1, split: 2, merged: 1, new: 1, retired: 1 });
  });

  it('retires a previous item nothing comes from, and ignores sources outside the previous version', () => {
    const mappings = computeCrosswalk([item('a', 'A'), item('b', 'B')], [item('a2', 'A', ['a', 'elsewhere'])]);
    expect(mappings).toEqual([
      { kind: 'unchanged', itemId: 'a2', previousItemId: 'a' },
      { kind: 'retired', itemId: null, previousItemId: 'b' },
    ]);
  });

  it('counts a change of code or type as a change of meaning', () => {
    const [m] = computeCrosswalk([item('a', 'A', [], { humanCode: '1a' })], [item('a2', 'A', ['a'], { humanCode: '1b' })]);
    expect(m!.kind).toBe('changed');
  });
});

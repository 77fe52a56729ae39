import { describe, expect, it } from 'vitest';
import { stepOf, toInput, type ProtocolValues } from './protocol.ts';

const values = (extra: Partial<ProtocolValues> = {}): ProtocolValues => ({
  problem: 'Coaching reaches 40% of teachers',
  sourceKind: 'manual',
  sourceId: 'a7f3c2de-0000-4000-8000-000000000001',
  sourceRef: { administrationId: 'a7f3c2de-0000-4000-8000-000000000002' },
  rootCauses: ['No time in the timetable', '  ', ''],
  strategy: 'Protect two periods',
  ownerId: null,
  dueOn: '2027-01-15',
  measure: 'Share coached monthly',
  reviewOn: '2026-12-10',
  actionItemId: null,
  ...extra,
});

describe('the protocol form', () => {
  it('opens the step that holds the field the server refused', () => {
    expect(stepOf('source.id')).toBe(0);
    expect(stepOf('source.periodId')).toBe(0);
    expect(stepOf('rootCauses.2')).toBe(1);
    expect(stepOf('strategy')).toBe(2);
    expect(stepOf('ownerId')).toBe(3);
    expect(stepOf('actionItemId')).toBe(4);
  });

  it('sends no record for the team’s own words, and leaves blank root causes out', () => {
    const input = toInput(values());
    expect(input.source).toEqual({ kind: 'manual', id: null });
    expect(input.rootCauses).toEqual(['No time in the timetable']);
    expect(toInput(values({ sourceKind: 'pdsa_cycle' })).source).toEqual({
      kind: 'pdsa_cycle',
      id: 'a7f3c2de-0000-4000-8000-000000000001',
    });
  });

  it('sends the other ids a data source names with it', () => {
    expect(toInput(values({ sourceKind: 'assessment_item' })).source).toEqual({
      kind: 'assessment_item',
      id: 'a7f3c2de-0000-4000-8000-000000000001',
      administrationId: 'a7f3c2de-0000-4000-8000-000000000002',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { activePlanFor } from './activePlan.ts';

const person = (id: string) => ({ id, givenName: id, familyName: id, preferredName: null });
const plan = (id: string, memberIds: string[], extra: Partial<{ status: 'active' | 'closed'; startsOn: string; edit: boolean }> = {}) => ({
  id,
  status: extra.status ?? ('active' as const),
  startsOn: extra.startsOn ?? '2025-09-01',
  members: memberIds.map(person),
  abilities: { edit: extra.edit ?? true },
});

describe('the plan a new session preselects', () => {
  it('is the coachee’s active plan, the most recently started of several', () => {
    const plans = [
      plan('old', ['ana'], { startsOn: '2025-08-15' }),
      plan('new', ['ana'], { startsOn: '2025-10-01' }),
      plan('other', ['ben']),
    ];
    expect(activePlanFor(plans, ['ana'])).toBe('new');
    expect(activePlanFor(plans, ['ben'])).toBe('other');
  });

  it('leaves out closed plans, other coaches’ plans and plans without every attendee', () => {
    const plans = [
      plan('closed', ['ana'], { status: 'closed', startsOn: '2026-01-01' }),
      plan('theirs', ['ana'], { edit: false, startsOn: '2026-01-01' }),
      plan('solo', ['ana']),
    ];
    expect(activePlanFor(plans, ['ana'])).toBe('solo');
    expect(activePlanFor(plans, ['ana', 'ben'])).toBe('');
    expect(activePlanFor([...plans, plan('group', ['ana', 'ben', 'cy'])], ['ana', 'ben'])).toBe('group');
  });

  it('is empty with no attendee or no plan', () => {
    expect(activePlanFor([plan('solo', ['ana'])], [])).toBe('');
    expect(activePlanFor([], ['ana'])).toBe('');
  });
});

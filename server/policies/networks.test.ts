import { describe, expect, it } from 'vitest';
import { buildActor } from '../services/auth/actor.ts';
import { canReadPerson } from './people.ts';

const user = { id: 'u', personId: 'p', districtId: 'd', adminGrant: null };
const person = (id: string, unit: string) => ({ id, districtId: 'd', currentOrgUnitIds: [unit] });

describe('network scope', () => {
  it('an instructional superintendent leads every school of their network, and none of another', () => {
    const actor = buildActor(user, [{ role: 'instructional_superintendent', orgUnitId: 'north', networkSchoolIds: ['palm', 'oak'] }], []);
    expect(actor.access).toBe('school_leader');
    expect(actor.leaderOrgUnitIds.sort()).toEqual(['north', 'oak', 'palm']);
    expect(canReadPerson(actor, person('t1', 'palm'))).toBe(true);
    expect(canReadPerson(actor, person('t2', 'oak'))).toBe(true);
    expect(canReadPerson(actor, person('t3', 'pine'))).toBe(false);
  });

  it('a teacher whose school is in a network gains nothing from it', () => {
    const actor = buildActor(user, [{ role: 'teacher', orgUnitId: 'palm', networkSchoolIds: [] }], []);
    expect(actor.leaderOrgUnitIds).toEqual([]);
    expect(canReadPerson(actor, person('t1', 'palm'))).toBe(false);
  });
});

/** The drivers policy, table-driven over actors: a vendor guest may do nothing, even as a team member or owner. */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import { canEditDriverPlan, driverAbilities, type DriverFacts } from './drivers.ts';

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  personId: 'p',
  districtId: 'd',
  adminGrant: null,
  access: 'staff',
  leaderOrgUnitIds: [],
  coachOrgUnitIds: [],
  caseloadPersonIds: [],
  ...over,
});
const none: DriverFacts = { districtTeamMember: false, ownedDrivers: [] };
const all = { editPlans: true, manageTraining: true, recordAttendance: true, manageCoaching: true };
const nothing = { editPlans: false, manageTraining: false, recordAttendance: false, manageCoaching: false };

// prettier-ignore
const CASES: [string, Actor, DriverFacts, typeof all][] = [
  ['HR',               actor({ adminGrant: 'hr', access: 'hr' }), none, all],
  ['team member',      actor(), { districtTeamMember: true, ownedDrivers: [] }, all],
  ['training owner',   actor(), { districtTeamMember: false, ownedDrivers: ['training'] }, { ...nothing, manageTraining: true, recordAttendance: true }],
  ['coaching owner',   actor(), { districtTeamMember: false, ownedDrivers: ['coaching'] }, { ...nothing, manageCoaching: true }],
  ['school leader',    actor({ access: 'school_leader', leaderOrgUnitIds: ['s'] }), none, { ...nothing, recordAttendance: true }],
  ['teacher',          actor(), none, nothing],
  ['guest',            actor({ guestInitiativeId: 'i' }), none, nothing],
  ['guest on a team',  actor({ guestInitiativeId: 'i', adminGrant: 'hr' }), { districtTeamMember: true, ownedDrivers: ['training', 'coaching'] }, nothing],
];

describe('driver abilities', () => {
  for (const [name, a, facts, expected] of CASES) it(name, () => expect(driverAbilities(a, facts)).toEqual(expected));

  it('a plan’s owner edits it, a guest never', () => {
    expect(canEditDriverPlan(actor(), none, { ownerPersonId: 'p' })).toBe(true);
    expect(canEditDriverPlan(actor(), none, { ownerPersonId: 'q' })).toBe(false);
    expect(canEditDriverPlan(actor({ guestInitiativeId: 'i' }), none, { ownerPersonId: 'p' })).toBe(false);
  });
});

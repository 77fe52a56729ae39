/**
 * The implementation-team predicates, table-driven over actors: HR, an admin, a leader of the team's
 * school, a leader of another school, staff, and a vendor guest (an HR-looking account scoped to one
 * initiative), each x (read, edit a school team, edit a district team, manage members as
 * facilitator or not, write records as a member or not).
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import {
  canCreateAnyImplementationTeam,
  canEditImplementationRecords,
  canEditImplementationTeam,
  canManageImplementationMembers,
  canReadImplementationTeams,
} from './implementation-teams.ts';

const SCHOOL = 'school-a';
const actor = (over: Partial<Actor>): Actor => ({
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
const ACTORS = {
  hr: actor({ adminGrant: 'hr', access: 'hr' }),
  admin: actor({ adminGrant: 'district_admin', access: 'district_admin' }),
  leader: actor({ access: 'school_leader', leaderOrgUnitIds: [SCHOOL] }),
  otherLeader: actor({ access: 'school_leader', leaderOrgUnitIds: ['school-b'] }),
  staff: actor({}),
  guest: actor({ adminGrant: 'hr', access: 'hr', guestInitiativeId: 'initiative' }),
};
const schoolTeam = { kind: 'school', orgUnitId: SCHOOL, active: true };
const districtTeam = { kind: 'district', orgUnitId: 'district', active: true };

// prettier-ignore
const MATRIX: [keyof typeof ACTORS, boolean[]][] = [
  //             read   create editSchool editDistrict membersAsFacilitator membersOtherwise recordsAsMember recordsOtherwise
  ['hr',          [true,  true,  true,      true,        true,                true,            true,           false]],
  ['admin',       [true,  true,  true,      true,        true,                true,            true,           false]],
  ['leader',      [true,  true,  true,      false,       true,                true,            true,           false]],
  ['otherLeader', [true,  true,  false,     false,       true,                false,           true,           false]],
  ['staff',       [true,  false, false,     false,       true,                false,           true,           false]],
  ['guest',       [false, false, false,     false,       false,               false,           false,          false]],
];

describe('implementation team policy', () => {
  for (const [name, expected] of MATRIX) {
    it(name, () => {
      const a = ACTORS[name];
      expect([
        canReadImplementationTeams(a),
        canCreateAnyImplementationTeam(a),
        canEditImplementationTeam(a, schoolTeam),
        canEditImplementationTeam(a, districtTeam),
        canManageImplementationMembers(a, schoolTeam, true),
        canManageImplementationMembers(a, schoolTeam, false),
        canEditImplementationRecords(a, schoolTeam, true),
        canEditImplementationRecords(a, schoolTeam, false),
      ]).toEqual(expected);
    });
  }

  it('a retired team takes no more records', () => {
    expect(canEditImplementationRecords(ACTORS.staff, { active: false }, true)).toBe(false);
  });
});

/** Who acts for a unit's stage and PDSA cycles, table-driven, including a vendor guest (never). */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import { canActForUnit, canEditStageDefinitions, canReadImplementationWork, type TeamReach } from './implementation-stages.ts';

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
const none: TeamReach = { districtTeam: false, schoolIds: [] };
const school = { orgUnitId: 'A', isDistrict: false };
const district = { orgUnitId: 'D', isDistrict: true };

// prettier-ignore
const CASES: [string, Actor, TeamReach, { read: boolean; edit: boolean; school: boolean; district: boolean }][] = [
  ['hr',              actor({ adminGrant: 'hr', access: 'hr' }),                       none,                                  { read: true,  edit: true,  school: true,  district: true }],
  ['leader of A',     actor({ leaderOrgUnitIds: ['A'], access: 'school_leader' }),     none,                                  { read: true,  edit: false, school: true,  district: false }],
  ['leader of B',     actor({ leaderOrgUnitIds: ['B'], access: 'school_leader' }),     none,                                  { read: true,  edit: false, school: false, district: false }],
  ['A team member',   actor(),                                                         { districtTeam: false, schoolIds: ['A'] }, { read: true,  edit: false, school: true,  district: false }],
  ['district team',   actor(),                                                         { districtTeam: true, schoolIds: [] },   { read: true,  edit: false, school: true,  district: true }],
  ['staff',           actor(),                                                         none,                                  { read: true,  edit: false, school: false, district: false }],
  ['guest',           actor({ guestInitiativeId: 'i' }),                               none,                                  { read: false, edit: false, school: false, district: false }],
  ['guest with grant', actor({ guestInitiativeId: 'i', adminGrant: 'hr' }),            { districtTeam: true, schoolIds: ['A'] }, { read: false, edit: false, school: false, district: false }],
];

describe('implementation-stages policy', () => {
  it.each(CASES)('%s', (_name, a, reach, expected) => {
    expect({
      read: canReadImplementationWork(a),
      edit: canEditStageDefinitions(a),
      school: canActForUnit(a, school, reach),
      district: canActForUnit(a, district, reach),
    }).toEqual(expected);
  });
});

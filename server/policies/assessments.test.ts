/** Who builds, administers, scores, votes, reads and compares assessments, table-driven, including a vendor guest (never). */
import { describe, expect, it } from 'vitest';
import type { AdministrationRole } from '../../common/assessments.ts';
import type { Actor } from '../lib/actor.ts';
import {
  canAdministerForTeam,
  canBuildInstruments,
  canCompareSchools,
  canManageAdministration,
  canPlanFromAdministration,
  canReadAdministration,
  canRunVoting,
  canScore,
  canVote,
  type AdministrationAccess,
  type AssessmentReach,
} from './assessments.ts';

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
const none: AssessmentReach = { memberships: [] };
const facilitatorOfT: AssessmentReach = { memberships: [{ teamId: 'T', kind: 'school', orgUnitId: 'A', role: 'facilitator' }] };
const districtTeam: AssessmentReach = { memberships: [{ teamId: 'D', kind: 'district', orgUnitId: 'O', role: 'member' }] };
const team = { id: 'T', orgUnitId: 'A' };
const at = (myRole: AdministrationRole | null): AdministrationAccess => ({
  orgUnitId: 'A',
  teamId: 'T',
  soloPersonId: null,
  createdBy: 'x',
  myRole,
});
const off = { schoolLeadersCompareSchools: false };
const on = { schoolLeadersCompareSchools: true };

type Row = {
  build: boolean;
  administer: boolean;
  read: boolean;
  score: boolean;
  manage: boolean;
  compare: boolean;
  compareOn: boolean;
  plan: boolean;
};
// prettier-ignore
const CASES: [string, Actor, AssessmentReach, AdministrationRole | null, Row][] = [
  ['hr',                actor({ adminGrant: 'hr', access: 'hr' }), none,           null,            { build: true,  administer: true,  read: true,  score: false, manage: true,  compare: true,  compareOn: true,  plan: true  }],
  ['team facilitator',  actor(),                                   facilitatorOfT, 'facilitator',   { build: true,  administer: true,  read: true,  score: true,  manage: true,  compare: false, compareOn: false, plan: true  }],
  ['note taker',        actor(),                                   none,           'note_taker',    { build: false, administer: false, read: true,  score: true,  manage: false, compare: false, compareOn: false, plan: false }],
  ['voting member',     actor(),                                   none,           'voting_member', { build: false, administer: false, read: true,  score: false, manage: false, compare: false, compareOn: false, plan: false }],
  ['administrator',     actor({ leaderOrgUnitIds: ['A'] }),        none,           'administrator', { build: false, administer: true,  read: true,  score: false, manage: false, compare: false, compareOn: true,  plan: false }],
  ['leader of B',       actor({ leaderOrgUnitIds: ['B'] }),        none,           null,            { build: false, administer: false, read: false, score: false, manage: false, compare: false, compareOn: true,  plan: false }],
  ['district team',     actor(),                                   districtTeam,   null,            { build: false, administer: false, read: true,  score: false, manage: false, compare: true,  compareOn: true,  plan: false }],
  ['staff',             actor(),                                   none,           null,            { build: false, administer: false, read: false, score: false, manage: false, compare: false, compareOn: false, plan: false }],
  ['guest',             actor({ guestInitiativeId: 'i', adminGrant: 'hr' }), facilitatorOfT, 'facilitator', { build: false, administer: false, read: false, score: false, manage: false, compare: false, compareOn: false, plan: false }],
];

describe('assessments policy', () => {
  it.each(CASES)('%s', (_name, a, reach, role, expected) => {
    expect({
      build: canBuildInstruments(a, reach),
      administer: canAdministerForTeam(a, team, reach),
      read: canReadAdministration(a, at(role), reach),
      score: canScore(a, at(role)),
      manage: canManageAdministration(a, at(role), reach),
      compare: canCompareSchools(a, reach, off),
      compareOn: canCompareSchools(a, reach, on),
      plan: canPlanFromAdministration(a, at(role), reach),
    }).toEqual(expected);
  });

  it('voting members vote; whoever records the consensus runs the voting; a guest does neither', () => {
    const roles: (AdministrationRole | null)[] = ['facilitator', 'note_taker', 'voting_member', 'administrator', null];
    expect(roles.map((r) => canVote(actor(), at(r)))).toEqual([false, false, true, false, false]);
    expect(roles.map((r) => canRunVoting(actor(), at(r)))).toEqual([true, true, false, false, false]);
    const guest = actor({ guestInitiativeId: 'i' });
    expect([canVote(guest, at('voting_member')), canRunVoting(guest, at('facilitator'))]).toEqual([false, false]);
  });

  it('only the person scoring alone scores a solo administration', () => {
    const solo: AdministrationAccess = { orgUnitId: 'A', teamId: null, soloPersonId: 'p', createdBy: null, myRole: null };
    expect(canScore(actor(), solo)).toBe(true);
    expect(canScore(actor({ personId: 'q', adminGrant: 'hr' }), solo)).toBe(false);
  });

  it('a solo administration is planned from by the teams of its org unit, not by others', () => {
    const solo = { orgUnitId: 'A', teamId: null };
    expect(canPlanFromAdministration(actor(), solo, facilitatorOfT)).toBe(true);
    expect(canPlanFromAdministration(actor(), solo, districtTeam)).toBe(false);
    expect(canPlanFromAdministration(actor(), { orgUnitId: 'B', teamId: null }, facilitatorOfT)).toBe(false);
  });
});

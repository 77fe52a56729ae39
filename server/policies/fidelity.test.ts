/**
 * "Fidelity is not evaluation", role by role over the pure policy: each role x the initiative's
 * principals switch {on, off} x {individual, aggregate}, then one check's observer, and who may run a
 * check. The route tests (server/routes/fidelity*.test.ts) drive the same rules through HTTP.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import {
  canReadFidelityAggregate,
  canReadFidelityCheck,
  canReadPersonFidelity,
  canRunAnyFidelityCheck,
  canRunFidelityCheck,
  readsSmallFidelityGroups,
  type FidelityCheckerScope,
  type FidelitySubject,
} from './fidelity.ts';

const D = 'district-1';
const INITIATIVE = { id: 'initiative-1', districtId: D };
const SCHOOL_A = 'school-a';
const SCHOOL_B = 'school-b';
const TEACHER = 'teacher';

function actor(personId: string, fields: Partial<Actor> = {}): Actor {
  return {
    userId: `user-${personId}`,
    personId,
    districtId: D,
    adminGrant: null,
    access: 'staff',
    leaderOrgUnitIds: [],
    coachOrgUnitIds: [],
    caseloadPersonIds: [],
    ...fields,
  };
}

const PEOPLE = {
  teacher: actor(TEACHER),
  otherTeacher: actor('teacher-2'),
  caseloadCoach: actor('coach-1', { access: 'coach', coachOrgUnitIds: [SCHOOL_A], caseloadPersonIds: [TEACHER] }),
  initiativeCoach: actor('coach-2'),
  schoolCoach: actor('coach-3', { access: 'coach', coachOrgUnitIds: [SCHOOL_A], caseloadPersonIds: ['teacher-2'] }),
  principalA: actor('principal-a', { access: 'school_leader', leaderOrgUnitIds: [SCHOOL_A] }),
  principalB: actor('principal-b', { access: 'school_leader', leaderOrgUnitIds: [SCHOOL_B] }),
  schoolTeamMember: actor('team-school'),
  districtTeamMember: actor('team-district'),
  hr: actor('hr', { adminGrant: 'hr', access: 'hr' }),
  admin: actor('admin', { adminGrant: 'district_admin', access: 'district_admin' }),
  guest: actor('guest', { guestInitiativeId: INITIATIVE.id }),
  otherGuest: actor('guest-2', { guestInitiativeId: 'initiative-2' }),
  outsider: actor('admin-x', { districtId: 'district-2', adminGrant: 'district_admin', access: 'district_admin' }),
} satisfies Record<string, Actor>;
type Who = keyof typeof PEOPLE;

const subject = (on: boolean): FidelitySubject => ({
  districtId: D,
  personId: TEACHER,
  orgUnitIds: [SCHOOL_A],
  initiativeCoachIds: ['coach-2'],
  principalsSeeIndividualFidelity: on,
});

/** The school implementation team of school A has `team-school`; the district team has `team-district`. */
const scopeOf = (who: Who): FidelityCheckerScope => ({
  teamOrgUnitIds: who === 'schoolTeamMember' ? [SCHOOL_A] : who === 'districtTeamMember' ? ['district-unit'] : [],
  coachesOnInitiative: who === 'initiativeCoach',
});

// prettier-ignore
const MATRIX: [Who, { individual: [off: boolean, on: boolean]; aggregate: boolean }][] = [
  ['teacher',            { individual: [true, true],   aggregate: true }],
  ['otherTeacher',       { individual: [false, false], aggregate: true }],
  ['caseloadCoach',      { individual: [true, true],   aggregate: true }],
  ['initiativeCoach',    { individual: [true, true],   aggregate: true }],
  ['schoolCoach',        { individual: [false, false], aggregate: true }],
  ['principalA',         { individual: [false, true],  aggregate: true }],
  ['principalB',         { individual: [false, false], aggregate: true }],
  ['schoolTeamMember',   { individual: [false, false], aggregate: true }],
  ['districtTeamMember', { individual: [false, false], aggregate: true }],
  ['hr',                 { individual: [true, true],   aggregate: true }],
  ['admin',              { individual: [true, true],   aggregate: true }],
  ['guest',              { individual: [false, false], aggregate: true }],
  ['otherGuest',         { individual: [false, false], aggregate: false }],
  ['outsider',           { individual: [false, false], aggregate: false }],
];

describe('fidelity reading: role x principals switch x individual/aggregate', () => {
  for (const [who, expected] of MATRIX) {
    for (const [i, on] of [false, true].entries()) {
      it(`${who}, switch ${on ? 'on' : 'off'}: individual ${expected.individual[i]}, aggregate ${expected.aggregate}`, () => {
        const a = PEOPLE[who];
        expect(canReadPersonFidelity(a, subject(on))).toBe(expected.individual[i]);
        expect(canReadFidelityAggregate(a, INITIATIVE)).toBe(expected.aggregate);
        const published = { status: 'published', observerPersonId: 'someone', coObserverPersonId: null };
        expect(canReadFidelityCheck(a, published, subject(on))).toBe(expected.individual[i]);
      });
    }
  }
});

describe('one check', () => {
  it('its observer and co-observer read it, draft or published, whatever the switch', () => {
    for (const status of ['draft', 'published']) {
      const check = { status, observerPersonId: 'team-school', coObserverPersonId: 'principal-b' };
      expect(canReadFidelityCheck(PEOPLE.schoolTeamMember, check, subject(false))).toBe(true);
      expect(canReadFidelityCheck(PEOPLE.principalB, check, subject(false))).toBe(true);
    }
  });
  it('a draft is the observers’ only, even for the teacher and HR', () => {
    const draft = { status: 'draft', observerPersonId: 'team-school', coObserverPersonId: null };
    expect(canReadFidelityCheck(PEOPLE.teacher, draft, subject(true))).toBe(false);
    expect(canReadFidelityCheck(PEOPLE.hr, draft, subject(true))).toBe(false);
  });
  it('running a check of someone does not open their other checks', () => {
    expect(canReadPersonFidelity(PEOPLE.schoolTeamMember, subject(true))).toBe(false);
  });
});

// prettier-ignore
const RUN: [Who, boolean, boolean][] = [
  // who, may run a check of the teacher, may start checks at all
  ['teacher',            false, false],
  ['otherTeacher',       false, false],
  ['caseloadCoach',      true,  true],
  ['initiativeCoach',    true,  true],
  ['schoolCoach',        true,  true],
  ['principalA',         true,  true],
  ['principalB',         false, true],
  ['schoolTeamMember',   true,  true],
  ['districtTeamMember', false, true],
  ['hr',                 true,  true],
  ['admin',              true,  true],
  ['guest',              false, false],
  ['outsider',           false, true],
];

describe('who runs a fidelity check of the teacher', () => {
  for (const [who, runs, any] of RUN) {
    it(`${who}: ${runs ? 'may' : 'may not'}`, () => {
      expect(canRunFidelityCheck(PEOPLE[who], subject(false), scopeOf(who))).toBe(runs);
      expect(canRunAnyFidelityCheck(PEOPLE[who], scopeOf(who))).toBe(any);
    });
  }
  it('nobody checks themselves', () => {
    const self = { ...subject(false), personId: 'principal-a', orgUnitIds: [SCHOOL_A] };
    expect(canRunFidelityCheck(PEOPLE.principalA, self, scopeOf('principalA'))).toBe(false);
  });
});

// prettier-ignore
const SMALL: [Who, { schoolA: [off: boolean, on: boolean]; district: boolean }][] = [
  // who, reads school A's figures over fewer than FIDELITY_MIN_GROUP (switch off / on), district-wide ones
  ['teacher',            { schoolA: [false, false], district: false }],
  ['caseloadCoach',      { schoolA: [false, false], district: false }],
  ['schoolTeamMember',   { schoolA: [false, false], district: false }],
  ['principalA',         { schoolA: [false, true],  district: false }],
  ['principalB',         { schoolA: [false, false], district: false }],
  ['hr',                 { schoolA: [true, true],   district: true }],
  ['admin',              { schoolA: [true, true],   district: true }],
  ['guest',              { schoolA: [false, false], district: false }],
  ['outsider',           { schoolA: [false, false], district: false }],
];

describe('who reads fidelity figures over a small group', () => {
  for (const [who, { schoolA, district }] of SMALL) {
    it(`${who}: school A ${schoolA.join('/')}, district-wide ${district}`, () => {
      for (const [i, on] of [false, true].entries())
        expect(readsSmallFidelityGroups(PEOPLE[who], { districtId: D, principalsSeeIndividualFidelity: on }, SCHOOL_A)).toBe(schoolA[i]);
      expect(readsSmallFidelityGroups(PEOPLE[who], { districtId: D, principalsSeeIndividualFidelity: true })).toBe(district);
    });
  }
});

/**
 * "Coaching is not evaluation", role by role, over the pure policies: who reads an evaluation
 * record, a development observation, a draft, and how much of a coaching session each person sees.
 * The route tests of observations and coaching drive the same rules through HTTP.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import { coachingView, type CoachingAccessInput, type CoachingView } from './coaching.ts';
import { canObservePerson, canReadObservation, observationPurpose, type ObservationAccessRow } from './observations.ts';

const D = 'district-1';
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
  principalA: actor('principal-a', { access: 'school_leader', leaderOrgUnitIds: [SCHOOL_A] }),
  assistantPrincipalA: actor('ap-a', { access: 'school_leader', leaderOrgUnitIds: [SCHOOL_A] }),
  principalB: actor('principal-b', { access: 'school_leader', leaderOrgUnitIds: [SCHOOL_B] }),
  coach: actor('coach', { access: 'coach', coachOrgUnitIds: [SCHOOL_A], caseloadPersonIds: [TEACHER, 'teacher-2'] }),
  secondCoach: actor('coach-2', { access: 'coach', coachOrgUnitIds: [SCHOOL_A], caseloadPersonIds: [TEACHER] }),
  otherCoach: actor('coach-3', { access: 'coach', coachOrgUnitIds: [SCHOOL_A], caseloadPersonIds: ['teacher-2'] }),
  teacher: actor(TEACHER),
  otherTeacher: actor('teacher-2'),
  hr: actor('hr', { adminGrant: 'hr', access: 'hr' }),
  admin: actor('admin', { adminGrant: 'district_admin', access: 'district_admin' }),
  otherDistrictAdmin: actor('admin-x', { districtId: 'district-2', adminGrant: 'district_admin', access: 'district_admin' }),
} satisfies Record<string, Actor>;
type Who = keyof typeof PEOPLE;

const teacherPerson = { id: TEACHER, districtId: D, currentOrgUnitIds: [SCHOOL_A] };

function observation(fields: Partial<ObservationAccessRow>): ObservationAccessRow {
  return {
    districtId: D,
    observedPersonId: TEACHER,
    observerPersonId: 'principal-a',
    coObserverPersonId: null,
    orgUnitId: SCHOOL_A,
    status: 'published',
    purpose: 'evaluation',
    ...fields,
  };
}

describe('who may observe the teacher (outside scope: 404)', () => {
  const expected: Record<Who, boolean> = {
    principalA: true,
    assistantPrincipalA: true,
    principalB: false,
    coach: true,
    secondCoach: true,
    otherCoach: false,
    teacher: false,
    otherTeacher: false,
    hr: true,
    admin: true,
    otherDistrictAdmin: false,
  };
  for (const [who, allowed] of Object.entries(expected) as [Who, boolean][]) {
    it(`${who} -> ${allowed}`, () => expect(canObservePerson(PEOPLE[who], teacherPerson)).toBe(allowed));
  }
});

describe('purpose: a scored observation by a leader is an evaluation; a coach observes for development', () => {
  it('principal of the school, scored -> evaluation', () =>
    expect(observationPurpose(PEOPLE.principalA, 'scored', teacherPerson)).toBe('evaluation'));
  it('HR, scored -> evaluation', () => expect(observationPurpose(PEOPLE.hr, 'scored', teacherPerson)).toBe('evaluation'));
  it('coach, scored -> development', () => expect(observationPurpose(PEOPLE.coach, 'scored', teacherPerson)).toBe('development'));
  it('principal, walkthrough -> development', () =>
    expect(observationPurpose(PEOPLE.principalA, 'walkthrough', teacherPerson)).toBe('development'));
});

const READS: Record<string, { row: ObservationAccessRow; readers: Who[] }> = {
  'published evaluation by the principal': {
    row: observation({}),
    readers: ['principalA', 'assistantPrincipalA', 'teacher', 'hr', 'admin'],
  },
  'published development observation by the coach': {
    row: observation({ observerPersonId: 'coach', purpose: 'development' }),
    readers: ['principalA', 'assistantPrincipalA', 'coach', 'secondCoach', 'teacher', 'hr', 'admin'],
  },
  'draft evaluation with the coach as co-observer': {
    row: observation({ status: 'draft', coObserverPersonId: 'coach' }),
    readers: ['principalA', 'coach'],
  },
  'draft development observation': {
    row: observation({ status: 'draft', observerPersonId: 'coach', purpose: 'development' }),
    readers: ['coach'],
  },
};

for (const [name, { row, readers }] of Object.entries(READS)) {
  describe(`reading a ${name}`, () => {
    for (const who of Object.keys(PEOPLE) as Who[]) {
      const allowed = readers.includes(who);
      it(`${who} -> ${allowed ? 'reads it' : '404'}`, () => expect(canReadObservation(PEOPLE[who], row, [SCHOOL_A])).toBe(allowed));
    }
  });
}

describe('a coaching session: coach and coachees see everything, overseers that it happened, others nothing', () => {
  const session: CoachingAccessInput = {
    districtId: D,
    coachPersonId: 'coach',
    coacheeIds: [TEACHER, 'teacher-2'],
    coacheeOrgUnitIds: [SCHOOL_A],
    sharedByAll: false,
  };
  const expected: Record<Who, [CoachingView, CoachingView]> = {
    // [not shared, shared by every attendee]
    coach: ['full', 'full'],
    teacher: ['full', 'full'],
    otherTeacher: ['full', 'full'], // the other attendee of this group session
    principalA: ['summary', 'full'],
    assistantPrincipalA: ['summary', 'full'],
    principalB: ['none', 'none'],
    secondCoach: ['none', 'none'],
    otherCoach: ['none', 'none'],
    hr: ['summary', 'full'],
    admin: ['summary', 'full'],
    otherDistrictAdmin: ['none', 'none'],
  };
  for (const [who, [privateView, sharedView]] of Object.entries(expected) as [Who, [CoachingView, CoachingView]][]) {
    it(`${who}: ${privateView}, once shared ${sharedView}`, () => {
      expect(coachingView(PEOPLE[who], session)).toBe(privateView);
      expect(coachingView(PEOPLE[who], { ...session, sharedByAll: true })).toBe(sharedView);
    });
  }
});

import { expect } from 'vitest';
import type { Db } from '../db/client.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../test/factories.ts';
import { signIn, type Client, type TestContext } from '../test/harness.ts';

/** A district with two schools, a coach with two coachees, and every role around them. */
export async function coachingWorld(t: TestContext) {
  const db: Db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  const schoolA = (await buildOrgUnit(db, districtId)).id;
  const schoolB = (await buildOrgUnit(db, districtId)).id;
  const coacheeUser = await buildUser(db, districtId, 'staff', { orgUnitId: schoolA });
  const peerUser = await buildUser(db, districtId, 'staff', { orgUnitId: schoolA });
  const otherTeacherUser = await buildUser(db, districtId, 'staff', { orgUnitId: schoolA });
  const coachUser = await buildUser(db, districtId, 'coach', { orgUnitId: schoolA, caseload: [coacheeUser.person.id, peerUser.person.id] });
  const otherCoachUser = await buildUser(db, districtId, 'coach', { orgUnitId: schoolB, caseload: [otherTeacherUser.person.id] });
  const leaderUser = await buildUser(db, districtId, 'school_leader', { orgUnitId: schoolA });
  const otherLeaderUser = await buildUser(db, districtId, 'school_leader', { orgUnitId: schoolB });
  const hrUser = await buildUser(db, districtId, 'hr');
  const adminUser = await buildUser(db, districtId, 'district_admin');
  const outsiderUser = await buildUser(db, (await buildDistrict(db, 'Other')).id, 'district_admin');
  const as = async (u: { email: string }) => signIn(t.app, u.email);
  const clients = {
    coach: await as(coachUser),
    coachee: await as(coacheeUser),
    peer: await as(peerUser),
    otherTeacher: await as(otherTeacherUser),
    leader: await as(leaderUser),
    otherLeader: await as(otherLeaderUser),
    otherCoach: await as(otherCoachUser),
    hr: await as(hrUser),
    admin: await as(adminUser),
    outsider: await as(outsiderUser),
  };
  return {
    db,
    districtId,
    schoolA,
    schoolB,
    ids: {
      coach: coachUser.person.id,
      coachee: coacheeUser.person.id,
      peer: peerUser.person.id,
      otherTeacher: otherTeacherUser.person.id,
      leader: leaderUser.person.id,
    },
    ...clients,
  };
}
export type CoachingWorld = Awaited<ReturnType<typeof coachingWorld>>;

export const isoDaysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function postOk(client: Client, url: string, body: unknown, status = 201) {
  const res = await client.post(url, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

export const sessionBody = (attendeeIds: string[], extra: Record<string, unknown> = {}) => ({
  attendeeIds,
  status: 'held',
  startsAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
  durationMinutes: 45,
  activity: 'modeling',
  notes: 'Modeled turn-and-talk; students stayed on task.',
  nextSteps: 'Try it in period 3.',
  ...extra,
});

export const planBody = (memberIds: string[], extra: Record<string, unknown> = {}) => ({
  title: 'Checks for understanding',
  memberIds,
  focusComponents: ['Guided reading'],
  activities: ['modeling', 'feedback'],
  sessionMinutes: 45,
  phases: [
    { startsOn: isoDaysFromNow(-60), sessionsPerMonth: 4, criterion: null },
    { startsOn: isoDaysFromNow(30), sessionsPerMonth: 2, criterion: 'Once 2b is at Demonstrating' },
  ],
  startsOn: isoDaysFromNow(-60),
  endsOn: isoDaysFromNow(120),
  ...extra,
});

/**
 * Implementation team meetings: two members editing one meeting (the second gets 409 with the
 * current record), the data review snapshot (fidelity, observations, coaching, training of the team's
 * initiative and school over 90 days, nothing from elsewhere), decisions routed to drivers, and
 * action items (owner of the district, a decision of the same meeting, done and undone, the
 * initiative's open list).
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fidelityChecks,
  fidelityLatest,
  fidelityMonthly,
  implementationActionItems,
  observations,
  trainingAttendance,
  trainingSessions,
} from '../db/schema/index.ts';
import { buildImplementationTeamsWorld, meetingVersion, type ImplementationTeamsWorld } from '../test/fixtures/implementation-teams.ts';
import { buildCoachingLog, buildObservation, isoDay } from '../test/fixtures/tracker.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: ImplementationTeamsWorld;
let member: Client;
let facilitator: Client;
let hr: Client;
const teamUrl = () => `/api/implementation-teams/${w.schoolTeam.id}`;
const meetingUrl = () => `${teamUrl()}/meetings/${w.meeting.id}`;

/** A published fidelity check of `personId` (an observation of kind fidelity with its fidelity row). */
async function fidelityCheck(personId: string, orgUnitId: string, daysAgo: number, scorePct: number) {
  const db = t.database.db;
  const obs = await buildObservation(db, w.world, {
    teacherId: personId,
    observerId: w.coach.personId,
    orgUnitId,
    observedOn: isoDay(-daysAgo),
  });
  await db.update(observations).set({ kind: 'fidelity' }).where(eq(observations.id, obs.id));
  const [check] = await db
    .insert(fidelityChecks)
    .values({
      districtId: w.districtId,
      observationId: obs.id,
      initiativeId: w.initiative.id,
      rubricId: w.world.rubricId,
      personId,
      orgUnitId,
      checkedOn: isoDay(-daysAgo),
      scorePct,
      atFidelity: scorePct >= 80,
    })
    .returning();
  return check!;
}

async function seedData() {
  const db = t.database.db;
  const { districtId } = w;
  const initiativeId = w.initiative.id;
  const a = w.schoolA.id;
  const b = w.schoolB.id;
  // Fidelity: two checks at school A in the window, one long ago, one at school B.
  const memberCheck = await fidelityCheck(w.member.personId, a, 10, 85);
  const staffCheck = await fidelityCheck(w.staff.personId, a, 20, 60);
  await fidelityCheck(w.member.personId, a, 200, 40);
  const elsewhere = await fidelityCheck(w.leaderB.personId, b, 5, 90);
  await db.insert(fidelityLatest).values([
    {
      districtId,
      initiativeId,
      personId: w.member.personId,
      orgUnitId: a,
      checkId: memberCheck.id,
      checkedOn: memberCheck.checkedOn,
      scorePct: 85,
      atFidelity: true,
    },
    {
      districtId,
      initiativeId,
      personId: w.staff.personId,
      orgUnitId: a,
      checkId: staffCheck.id,
      checkedOn: staffCheck.checkedOn,
      scorePct: 60,
      atFidelity: false,
    },
    {
      districtId,
      initiativeId,
      personId: w.leaderB.personId,
      orgUnitId: b,
      checkId: elsewhere.id,
      checkedOn: elsewhere.checkedOn,
      scorePct: 90,
      atFidelity: true,
    },
  ]);
  const month = `${isoDay(0).slice(0, 7)}-01`;
  const [first, second] = w.world.competencies;
  await db.insert(fidelityMonthly).values([
    { districtId, initiativeId, orgUnitId: a, itemId: first!.id, month, checks: 2, sumPct: 150, present: 1 },
    { districtId, initiativeId, orgUnitId: b, itemId: second!.id, month, checks: 1, sumPct: 100, present: 1 },
  ]);
  // Observations: two published at A in the window count; a draft, one at B and an old one do not.
  for (const spec of [
    { teacherId: w.member.personId, orgUnitId: a },
    { teacherId: w.staff.personId, orgUnitId: a },
    { teacherId: w.staff.personId, orgUnitId: a, status: 'draft' as const },
    { teacherId: w.leaderB.personId, orgUnitId: b },
    { teacherId: w.staff.personId, orgUnitId: a, observedOn: isoDay(-120) },
  ])
    await buildObservation(db, w.world, { observerId: w.coach.personId, ...spec });
  // Coaching: one held session with two of school A's staff; a scheduled one and one at B do not count.
  await buildCoachingLog(db, districtId, w.coach.personId, [w.member.personId, w.staff.personId], 'held', -5);
  await buildCoachingLog(db, districtId, w.coach.personId, [w.member.personId], 'scheduled', 3);
  await buildCoachingLog(db, districtId, w.coach.personId, [w.leaderB.personId], 'held', -5);
  // Training: one session in the window (school A: one attended, one absent; B's attendee not counted), one long ago.
  const [recent, old] = await db
    .insert(trainingSessions)
    .values([
      { districtId, initiativeId, topic: 'Phonics routines', trainerName: 'R. Trainer', startsAt: new Date(Date.now() - 10 * 86_400_000) },
      { districtId, initiativeId, topic: 'Launch', trainerName: 'R. Trainer', startsAt: new Date(Date.now() - 200 * 86_400_000) },
    ])
    .returning();
  await db.insert(trainingAttendance).values([
    { districtId, sessionId: recent!.id, personId: w.member.personId, attended: true },
    { districtId, sessionId: recent!.id, personId: w.staff.personId, attended: false },
    { districtId, sessionId: recent!.id, personId: w.leaderB.personId, attended: true },
    { districtId, sessionId: old!.id, personId: w.member.personId, attended: true },
  ]);
}

beforeAll(async () => {
  w = await buildImplementationTeamsWorld(t.database.db);
  member = await signIn(t.app, w.member.email);
  facilitator = await signIn(t.app, w.facilitator.email);
  hr = await signIn(t.app, w.hr.email);
  await seedData();
}, 60_000);

describe('meetings', () => {
  it('two members edit one meeting: the second gets 409 with the current record', async () => {
    const version = await meetingVersion(t.database.db, w.meeting.id);
    const first = await member.patch(meetingUrl(), { version, notes: 'Phonics fidelity is low in grade 2' });
    expect(first.statusCode, first.body).toBe(200);
    const second = await facilitator.patch(meetingUrl(), { version, agenda: 'Something else' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.current).toMatchObject({
      notes: 'Phonics fidelity is low in grade 2',
      agenda: 'Review fidelity',
      version: version + 1,
    });
    const retried = await facilitator.patch(meetingUrl(), { version: version + 1, agenda: 'Something else' });
    expect(retried.json()).toMatchObject({ notes: 'Phonics fidelity is low in grade 2', agenda: 'Something else' });
  });

  it('creating a meeting needs a time; bad input is a 400 naming the field', async () => {
    const res = await member.post(`${teamUrl()}/meetings`, { meetsAt: 'next tuesday' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('meetsAt');
    const ok = await member.post(`${teamUrl()}/meetings`, { meetsAt: '2026-09-08T15:30:00Z', agenda: 'First data review' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await hr.get(teamUrl())).json().meetings.some((m: { agenda: string }) => m.agenda === 'First data review')).toBe(true);
  });

  it('takes the data review: the team’s initiative and school over 90 days, nothing from elsewhere', async () => {
    const version = await meetingVersion(t.database.db, w.meeting.id);
    const res = await member.post(`${meetingUrl()}/data-review`, { version, workSamples: 'Three decodable-reader running records' });
    expect(res.statusCode, res.body).toBe(200);
    const review = res.json().dataReview;
    expect(review.fidelity.checks).toBe(2);
    // Two people checked: their share and average would show each one's score, so both are withheld.
    expect(review.fidelity).toMatchObject({ atFidelityPct: null, suppressed: true });
    const [first, second] = w.world.competencies;
    const figure = (r: typeof review, id: string) =>
      r.fidelity.byComponent.find((c: { itemId: string; averagePct: number | null; suppressed: boolean }) => c.itemId === id);
    expect(figure(review, first!.id)).toMatchObject({ averagePct: null, suppressed: true });
    expect(figure(review, second!.id)).toMatchObject({ averagePct: null, suppressed: false });
    expect(review.observations).toEqual({ published: 2 });
    expect(review.coaching).toEqual({ sessions: 1, people: 2 });
    expect(review.training).toEqual({ sessions: 1, attended: 1 });
    expect(review.workSamples).toBe('Three decodable-reader running records');
    // The snapshot stays as it was seen.
    expect((await hr.get(meetingUrl())).json().dataReview).toEqual(review);

    // A third person checked at school A: the figures show.
    const coachCheck = await fidelityCheck(w.coach.personId, w.schoolA.id, 8, 90);
    await t.database.db.insert(fidelityLatest).values({
      districtId: w.districtId,
      initiativeId: w.initiative.id,
      personId: w.coach.personId,
      orgUnitId: w.schoolA.id,
      checkId: coachCheck.id,
      checkedOn: coachCheck.checkedOn,
      scorePct: 90,
      atFidelity: true,
    });
    await t.database.db
      .update(fidelityMonthly)
      .set({ checks: 3, sumPct: 240 })
      .where(and(eq(fidelityMonthly.orgUnitId, w.schoolA.id), eq(fidelityMonthly.itemId, first!.id)));
    const again = await member.post(`${meetingUrl()}/data-review`, { version: await meetingVersion(t.database.db, w.meeting.id) });
    expect(again.statusCode, again.body).toBe(200);
    const three = again.json().dataReview;
    expect(three.fidelity).toMatchObject({ checks: 3, atFidelityPct: 66.7, suppressed: false });
    expect(figure(three, first!.id)).toMatchObject({ averagePct: 80, suppressed: false });
  });

  it('the district team reviews every school the initiative covers', async () => {
    const created = await hr.post(`/api/implementation-teams/${w.districtTeam.id}/members`, {
      personIds: [w.hr.personId],
      role: 'facilitator',
    });
    expect(created.statusCode, created.body).toBe(200);
    const meeting = (
      await hr.post(`/api/implementation-teams/${w.districtTeam.id}/meetings`, { meetsAt: new Date().toISOString() })
    ).json();
    const res = await hr.post(`/api/implementation-teams/${w.districtTeam.id}/meetings/${meeting.id}/data-review`, {
      version: meeting.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    // The initiative covers school A only: school B's data stays out.
    expect(res.json().dataReview).toMatchObject({ fidelity: { checks: 3, atFidelityPct: 66.7 }, observations: { published: 2 } });
  });
});

describe('decisions and action items', () => {
  it('records a decision routed to a driver, and refuses a driver that is not one', async () => {
    const bad = await member.post(`${meetingUrl()}/decisions`, { text: 'Retrain', driver: 'budget' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('driver');
    const res = await member.post(`${meetingUrl()}/decisions`, { text: 'Revisit the phonics training topic', driver: 'training' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().decisions.at(-1)).toMatchObject({ text: 'Revisit the phonics training topic', driver: 'training' });
    // The training driver's card on the initiative's driver page lists it, with its team and meeting.
    const drivers = (await hr.get(`/api/initiatives/${w.initiative.id}/drivers`)).json().drivers as {
      driver: string;
      decisions: { id: string; text: string; meetingId: string; team: { id: string } }[];
    }[];
    expect(drivers.find((d) => d.driver === 'training')!.decisions).toContainEqual(
      expect.objectContaining({
        text: 'Revisit the phonics training topic',
        meetingId: w.meeting.id,
        team: expect.objectContaining({ id: w.schoolTeam.id }),
      }),
    );
    expect(drivers.filter((d) => d.driver !== 'training').flatMap((d) => d.decisions)).toEqual([]);
  });

  it('an action item needs an owner of the district and a decision of the same meeting', async () => {
    const meeting = (await hr.get(meetingUrl())).json();
    const decisionId = meeting.decisions.at(-1).id;
    const base = { text: 'Schedule the retraining', dueOn: isoDay(14) };
    const outsider = await member.post(`${meetingUrl()}/action-items`, { ...base, ownerPersonId: w.outsider.personId });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.details[0].path).toBe('ownerPersonId');
    const other = (await member.post(`${teamUrl()}/meetings`, { meetsAt: new Date().toISOString() })).json();
    const foreign = await member.post(`${teamUrl()}/meetings/${other.id}/action-items`, {
      ...base,
      ownerPersonId: w.member.personId,
      decisionId,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('decisionId');
    const before = (
      await t.database.db.select().from(implementationActionItems).where(eq(implementationActionItems.districtId, w.districtId))
    ).length;
    expect(before).toBe(0);
    const ok = await member.post(`${meetingUrl()}/action-items`, { ...base, ownerPersonId: w.facilitator.personId, decisionId });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().actionItems[0]).toMatchObject({
      text: 'Schedule the retraining',
      owner: { id: w.facilitator.personId },
      decisionId,
      doneAt: null,
    });
  });

  it('lists open action items per initiative, ticks one off and back, 409 on a stale version', async () => {
    await member.post(`${meetingUrl()}/action-items`, { text: 'Overdue item', ownerPersonId: w.member.personId, dueOn: isoDay(-1) });
    let open = (await hr.get(`/api/implementation-teams/action-items?initiativeId=${w.initiative.id}`)).json().items;
    expect(open.map((i: { text: string; overdue: boolean; teamName: string }) => [i.text, i.overdue, i.teamName])).toEqual([
      ['Overdue item', true, 'School A literacy team'],
      ['Schedule the retraining', false, 'School A literacy team'],
    ]);
    const item = open[1];
    const done = await facilitator.patch(`${teamUrl()}/action-items/${item.id}`, { version: item.version, done: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().doneAt).not.toBeNull();
    const stale = await member.patch(`${teamUrl()}/action-items/${item.id}`, { version: item.version, done: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.doneAt).not.toBeNull();
    open = (await hr.get(`/api/implementation-teams/action-items?initiativeId=${w.initiative.id}`)).json().items;
    expect(open.map((i: { text: string }) => i.text)).toEqual(['Overdue item']);
    const undone = await member.patch(`${teamUrl()}/action-items/${item.id}`, { version: item.version + 1, done: false });
    expect(undone.json().doneAt).toBeNull();
    // Only the team's members tick items off; an item of another team is not found through this one.
    expect((await hr.patch(`${teamUrl()}/action-items/${item.id}`, { version: item.version + 2, done: true })).statusCode).toBe(403);
    expect(
      (await hr.patch(`/api/implementation-teams/${w.districtTeam.id}/action-items/${item.id}`, { version: 1, done: true })).statusCode,
    ).toBe(404);
  });
});

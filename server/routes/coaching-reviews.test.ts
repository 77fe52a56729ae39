/**
 * Coaching plan reviews: the permission matrix, planned vs delivered kept at the review date,
 * overdue review dates flagged until recorded, the coaching/evaluation firewall, and what a
 * decision does to the plan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { teamMembers, teams } from '../db/schema/index.ts';
import { anonymous, useTestApp } from '../test/harness.ts';
import { coachingWorld, isoDaysFromNow, planBody, postOk, sessionBody, type CoachingWorld } from '../test/fixtures/coaching.ts';

const t = useTestApp();
let w: CoachingWorld;
let plan: { id: string };
const FUTURE = isoDaysFromNow(60);

const reviewBody = (reviewDate: string, extra: Record<string, unknown> = {}) => ({
  reviewDate,
  followed: 'partly',
  decision: 'continue',
  dataNotes: 'Exit tickets rose from 40% to 65% correct.',
  nextSteps: 'Keep cold-calling in period 2.',
  ...extra,
});

const overdueOf = async (client: CoachingWorld['coach'], planId: string) => {
  const res = await client.get('/api/coaching/reviews/overdue');
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .items.filter((i: { planId: string }) => i.planId === planId)
    .map((i: { reviewDate: string }) => i.reviewDate);
};

beforeAll(async () => {
  w = await coachingWorld(t);
  // Two sessions a month from 1 September 2025; reviews at the end of September and October.
  plan = await postOk(
    w.coach,
    '/api/coaching/plans',
    planBody([w.ids.coachee], {
      startsOn: '2025-09-01',
      phases: [{ startsOn: '2025-09-01', sessionsPerMonth: 2, criterion: null }],
      reviewDates: ['2025-09-30', '2025-10-31', FUTURE],
    }),
  );
  const held = (startsAt: string, extra: Record<string, unknown> = {}) =>
    postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.coachee], { startsAt, ...extra }));
  await held('2025-09-10T15:00:00Z', { planId: plan.id });
  await held('2025-09-20T15:00:00Z', { planId: plan.id });
  await held('2025-10-15T15:00:00Z'); // not linked, but the plan's member attended within its span
  await held('2025-10-20T15:00:00Z', { status: 'scheduled', planId: plan.id }); // never marked held
  await held(new Date(Date.now() - 2 * 86_400_000).toISOString(), { planId: plan.id }); // after both reviews
});

describe('coaching plan reviews', () => {
  it('401 signed out, 404 for another district, 403 for who may read but not write, 404 for who may not read', async () => {
    const url = `/api/coaching/plans/${plan.id}/reviews`;
    const anon = anonymous(t.app);
    expect((await anon.get(url)).statusCode).toBe(401);
    expect((await anon.post(url, reviewBody('2025-09-30'))).statusCode).toBe(401);
    expect((await anon.get('/api/coaching/reviews/overdue')).statusCode).toBe(401);
    expect((await w.outsider.get(url)).statusCode).toBe(404);
    expect((await w.outsider.post(url, reviewBody('2025-09-30'))).statusCode).toBe(404);
    expect((await w.otherCoach.post(url, reviewBody('2025-09-30'))).statusCode).toBe(404);
    for (const reader of [w.coachee, w.leader, w.hr, w.admin])
      expect((await reader.post(url, reviewBody('2025-09-30'))).statusCode).toBe(403);
    expect((await w.coachee.get('/api/coaching/reviews/overdue')).statusCode).toBe(403);
    // A date that is not one of the plan's review dates is refused, naming the field.
    const bad = await w.coach.post(url, reviewBody('2025-09-29'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('reviewDate');
  });

  it('flags past review dates until a review is recorded, to the coach and their leads', async () => {
    expect(await overdueOf(w.coach, plan.id)).toEqual(['2025-09-30', '2025-10-31']);
    expect(await overdueOf(w.leader, plan.id)).toEqual(['2025-09-30', '2025-10-31']);
    expect(await overdueOf(w.hr, plan.id)).toEqual(['2025-09-30', '2025-10-31']);
    expect(await overdueOf(w.otherLeader, plan.id)).toEqual([]);
    expect(await overdueOf(w.otherCoach, plan.id)).toEqual([]);
    // The coach's team lead (a teacher leading the coach's team) sees them too; before leading, 403.
    expect((await w.otherTeacher.get('/api/coaching/reviews/overdue')).statusCode).toBe(403);
    const [team] = await w.db
      .insert(teams)
      .values({ districtId: w.districtId, schoolId: w.schoolA, kind: 'grade_level', name: 'Grade 3', startsOn: '2025-01-01' })
      .returning();
    await w.db.insert(teamMembers).values([
      { districtId: w.districtId, teamId: team!.id, personId: w.ids.otherTeacher, role: 'lead', startsOn: '2025-01-01' },
      { districtId: w.districtId, teamId: team!.id, personId: w.ids.coach, role: 'member', startsOn: '2025-01-01' },
    ]);
    expect(await overdueOf(w.otherTeacher, plan.id)).toEqual(['2025-09-30', '2025-10-31']);
    const before = (await w.coach.get(`/api/coaching/plans/${plan.id}/reviews`)).json();
    expect(before).toMatchObject({ items: [], overdueDates: ['2025-09-30', '2025-10-31'], nextDue: FUTURE, canRecord: true });

    const sept = await postOk(w.coach, `/api/coaching/plans/${plan.id}/reviews`, reviewBody('2025-09-30'));
    // Planned vs delivered to the review date: September planned 2, held 2.
    expect(sept).toMatchObject({ plannedSessions: 2, deliveredSessions: 2, followed: 'partly', decision: 'continue', view: 'full' });
    const oct = await postOk(w.coach, `/api/coaching/plans/${plan.id}/reviews`, reviewBody('2025-10-31', { followed: 'no' }));
    // To 31 October: planned 4; held 3 (two linked, one with the member attending; the one never held does not count).
    expect(oct).toMatchObject({ plannedSessions: 4, deliveredSessions: 3 });
    // A second review of the same date conflicts.
    expect((await w.coach.post(`/api/coaching/plans/${plan.id}/reviews`, reviewBody('2025-10-31'))).statusCode).toBe(409);

    expect(await overdueOf(w.coach, plan.id)).toEqual([]);
    expect(await overdueOf(w.leader, plan.id)).toEqual([]);
    expect(await overdueOf(w.otherTeacher, plan.id)).toEqual([]);
    expect((await w.coach.get(`/api/coaching/plans/${plan.id}/reviews`)).json().overdueDates).toEqual([]);
  });

  it('keeps the notes between coach and coachee: leaders, HR and admins see the decision only', async () => {
    const url = `/api/coaching/plans/${plan.id}/reviews`;
    for (const insider of [w.coach, w.coachee]) {
      const res = await insider.get(url);
      expect(res.json().items[0]).toMatchObject({ view: 'full', dataNotes: expect.stringContaining('Exit tickets') });
    }
    for (const overseer of [w.leader, w.hr, w.admin]) {
      const res = await overseer.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.json().items[0]).toMatchObject({ view: 'summary', decision: 'continue', plannedSessions: 2 });
      expect(res.json().items[0]).not.toHaveProperty('dataNotes');
      expect(res.body).not.toContain('Exit tickets');
      expect(res.body).not.toContain('cold-calling');
    }
    for (const stranger of [w.otherLeader, w.otherCoach, w.otherTeacher, w.peer]) expect((await stranger.get(url)).statusCode).toBe(404);
  });

  it('the coachee acknowledges; a stale edit is 409 with the current review; an edit asks for a new acknowledgement', async () => {
    const [review] = (await w.coach.get(`/api/coaching/plans/${plan.id}/reviews`)).json().items;
    const ackUrl = `/api/coaching/plans/${plan.id}/reviews/${review.id}/acknowledge`;
    expect((await w.coach.post(ackUrl, { version: review.version, note: 'x' })).statusCode).toBe(403);
    expect((await w.leader.post(ackUrl, { version: review.version, note: 'x' })).statusCode).toBe(403);
    expect((await w.outsider.post(ackUrl, { version: review.version, note: 'x' })).statusCode).toBe(404);
    const acked = await postOk(w.coachee, ackUrl, { version: review.version, note: 'Agreed; period 2 is the hard one.' }, 200);
    expect(acked).toMatchObject({
      acknowledgedBy: { id: w.ids.coachee },
      coacheeNote: 'Agreed; period 2 is the hard one.',
      version: review.version + 1,
    });
    expect(acked.acknowledgedAt).toBeTruthy();

    const patchUrl = `/api/coaching/plans/${plan.id}/reviews/${review.id}`;
    const stale = await w.coach.patch(patchUrl, { version: review.version, followed: 'yes' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ id: review.id, version: acked.version, followed: 'partly' });
    expect((await w.coachee.patch(patchUrl, { version: acked.version, followed: 'yes' })).statusCode).toBe(403);
    expect((await w.outsider.patch(patchUrl, { version: acked.version, followed: 'yes' })).statusCode).toBe(404);
    const edited = await w.coach.patch(patchUrl, { version: acked.version, followed: 'yes' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ followed: 'yes', acknowledgedBy: null, acknowledgedAt: null, plannedSessions: 2 });
  });

  it('decision fade starts the next phase now; decision end closes the plan and its reviews are no longer overdue', async () => {
    const fading = await postOk(w.coach, '/api/coaching/plans', planBody([w.ids.coachee], { reviewDates: [isoDaysFromNow(-5), FUTURE] }));
    await postOk(w.coach, `/api/coaching/plans/${fading.id}/reviews`, reviewBody(isoDaysFromNow(-5), { decision: 'fade' }));
    const faded = (await w.coach.get(`/api/coaching/plans/${fading.id}`)).json();
    expect(faded.status).toBe('active');
    expect(faded.phases[1].startsOn >= isoDaysFromNow(-1) && faded.phases[1].startsOn <= isoDaysFromNow(1)).toBe(true);
    expect(faded.phases[1].sessionsPerMonth).toBe(2);

    const ending = await postOk(
      w.coach,
      '/api/coaching/plans',
      planBody([w.ids.coachee], { reviewDates: [isoDaysFromNow(-20), isoDaysFromNow(-5), FUTURE] }),
    );
    expect(await overdueOf(w.coach, ending.id)).toEqual([isoDaysFromNow(-20), isoDaysFromNow(-5)]);
    await postOk(w.coach, `/api/coaching/plans/${ending.id}/reviews`, reviewBody(isoDaysFromNow(-5), { decision: 'end' }));
    expect((await w.coach.get(`/api/coaching/plans/${ending.id}`)).json().status).toBe('closed');
    expect(await overdueOf(w.coach, ending.id)).toEqual([]);
    // Another plan's review id under this plan: 404.
    const [other] = (await w.coach.get(`/api/coaching/plans/${plan.id}/reviews`)).json().items;
    expect(
      (await w.coach.patch(`/api/coaching/plans/${ending.id}/reviews/${other.id}`, { version: other.version, followed: 'no' })).statusCode,
    ).toBe(404);
  });
});

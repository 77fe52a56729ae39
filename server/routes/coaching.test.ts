/**
 * Permission matrix: signed out -> 401; another district -> 404; non-coaches writing coaching records
 * -> 403; a coach naming someone outside their caseload -> 404; someone who sees a record but is not
 * its coach -> 403 on edits; ratings and sharing by attendees only. Plus the rules of plans, cycles
 * and sessions (version locks, limits, notifications).
 */
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COACHING_LIMITS } from '../../common/coaching.ts';
import { notifications, outboxEmails } from '../db/schema/index.ts';
import { anonymous, useTestApp } from '../test/harness.ts';
import { coachingWorld, isoDaysFromNow, planBody, postOk, sessionBody, type CoachingWorld } from '../test/fixtures/coaching.ts';

const t = useTestApp();
let w: CoachingWorld;

beforeAll(async () => {
  w = await coachingWorld(t);
});

describe('coaching permission matrix', () => {
  it('401 signed out, 404 for another district, 403 for non-coaches, 404 outside the caseload', async () => {
    const log = await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.coachee]));
    const anon = anonymous(t.app);
    for (const url of [
      '/api/coaching/caseload',
      '/api/coaching/logs',
      `/api/coaching/logs/${log.id}`,
      `/api/coaching/people/${w.ids.coachee}/summary`,
    ]) {
      expect((await anon.get(url)).statusCode).toBe(401);
    }
    expect((await anon.post('/api/coaching/logs', sessionBody([w.ids.coachee]))).statusCode).toBe(401);
    expect((await w.outsider.get(`/api/coaching/logs/${log.id}`)).statusCode).toBe(404);
    expect((await w.outsider.patch(`/api/coaching/logs/${log.id}`, { version: 1, notes: 'x' })).statusCode).toBe(404);
    expect((await w.outsider.post(`/api/coaching/logs/${log.id}/rating`, { helpfulness: 3 })).statusCode).toBe(404);
    // Non-coaches do not write coaching records; leaders oversee, they do not coach.
    for (const who of [w.coachee, w.leader, w.hr, w.admin]) {
      expect((await who.post('/api/coaching/logs', sessionBody([w.ids.coachee]))).statusCode).toBe(403);
      expect((await who.post('/api/coaching/plans', planBody([w.ids.coachee]))).statusCode).toBe(403);
      expect((await who.post('/api/coaching/cycles', { coacheeId: w.ids.coachee, goal: 'g' })).statusCode).toBe(403);
      expect((await who.get('/api/coaching/caseload')).statusCode).toBe(403);
    }
    // Those who see the session but did not hold it cannot edit it.
    expect((await w.leader.patch(`/api/coaching/logs/${log.id}`, { version: 1, status: 'cancelled' })).statusCode).toBe(403);
    expect((await w.coachee.patch(`/api/coaching/logs/${log.id}`, { version: 1, notes: 'mine now' })).statusCode).toBe(403);
    expect((await w.otherCoach.patch(`/api/coaching/logs/${log.id}`, { version: 1, notes: 'x' })).statusCode).toBe(404);
    // School coaching: leaders only.
    expect((await w.coachee.get('/api/coaching/school')).statusCode).toBe(403);
    expect((await w.leader.get('/api/coaching/school')).statusCode).toBe(200);
  });

  it('a coach cannot log, plan or cycle for someone outside the caseload (404)', async () => {
    expect((await w.coach.post('/api/coaching/logs', sessionBody([w.ids.otherTeacher]))).statusCode).toBe(404);
    expect((await w.coach.post('/api/coaching/logs', sessionBody([w.ids.coachee, w.ids.otherTeacher]))).statusCode).toBe(404);
    expect((await w.coach.post('/api/coaching/plans', planBody([w.ids.coachee, w.ids.otherTeacher]))).statusCode).toBe(404);
    expect((await w.coach.post('/api/coaching/cycles', { coacheeId: w.ids.otherTeacher, goal: 'g' })).statusCode).toBe(404);
    const plan = await postOk(w.coach, '/api/coaching/plans', planBody([w.ids.coachee]));
    expect(
      (await w.coach.patch(`/api/coaching/plans/${plan.id}`, { version: plan.version, memberIds: [w.ids.otherTeacher] })).statusCode,
    ).toBe(404);
  });
});

describe('coaching sessions', () => {
  it('ratings: attendees only, 1-5 or cleared, held sessions only', async () => {
    const log = await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.coachee]));
    expect(log.abilities).toMatchObject({ edit: true, rate: false });
    for (const bad of [0, 6, 2.5, '3']) {
      expect((await w.coachee.post(`/api/coaching/logs/${log.id}/rating`, { helpfulness: bad })).statusCode).toBe(400);
    }
    expect((await w.coach.post(`/api/coaching/logs/${log.id}/rating`, { helpfulness: 5 })).statusCode).toBe(403);
    expect((await w.leader.post(`/api/coaching/logs/${log.id}/rating`, { helpfulness: 5 })).statusCode).toBe(403);
    expect((await w.peer.post(`/api/coaching/logs/${log.id}/rating`, { helpfulness: 5 })).statusCode).toBe(404);
    const rated = await postOk(w.coachee, `/api/coaching/logs/${log.id}/rating`, { helpfulness: 5 }, 200);
    expect(rated.attendees[0].helpfulness).toBe(5);
    expect(rated.abilities).toMatchObject({ rate: true, share: true, edit: false });
    const cleared = await postOk(w.coachee, `/api/coaching/logs/${log.id}/rating`, { helpfulness: null }, 200);
    expect(cleared.attendees[0].helpfulness).toBeNull();

    const scheduled = await postOk(
      w.coach,
      '/api/coaching/logs',
      sessionBody([w.ids.coachee], { status: 'scheduled', startsAt: new Date(Date.now() + 86_400_000).toISOString(), notes: '' }),
    );
    const early = await w.coachee.post(`/api/coaching/logs/${scheduled.id}/rating`, { helpfulness: 4 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('invalid_state');
  });

  it('scheduling tells the attendees; marking held lets them rate', async () => {
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const log = await postOk(
      w.coach,
      '/api/coaching/logs',
      sessionBody([w.ids.coachee, w.ids.peer], { status: 'scheduled', startsAt, notes: '' }),
    );
    const told = await w.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, log.id), eq(notifications.kind, 'coaching_session_scheduled')));
    expect(told.map((n) => n.personId).sort()).toEqual([w.ids.coachee, w.ids.peer].sort());
    // The activity travels as its code and each e-mail names it in words.
    expect(told[0]!.params.activity).toBe('modeling');
    const mails = await w.db.select().from(outboxEmails).where(like(outboxEmails.subject, 'Coaching session on%'));
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((m) => m.body.includes('(modeling)') && !m.body.includes('co planning'))).toBe(true);
    const held = (
      await w.coach.patch(`/api/coaching/logs/${log.id}`, { version: log.version, status: 'held', notes: 'Planned the unit together.' })
    ).json();
    expect(held).toMatchObject({ status: 'held', version: log.version + 1, notes: 'Planned the unit together.' });
    expect((await w.peer.post(`/api/coaching/logs/${log.id}/rating`, { helpfulness: 3 })).statusCode).toBe(200);
    const cancelled = (await w.coach.patch(`/api/coaching/logs/${log.id}`, { version: held.version, status: 'cancelled' })).json();
    expect(cancelled.attendees.every((a: { helpfulness: number | null }) => a.helpfulness === null)).toBe(true);
  });

  it('a stale version answers 409 with the current session', async () => {
    const log = await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.coachee]));
    expect((await w.coach.patch(`/api/coaching/logs/${log.id}`, { version: log.version, nextSteps: 'First edit' })).statusCode).toBe(200);
    const stale = await w.coach.patch(`/api/coaching/logs/${log.id}`, { version: log.version, nextSteps: 'Second edit' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ id: log.id, version: log.version + 1, nextSteps: 'First edit' });
  });

  it('notes over the limit answer 400 naming the limit', async () => {
    const huge = 'x'.repeat(COACHING_LIMITS.notesChars + 1);
    const res = await w.coach.post('/api/coaching/logs', sessionBody([w.ids.coachee], { notes: huge }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'notes' });
    expect(res.json().error.details[0].message).toContain(String(COACHING_LIMITS.notesChars));
    const log = await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.coachee]));
    const patch = await w.coach.patch(`/api/coaching/logs/${log.id}`, { version: log.version, nextSteps: huge });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.details[0].path).toBe('nextSteps');
  });
});

describe('coaching plans and cycles', () => {
  it('a plan gets three review dates through its span and shows planned versus delivered', async () => {
    const plan = await postOk(
      w.coach,
      '/api/coaching/plans',
      planBody([w.ids.peer], { startsOn: '2026-08-01', endsOn: '2027-05-31', phases: [{ startsOn: '2026-08-01', sessionsPerMonth: 4 }] }),
    );
    expect(plan.reviewDates).toHaveLength(3);
    expect(plan.reviewDates[2]).toBe('2027-05-31');
    expect(plan.reviewDates[0] > '2026-08-01' && plan.reviewDates[0] < plan.reviewDates[1]).toBe(true);
    expect(plan.delivery.months).toHaveLength(10);
    expect(plan.delivery.months[0]).toEqual({ month: '2026-08', planned: 4, delivered: 0 });
    expect(plan.delivery.behind).toBe(true);
    const given = await postOk(w.coach, '/api/coaching/plans', planBody([w.ids.peer], { reviewDates: ['2026-12-15'] }));
    expect(given.reviewDates).toEqual(['2026-12-15']);
    const bad = await w.coach.post(
      '/api/coaching/plans',
      planBody([w.ids.peer], { startsOn: isoDaysFromNow(10), endsOn: isoDaysFromNow(5) }),
    );
    expect(bad.statusCode).toBe(400);
    const stale = await w.coach.patch(`/api/coaching/plans/${plan.id}`, { version: plan.version + 5, title: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.id).toBe(plan.id);
    expect((await w.leader.patch(`/api/coaching/plans/${plan.id}`, { version: plan.version, title: 'x' })).statusCode).toBe(403);
  });

  it('cycles move one phase at a time and need an outcome to complete', async () => {
    const cycle = await postOk(w.coach, '/api/coaching/cycles', { coacheeId: w.ids.peer, goal: 'Questions reach every student' });
    expect(cycle).toMatchObject({ phase: 'identify', logs: [] });
    const skip = await w.coach.post(`/api/coaching/cycles/${cycle.id}/phase`, { version: cycle.version, phase: 'improve' });
    expect(skip.statusCode).toBe(409);
    const learn = await postOk(w.coach, `/api/coaching/cycles/${cycle.id}/phase`, { version: cycle.version, phase: 'learn' }, 200);
    const improve = await postOk(w.coach, `/api/coaching/cycles/${cycle.id}/phase`, { version: learn.version, phase: 'improve' }, 200);
    const noOutcome = await w.coach.post(`/api/coaching/cycles/${cycle.id}/phase`, { version: improve.version, phase: 'complete' });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().error.details[0].path).toBe('outcome');
    const stale = await w.coach.post(`/api/coaching/cycles/${cycle.id}/phase`, {
      version: learn.version,
      phase: 'complete',
      outcome: 'Done',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.phase).toBe('improve');
    const done = await postOk(
      w.coach,
      `/api/coaching/cycles/${cycle.id}/phase`,
      { version: improve.version, phase: 'complete', outcome: '9 of 10 answered' },
      200,
    );
    expect(done).toMatchObject({ phase: 'complete', outcome: '9 of 10 answered' });
    expect(done.completedOn).not.toBeNull();
    const back = await postOk(w.coach, `/api/coaching/cycles/${cycle.id}/phase`, { version: done.version, phase: 'improve' }, 200);
    expect(back).toMatchObject({ phase: 'improve', completedOn: null });
    const log = await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.peer], { cycleId: cycle.id }));
    expect((await w.coach.get(`/api/coaching/cycles/${cycle.id}`)).json().logs.map((l: { id: string }) => l.id)).toEqual([log.id]);
    expect((await w.coach.post('/api/coaching/logs', sessionBody([w.ids.coachee], { cycleId: cycle.id }))).statusCode).toBe(400);
  });

  it('the caseload lists each coachee with plan, cycle, last and next session', async () => {
    const next = new Date(Date.now() + 5 * 86_400_000).toISOString();
    await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.coachee], { status: 'scheduled', startsAt: next, notes: '' }));
    const list = (await w.coach.get('/api/coaching/caseload')).json();
    expect(list.items).toHaveLength(2);
    const coachee = list.items.find((i: { person: { id: string } }) => i.person.id === w.ids.coachee);
    expect(coachee.plan).not.toBeNull();
    expect(coachee.lastSessionAt).not.toBeNull();
    expect(coachee.nextSessionAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain('turn-and-talk');
  });
});

/**
 * "Coaching is not evaluation": for every role, exactly what each sees of a session, a cycle and a
 * plan - full, summary (no notes, next steps, ratings, goal or outcome) or 404 - and how sharing by
 * every attendee turns a school leader's view of a session to full.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../db/schema/index.ts';
import { useTestApp, type Client } from '../test/harness.ts';
import { coachingWorld, planBody, postOk, sessionBody, type CoachingWorld } from '../test/fixtures/coaching.ts';

const t = useTestApp();
let w: CoachingWorld;
let oneToOne: { id: string };
let group: { id: string };
let cycle: { id: string };
let plan: { id: string };

type Role = 'coach' | 'coachee' | 'peer' | 'otherTeacher' | 'leader' | 'otherLeader' | 'otherCoach' | 'hr' | 'admin' | 'outsider';
type Seen = 'full' | 'summary' | 404;

beforeAll(async () => {
  w = await coachingWorld(t);
  plan = await postOk(w.coach, '/api/coaching/plans', planBody([w.ids.coachee, w.ids.peer]));
  cycle = await postOk(w.coach, '/api/coaching/cycles', {
    coacheeId: w.ids.coachee,
    goal: 'Every student answers a check for understanding',
  });
  oneToOne = await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.coachee], { cycleId: cycle.id }));
  group = await postOk(
    w.coach,
    '/api/coaching/logs',
    sessionBody([w.ids.coachee, w.ids.peer], { activity: 'co_planning', planId: plan.id }),
  );
  await postOk(w.coachee, `/api/coaching/logs/${oneToOne.id}/rating`, { helpfulness: 4 }, 200);
});

const client = (role: Role): Client => w[role];

async function seenLog(role: Role, id: string): Promise<Seen> {
  const res = await client(role).get(`/api/coaching/logs/${id}`);
  if (res.statusCode === 404) return 404;
  expect(res.statusCode).toBe(200);
  const log = res.json();
  if (log.view === 'summary') {
    // A summary says that coaching happened, never what was said.
    expect(log).not.toHaveProperty('notes');
    expect(log).not.toHaveProperty('nextSteps');
    for (const a of log.attendees) expect(a).not.toHaveProperty('helpfulness');
    expect(res.body).not.toContain('turn-and-talk');
    expect(res.body).not.toContain('period 3');
    expect(log).toMatchObject({ durationMinutes: 45, status: 'held' });
  } else {
    expect(log.notes).toContain('turn-and-talk');
    expect(log.nextSteps).toContain('period 3');
  }
  return log.view;
}

async function seenCycle(role: Role): Promise<Seen> {
  const res = await client(role).get(`/api/coaching/cycles/${cycle.id}`);
  if (res.statusCode === 404) return 404;
  expect(res.statusCode).toBe(200);
  const c = res.json();
  if (c.view === 'summary') {
    expect(c).not.toHaveProperty('goal');
    expect(c).not.toHaveProperty('outcome');
    expect(res.body).not.toContain('check for understanding');
    expect(res.body).not.toContain('turn-and-talk');
    expect(c.logs.every((l: { view: string }) => l.view === 'summary')).toBe(true);
  } else {
    expect(c.goal).toContain('check for understanding');
  }
  return c.view;
}

async function seenPlan(role: Role): Promise<'read' | 404> {
  const res = await client(role).get(`/api/coaching/plans/${plan.id}`);
  if (res.statusCode === 404) return 404;
  expect(res.statusCode).toBe(200);
  return 'read';
}

const TABLE: { role: Role; oneToOne: Seen; group: Seen; cycle: Seen; plan: 'read' | 404; summary: 200 | 404 }[] = [
  { role: 'coach', oneToOne: 'full', group: 'full', cycle: 'full', plan: 'read', summary: 200 },
  { role: 'coachee', oneToOne: 'full', group: 'full', cycle: 'full', plan: 'read', summary: 200 },
  { role: 'peer', oneToOne: 404, group: 'full', cycle: 404, plan: 'read', summary: 404 },
  { role: 'otherTeacher', oneToOne: 404, group: 404, cycle: 404, plan: 404, summary: 404 },
  { role: 'leader', oneToOne: 'summary', group: 'summary', cycle: 'summary', plan: 'read', summary: 200 },
  { role: 'otherLeader', oneToOne: 404, group: 404, cycle: 404, plan: 404, summary: 404 },
  { role: 'otherCoach', oneToOne: 404, group: 404, cycle: 404, plan: 404, summary: 404 },
  { role: 'hr', oneToOne: 'summary', group: 'summary', cycle: 'summary', plan: 'read', summary: 200 },
  { role: 'admin', oneToOne: 'summary', group: 'summary', cycle: 'summary', plan: 'read', summary: 200 },
  { role: 'outsider', oneToOne: 404, group: 404, cycle: 404, plan: 404, summary: 404 },
];

describe('coaching privacy, role by role', () => {
  it.each(TABLE)('$role sees session $oneToOne / group $group / cycle $cycle / plan $plan', async (row) => {
    expect(await seenLog(row.role, oneToOne.id)).toBe(row.oneToOne);
    expect(await seenLog(row.role, group.id)).toBe(row.group);
    expect(await seenCycle(row.role)).toBe(row.cycle);
    expect(await seenPlan(row.role)).toBe(row.plan);
    const summary = await client(row.role).get(`/api/coaching/people/${w.ids.coachee}/summary`);
    expect(summary.statusCode).toBe(row.summary);
    if (row.summary === 200) {
      expect(summary.body).not.toContain('turn-and-talk');
      expect(summary.body).not.toContain('check for understanding');
      expect(summary.json()).toMatchObject({ sessionsThisYear: 2, cyclePhase: 'identify', activePlan: { id: plan.id } });
    }
  });

  it('lists leave out what a role may not see', async () => {
    const leaderList = (await w.leader.get(`/api/coaching/logs?personId=${w.ids.coachee}`)).json();
    expect(leaderList.items).toHaveLength(2);
    expect(leaderList.items.every((l: { view: string }) => l.view === 'summary')).toBe(true);
    expect((await w.otherLeader.get(`/api/coaching/logs?personId=${w.ids.coachee}`)).json().items).toHaveLength(0);
    expect((await w.peer.get(`/api/coaching/logs?personId=${w.ids.coachee}`)).json().items.map((l: { id: string }) => l.id)).toEqual([
      group.id,
    ]);
    expect((await w.otherCoach.get(`/api/coaching/cycles?personId=${w.ids.coachee}`)).json().items).toHaveLength(0);
    // Coaching in my schools: counts and focus for each coached person, never what was said.
    const school = await w.leader.get('/api/coaching/school');
    expect(
      school
        .json()
        .items.map((i: { person: { id: string } }) => i.person.id)
        .sort(),
    ).toEqual([w.ids.coachee, w.ids.peer].sort());
    expect(school.body).not.toContain('turn-and-talk');
    expect(school.body).not.toContain('check for understanding');
    expect((await w.otherLeader.get('/api/coaching/school')).json().items).toHaveLength(0);
  });

  it('sharing by every attendee turns the leader’s view to full and tells the leaders', async () => {
    const shared = await postOk(w.coachee, `/api/coaching/logs/${oneToOne.id}/share`, { shared: true }, 200);
    expect(shared.sharedByAll).toBe(true);
    expect(await seenLog('leader', oneToOne.id)).toBe('full');
    expect(await seenLog('hr', oneToOne.id)).toBe('full');
    expect(await seenLog('otherLeader', oneToOne.id)).toBe(404);
    expect(await seenLog('otherTeacher', oneToOne.id)).toBe(404);
    const told = await w.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.personId, w.ids.leader), eq(notifications.entityId, oneToOne.id)));
    expect(told).toHaveLength(1);
    expect(told[0]!.kind).toBe('coaching_log_shared');
    // The cycle's goal stays private even when its sessions are shared; the shared session shows in full.
    const c = (await w.leader.get(`/api/coaching/cycles/${cycle.id}`)).json();
    expect(c).toMatchObject({ view: 'summary', logs: [{ id: oneToOne.id, view: 'full' }] });
    expect(c).not.toHaveProperty('goal');

    // A group session needs every attendee to share.
    await postOk(w.coachee, `/api/coaching/logs/${group.id}/share`, { shared: true }, 200);
    expect(await seenLog('leader', group.id)).toBe('summary');
    await postOk(w.peer, `/api/coaching/logs/${group.id}/share`, { shared: true }, 200);
    expect(await seenLog('leader', group.id)).toBe('full');
    // Taking it back hides the notes again.
    await postOk(w.peer, `/api/coaching/logs/${group.id}/share`, { shared: false }, 200);
    expect(await seenLog('leader', group.id)).toBe('summary');
  });
});

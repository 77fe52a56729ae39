/**
 * Permission matrix tested (check-ins and review of a plan): signed out 401; another district's HR
 * 404; a coach with the person on their caseload 404; the person, their evaluator, their school's
 * leader and HR read (200). Writes: the person writes their check-in notes, reflection and
 * acknowledgment but not the review (403) nor the evaluator notes (403); the evaluator, leader and
 * HR write the review. Then bad input (a goal of another plan, a level outside the snapshot, a
 * stale version 409), the overall score with weights and cut scores, evidence of source
 * manager_review after completing, and reopening.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evidence, observations, performanceCycles, performancePlans, planFocusAreas, planGoals } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';
import { buildPerformanceWorld, buildPlan, type PerformanceWorld } from '../test/fixtures/performance.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: PerformanceWorld;
let c: Record<'person' | 'evaluator' | 'leader' | 'hr' | 'coach' | 'outsider', Client>;
let planId: string;
let goalId: string;
let focusAreaId: string;
let foreignGoalId: string;
let personId: string;

const put = (who: Client, url: string, body: unknown) => who.request('PUT', url, body);

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  w = await buildPerformanceWorld(db, districtId);
  const school = await buildOrgUnit(db, districtId, { name: 'Palm' });
  const person = await buildUser(db, districtId, 'staff', { orgUnitId: school.id });
  const evaluator = await buildUser(db, districtId, 'staff');
  const leader = await buildUser(db, districtId, 'school_leader', { orgUnitId: school.id });
  const hr = await buildUser(db, districtId, 'hr');
  const coach = await buildUser(db, districtId, 'coach', { orgUnitId: school.id, caseload: [person.person.id] });
  const other = (await buildDistrict(db, 'Other')).id;
  const outsider = await buildUser(db, other, 'hr');
  personId = person.person.id;
  const plan = await buildPlan(db, w, { personId, evaluatorPersonId: evaluator.person.id, orgUnitId: school.id, status: 'signed' });
  planId = plan.id;
  const [goal] = await db.insert(planGoals).values({ districtId, planId, title: 'Raise reading growth to 60%' }).returning();
  goalId = goal!.id;
  const [area] = await db.insert(planFocusAreas).values({ districtId, planId, itemId: w.competencies[0]!.id }).returning();
  focusAreaId = area!.id;
  const otherPlan = await buildPlan(db, w, {
    personId: (await buildPerson(db, districtId)).id,
    evaluatorPersonId: null,
    orgUnitId: null,
    status: 'signed',
  });
  const [foreignGoal] = await db.insert(planGoals).values({ districtId, planId: otherPlan.id, title: 'Not this plan' }).returning();
  foreignGoalId = foreignGoal!.id;
  // Evidence at hand: an evaluation observation scored in the cycle, and one before it (left out).
  for (const [observedOn, level] of [
    ['2026-10-01', 1],
    ['2025-10-01', 3],
  ] as const) {
    const [obs] = await db
      .insert(observations)
      .values({
        districtId,
        typeId: w.scoredTypeId,
        kind: 'scored',
        purpose: 'evaluation',
        observedPersonId: personId,
        observerPersonId: evaluator.person.id,
        orgUnitId: school.id,
        observedOn,
        status: 'published',
      })
      .returning();
    await db.insert(evidence).values({
      districtId,
      personId,
      itemId: w.competencies[0]!.id,
      scaleLevelId: w.scaleLevels[level]!.id,
      levelScore: w.scaleLevels[level]!.levelScore,
      source: 'observation',
      sourceId: obs!.id,
      observedAt: new Date(`${observedOn}T12:00:00Z`),
    });
  }
  c = {
    person: await signIn(t.app, person.email),
    evaluator: await signIn(t.app, evaluator.email),
    leader: await signIn(t.app, leader.email),
    hr: await signIn(t.app, hr.email),
    coach: await signIn(t.app, coach.email),
    outsider: await signIn(t.app, outsider.email),
  };
}, 60_000);

describe('check-ins and review: who may', () => {
  it('401 signed out, 404 another district and a coach, 200 the person, evaluator, leader and HR', async () => {
    for (const path of ['check-ins', 'review']) {
      const url = `/api/performance/plans/${planId}/${path}`;
      expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
      expect((await c.outsider.get(url)).statusCode).toBe(404);
      expect((await c.coach.get(url)).statusCode).toBe(404);
      for (const who of [c.person, c.evaluator, c.leader, c.hr]) expect((await who.get(url)).statusCode).toBe(200);
    }
  });

  it('the person may not write the review; coaches and other districts get 404 on writes', async () => {
    const version = (await c.person.get(`/api/performance/plans/${planId}/review`)).json().plan.version;
    expect((await put(c.person, `/api/performance/plans/${planId}/review`, { version, summary: 'mine' })).statusCode).toBe(403);
    expect((await put(c.coach, `/api/performance/plans/${planId}/review`, { version, summary: 'x' })).statusCode).toBe(404);
    expect((await put(c.outsider, `/api/performance/plans/${planId}/review`, { version, summary: 'x' })).statusCode).toBe(404);
    expect((await c.person.post(`/api/performance/plans/${planId}/review/complete`, { version })).statusCode).toBe(403);
    expect((await c.evaluator.post(`/api/performance/plans/${planId}/review/acknowledge`, { version })).statusCode).toBe(403);
  });
});

describe('check-ins', () => {
  it('lists one per cycle date, records progress and notes from both sides, and moves the next check-in', async () => {
    const list = (await c.evaluator.get(`/api/performance/plans/${planId}/check-ins`)).json();
    expect(list.items.map((i: { dueOn: string }) => i.dueOn)).toEqual(['2026-11-15', '2027-02-15', '2027-04-15']);
    expect(list.goals).toEqual([{ id: goalId, title: 'Raise reading growth to 60%' }]);
    expect(list.abilities).toEqual({ checkIn: true, personNotes: false, evaluatorNotes: true });
    const first = list.items[0];
    const url = `/api/performance/plans/${planId}/check-ins/${first.id}`;
    expect((await put(c.evaluator, url, { version: first.version, personNotes: 'not mine' })).statusCode).toBe(403);
    expect((await put(c.person, url, { version: first.version, evaluatorNotes: 'not mine' })).statusCode).toBe(403);
    const byPerson = await put(c.person, url, { version: first.version, personNotes: 'Going well' });
    expect(byPerson.statusCode).toBe(200);
    const held = await put(c.evaluator, url, {
      version: byPerson.json().version,
      evaluatorNotes: 'Agreed',
      heldOn: '2026-11-14',
      progress: [
        { goalId, status: 'on_track', note: '52% so far' },
        { focusAreaId, status: 'at_risk', note: '' },
      ],
    });
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ personNotes: 'Going well', evaluatorNotes: 'Agreed', heldOn: '2026-11-14' });
    const [plan] = await t.database.db.select().from(performancePlans).where(eq(performancePlans.id, planId));
    expect(plan!.nextCheckInOn).toBe('2027-02-15');
    // Listing again makes no duplicates.
    expect((await c.person.get(`/api/performance/plans/${planId}/check-ins`)).json().items).toHaveLength(3);
  });

  it('refuses a goal of another plan (400) and a stale version (409 with the current)', async () => {
    const list = (await c.evaluator.get(`/api/performance/plans/${planId}/check-ins`)).json();
    const second = list.items[1];
    const url = `/api/performance/plans/${planId}/check-ins/${second.id}`;
    const foreign = await put(c.evaluator, url, {
      version: second.version,
      progress: [{ goalId: foreignGoalId, status: 'done', note: '' }],
    });
    expect(foreign.statusCode).toBe(400);
    expect((await put(c.evaluator, url, { version: second.version, evaluatorNotes: 'first' })).statusCode).toBe(200);
    const stale = await put(c.person, url, { version: second.version, personNotes: 'late' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ evaluatorNotes: 'first', version: second.version + 1 });
  });
});

describe('review', () => {
  it('shows the evidence at hand for the cycle dates only', async () => {
    const review = (await c.evaluator.get(`/api/performance/plans/${planId}/review`)).json();
    const first = review.criteria[0];
    expect(first.evidence.observations.map((o: { levelScore: number }) => o.levelScore)).toEqual([w.scaleLevels[1]!.levelScore]);
    expect(review.from).toBe('2026-08-15');
    expect(review.to).toBe('2027-06-15');
  });

  it('refuses a level outside the snapshot and a goal of another plan; 409 on a stale version', async () => {
    const { plan } = (await c.evaluator.get(`/api/performance/plans/${planId}/review`)).json();
    const url = `/api/performance/plans/${planId}/review`;
    const foreignLevel = await put(c.evaluator, url, {
      version: plan.version,
      ratings: [{ itemId: w.competencies[0]!.id, scaleLevelId: foreignGoalId }],
    });
    expect(foreignLevel.statusCode).toBe(400);
    const foreignGoal = await put(c.evaluator, url, { version: plan.version, goals: [{ goalId: foreignGoalId, rating: 'met' }] });
    expect(foreignGoal.statusCode).toBe(400);
    expect((await put(c.evaluator, url, { version: plan.version, summary: 'Draft' })).statusCode).toBe(200);
    const stale = await put(c.leader, url, { version: plan.version, summary: 'Other' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.summary).toBe('Draft');
  });

  it('computes the overall score with the weights and labels it by cut scores', async () => {
    const db = t.database.db;
    const [a, b, cc] = w.competencies;
    await db
      .update(performanceCycles)
      .set({
        ratingMethod: {
          overall: true,
          weights: { [a!.id]: 50, [b!.id]: 25, [cc!.id]: 25 },
          cutScores: [
            { min: 1, label: 'Developing' },
            { min: 3, label: 'Effective' },
            { min: 3.6, label: 'Highly effective' },
          ],
        },
      })
      .where(eq(performanceCycles.id, w.cycleId));
    const level = (score: number) => w.scaleLevels.find((l) => l.levelScore === score)!.id;
    const { plan } = (await c.evaluator.get(`/api/performance/plans/${planId}/review`)).json();
    const res = await put(c.evaluator, `/api/performance/plans/${planId}/review`, {
      version: plan.version,
      ratings: [
        { itemId: a!.id, scaleLevelId: level(4), comment: 'Strong' },
        { itemId: b!.id, scaleLevelId: level(3) },
        { itemId: cc!.id, scaleLevelId: level(2) },
      ],
      goals: [{ goalId, rating: 'partly_met', comment: '55%' }],
    });
    expect(res.statusCode).toBe(200);
    // (4*50 + 3*25 + 2*25) / 100 = 3.25
    expect(res.json().overall).toEqual({ enabled: true, score: 3.25, label: 'Effective' });
    expect(res.json().goals[0]).toMatchObject({ rating: 'partly_met', comment: '55%' });
    expect(res.json().summary).toBe('Draft');
  });

  it('completes: ratings become manager_review evidence; the person reflects and acknowledges with a response; a supervisor reopens', async () => {
    const db = t.database.db;
    const review = (await c.evaluator.get(`/api/performance/plans/${planId}/review`)).json();
    const done = await c.evaluator.post(`/api/performance/plans/${planId}/review/complete`, { version: review.plan.version });
    expect(done.statusCode).toBe(200);
    expect(done.json().plan.status).toBe('reviewed');
    const rows = await db
      .select()
      .from(evidence)
      .where(and(eq(evidence.personId, personId), eq(evidence.source, 'manager_review')));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.sourceId === planId)).toBe(true);
    const reflected = await put(c.person, `/api/performance/plans/${planId}/review/reflection`, {
      version: done.json().plan.version,
      personReflection: 'A good year',
    });
    expect(reflected.statusCode).toBe(200);
    const ack = await c.person.post(`/api/performance/plans/${planId}/review/acknowledge`, {
      version: reflected.json().plan.version,
      response: 'I see the second rating differently.',
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ plan: { status: 'acknowledged' }, acknowledgmentResponse: 'I see the second rating differently.' });
    const reopened = await c.evaluator.post(`/api/performance/plans/${planId}/review/reopen`, {
      version: ack.json().plan.version,
      reason: 'Typo in a rating',
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({
      plan: { status: 'signed' },
      acknowledgedAt: null,
      acknowledgmentResponse: null,
      reviewedAt: null,
    });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, planId), eq(auditLog.action, 'performance.review.reopen')));
    expect(audits).toHaveLength(1);
  });
});

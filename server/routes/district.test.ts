/**
 * Permission matrix: signed out -> 401; the district summary and coaching delivery -> HR and
 * district admins (coaches, leaders and teachers 403); only the caller's district is counted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { observations, outboxEmails, rosterImports } from '../db/schema/index.ts';
import { anonymous, useTestApp } from '../test/harness.ts';
import { coachingWorld, isoDaysFromNow, planBody, postOk, sessionBody, type CoachingWorld } from '../test/fixtures/coaching.ts';

const t = useTestApp();
let w: CoachingWorld;

beforeAll(async () => {
  w = await coachingWorld(t);
  const plan = await postOk(w.coach, '/api/coaching/plans', planBody([w.ids.coachee]));
  await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.coachee], { planId: plan.id }));
  await postOk(
    w.coach,
    '/api/coaching/logs',
    sessionBody([w.ids.coachee], { startsAt: new Date(Date.now() - 5 * 86_400_000).toISOString() }),
  );
  // A session of nobody's plan counts for no plan.
  await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.peer]));
  const type = await postOk(w.hr, '/api/observation-types', { name: 'Formal', kind: 'scored' });
  const base = {
    districtId: w.districtId,
    typeId: type.id,
    kind: 'scored',
    purpose: 'evaluation',
    observedPersonId: w.ids.coachee,
    observerPersonId: w.ids.leader,
    orgUnitId: w.schoolA,
  };
  await w.db.insert(observations).values([
    { ...base, status: 'published', revision: 1, observedOn: isoDaysFromNow(-10), feedbackDueOn: isoDaysFromNow(-3) },
    {
      ...base,
      status: 'published',
      revision: 1,
      acknowledgedRevision: 1,
      observedOn: isoDaysFromNow(-8),
      feedbackDueOn: isoDaysFromNow(-1),
      feedbackHeldAt: new Date(),
    },
    { ...base, status: 'draft', observedOn: isoDaysFromNow(-1) },
    // Outside the period asked for.
    { ...base, status: 'published', revision: 1, observedOn: isoDaysFromNow(-200) },
  ]);
  await w.db.insert(rosterImports).values({
    districtId: w.districtId,
    createdBy: w.ids.leader,
    status: 'failed',
    format: 'oneroster',
    mode: 'bulk',
    fileNames: [],
    parsed: {},
    report: {},
  });
  await w.db
    .insert(outboxEmails)
    .values({ districtId: w.districtId, toAddress: 'a@example.org', subject: 's', body: 'b', status: 'failed' });
});

const period = `from=${isoDaysFromNow(-30)}&to=${isoDaysFromNow(0)}`;

describe('district views', () => {
  it('answers 401 signed out and 403 to everyone but HR and district admins', async () => {
    for (const path of ['/api/district/summary', '/api/district/coaching-delivery']) {
      expect((await anonymous(t.app).get(path)).statusCode).toBe(401);
      for (const client of [w.coach, w.leader, w.coachee]) expect((await client.get(path)).statusCode).toBe(403);
      expect((await w.admin.get(path)).statusCode).toBe(200);
    }
  });

  it('counts coaching delivered against plans per coach and per school', async () => {
    const res = await w.hr.get(`/api/district/coaching-delivery?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.period).toMatchObject({ from: isoDaysFromNow(-30), to: isoDaysFromNow(0), termName: null });
    // 4 a month over 31 days: about 4 planned; 2 held for the plan (one linked, one with its member).
    expect(report.totals.plans).toBe(1);
    expect(report.totals.delivered).toBe(2);
    expect(report.totals.planned).toBeGreaterThan(3.5);
    expect(report.totals.planned).toBeLessThan(4.5);
    expect(report.totals.behind).toBe(1);
    expect(report.coaches).toHaveLength(1);
    expect(report.coaches[0]).toMatchObject({ coach: { id: w.ids.coach }, plans: 1, delivered: 2, behind: 1 });
    expect(report.schools).toEqual([
      expect.objectContaining({ school: expect.objectContaining({ id: w.schoolA }), plans: 1, delivered: 2 }),
    ]);
    // The other district sees none of it.
    expect((await w.outsider.get(`/api/district/coaching-delivery?${period}`)).json().totals).toEqual({
      plans: 0,
      planned: 0,
      delivered: 0,
      behind: 0,
    });
  });

  it('sums up observations of the period, coaching, failed imports and e-mail for the home page', async () => {
    const res = await w.hr.get(`/api/district/summary?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.observations).toEqual({ published: 2, drafts: 1, feedbackOverdue: 1, awaitingAcknowledgement: 1 });
    expect(s.coaching).toMatchObject({ plans: 1, delivered: 2, behind: 1 });
    expect(s.imports).toMatchObject({ latest: { status: 'failed' }, failedLast30Days: 1 });
    expect(s.outbox).toEqual({ failedLast30Days: 1, pending: 0 });
    const other = (await w.outsider.get(`/api/district/summary?${period}`)).json();
    expect(other.observations.published).toBe(0);
    expect(other.imports.latest).toBeNull();
  });

  it('filters the observation list by school and type for HR', async () => {
    const list = (await w.hr.get(`/api/observations?schoolId=${w.schoolA}&status=published`)).json();
    expect(list.total).toBe(3);
    expect((await w.hr.get(`/api/observations?schoolId=${w.schoolB}`)).json().total).toBe(0);
  });
});

/**
 * The district and school dashboards: every initiative side by side with its stage, driver health,
 * training, coaching, fidelity and outcomes; a school leader reads their own school only; a figure
 * under the minimum count reaches no response at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS } from '../../common/implementation.ts';
import { eq } from 'drizzle-orm';
import { dashboardInitiativeSummaries, trainingAttendance, trainingSessions } from '../db/schema/index.ts';
import { dashboardRefreshIdle } from '../services/dashboards/summary.ts';
import { buildFidelityAtSchool } from '../test/fixtures/implementation-stages.ts';
import { buildOutcomesWorld, csvOf, HEADER, SECRET_VALUE, type OutcomesWorld } from '../test/fixtures/outcomes.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: OutcomesWorld;
const as: Record<string, Client> = {};

interface Point {
  period: { label: string };
  value: number | null;
  count: number | null;
  suppressed: boolean;
}
const outcomePoints = (body: { initiatives: { id: string; outcomes: { key: string; points: Point[] }[] }[] }) =>
  body.initiatives.find((i) => i.id === w.initiative.id)!.outcomes.find((o) => o.key === 'reading_benchmark')!.points;

beforeAll(async () => {
  w = await buildOutcomesWorld(t.database.db);
  for (const role of ['hr', 'leaderA', 'leaderB', 'teamMemberA', 'districtMember'] as const) as[role] = await signIn(t.app, w[role].email);
  const checks = await buildFidelityAtSchool(t.database.db, w, w.schoolA.id, { teachers: 3, atFidelity: 2 });
  const [past, future] = await t.database.db
    .insert(trainingSessions)
    .values([
      {
        districtId: w.districtId,
        initiativeId: w.initiative.id,
        topic: 'Phonics routine',
        trainerName: 'Trainer',
        startsAt: new Date(Date.now() - 7 * 86_400_000),
      },
      {
        districtId: w.districtId,
        initiativeId: w.initiative.id,
        topic: 'Decodables',
        trainerName: 'Trainer',
        startsAt: new Date(Date.now() + 7 * 86_400_000),
      },
    ])
    .returning();
  void future;
  await t.database.db.insert(trainingAttendance).values([
    { districtId: w.districtId, sessionId: past!.id, personId: checks[0]!.personId, attended: true },
    { districtId: w.districtId, sessionId: past!.id, personId: checks[1]!.personId, attended: false },
  ]);
}, 60_000);

describe('district dashboard', () => {
  it('puts each initiative’s stage, drivers, training, coaching, fidelity and outcomes side by side', async () => {
    const res = await as.hr!.get('/api/dashboards/district');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const i = body.initiatives.find((x: { id: string }) => x.id === w.initiative.id);
    expect(i.stage).toMatchObject({ schools: 2, current: null, counts: { exploration: 2, installation: 0 } });
    expect(i.drivers.map((d: { driver: string }) => d.driver)).toEqual([...DRIVERS]);
    expect(i.training).toEqual({ sessions: 2, upcomingSessions: 1, marked: 2, trained: 1, attendancePct: 50 });
    expect(i.coaching).toMatchObject({ coached: 0, sessions: 0, perTeacher: null });
    expect(i.fidelity).toMatchObject({ people: 3, atFidelity: 2 });
    // Fall: school B's 7 students stay out of the sum; winter: both schools, weighted by students.
    expect(outcomePoints(body).map((p) => [p.period.label, p.value, p.count, p.suppressed])).toEqual([
      ['2025-26 Fall', 41.5, 40, false],
      ['2025-26 Winter', 55.57, 70, false],
    ]);
    expect(body.minCount).toBe(10);
    expect((await as.districtMember!.get('/api/dashboards/district')).statusCode).toBe(200);
  });
});

describe('district dashboard summaries', () => {
  it('reads stored figures “as of” their refresh, and refreshes stale ones in the background', async () => {
    const first = (await as.hr!.get('/api/dashboards/district')).json();
    const asOf = first.initiatives.find((x: { id: string }) => x.id === w.initiative.id).asOf;
    expect(asOf).toEqual(expect.any(String));
    await t.database.db.insert(trainingSessions).values({
      districtId: w.districtId,
      initiativeId: w.initiative.id,
      topic: 'Fluency',
      trainerName: 'Trainer',
      startsAt: new Date(Date.now() + 14 * 86_400_000),
    });
    const training = (body: { initiatives: { id: string; training: { sessions: number } }[] }) =>
      body.initiatives.find((x) => x.id === w.initiative.id)!.training.sessions;
    const stored = (await as.hr!.get('/api/dashboards/district')).json();
    expect(training(stored)).toBe(2);
    expect(stored.refreshing).toBe(0);
    await t.database.db
      .update(dashboardInitiativeSummaries)
      .set({ refreshedAt: new Date(Date.now() - 60 * 60_000) })
      .where(eq(dashboardInitiativeSummaries.initiativeId, w.initiative.id));
    const stale = (await as.hr!.get('/api/dashboards/district')).json();
    expect(stale.refreshing).toBe(1);
    expect(training(stale)).toBe(2);
    await dashboardRefreshIdle(t.database.forDistrict(w.districtId), w.districtId);
    const fresh = (await as.hr!.get('/api/dashboards/district')).json();
    expect(training(fresh)).toBe(3);
    expect(fresh.refreshing).toBe(0);
  });

  it('an import reaches the stored outcomes at once', async () => {
    await as.hr!.get('/api/dashboards/district');
    const csv = csvOf([HEADER, ['reading_benchmark', '2025-26 Spring', '2026-04-01', '2026-06-12', 'Alder Elementary', '', '58', '39']]);
    const imported = await as.hr!.post('/api/outcomes/import', { dryRun: false, csv });
    expect(imported.statusCode, imported.body).toBe(200);
    const body = (await as.hr!.get('/api/dashboards/district')).json();
    expect(outcomePoints(body).at(-1)).toMatchObject({ period: { label: '2025-26 Spring' }, value: 58, count: 39, suppressed: false });
    expect(body.refreshing).toBe(0);
  });
});

describe('school dashboard', () => {
  it('holds the school’s own figures and no other school’s, with the small cell suppressed', async () => {
    const res = await as.leaderB!.get(`/api/dashboards/schools/${w.schoolB.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.school).toEqual({ id: w.schoolB.id, name: 'Birch Elementary' });
    expect(outcomePoints(body).map((p) => [p.period.label, p.value, p.count, p.suppressed])).toEqual([
      ['2025-26 Fall', null, null, true],
      ['2025-26 Winter', 60, 30, false],
    ]);
    const i = body.initiatives.find((x: { id: string }) => x.id === w.initiative.id);
    expect(i.stage).toMatchObject({ schools: 1, current: 'exploration' });
    expect(i.fidelity).toMatchObject({ people: 0, atFidelity: 0 });
    expect(res.body).not.toContain('Alder');
    const a = await as.teamMemberA!.get(`/api/dashboards/schools/${w.schoolA.id}`);
    expect(a.statusCode).toBe(200);
    expect(a.json().initiatives[0].fidelity).toMatchObject({ people: 3, atFidelity: 2 });
    expect(a.body).not.toContain('Birch');
  });

  it('a school leader asking for another school’s dashboard or values is refused', async () => {
    expect((await as.leaderA!.get(`/api/dashboards/schools/${w.schoolB.id}`)).statusCode).toBe(403);
    expect((await as.leaderA!.get(`/api/outcomes/measures/${w.measure.id}/values?orgUnitId=${w.schoolB.id}`)).statusCode).toBe(403);
    expect((await as.leaderA!.get(`/api/outcomes/measures/${w.measure.id}/values`)).statusCode).toBe(403);
  });
});

describe('small groups', () => {
  it('a count under the minimum is in no response', async () => {
    const urls = [
      '/api/dashboards/district',
      `/api/dashboards/schools/${w.schoolB.id}`,
      `/api/outcomes/measures/${w.measure.id}/values`,
      `/api/outcomes/measures/${w.measure.id}/values?orgUnitId=${w.schoolB.id}`,
      '/api/outcomes/measures',
    ];
    for (const url of urls) {
      const res = await as.hr!.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(String(SECRET_VALUE));
    }
    const values = (await as.hr!.get(`/api/outcomes/measures/${w.measure.id}/values`)).json();
    const birch = values.schools.find((s: { orgUnitId: string }) => s.orgUnitId === w.schoolB.id);
    expect(birch.figures.find((f: { periodId: string }) => f.periodId === w.fall.id)).toEqual({
      periodId: w.fall.id,
      value: null,
      count: null,
      suppressed: true,
    });
  });

  it('a district that raises its minimum hides the cells under it everywhere, sums included', async () => {
    const settings = (await as.hr!.get('/api/outcomes/settings')).json();
    const saved = await as.hr!.request('PUT', '/api/outcomes/settings', {
      version: settings.version,
      minCount: 45,
      perTeacherAllowed: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // Stored outcomes were rewritten under the new minimum with the setting.
    const [summary] = await t.database.db
      .select()
      .from(dashboardInitiativeSummaries)
      .where(eq(dashboardInitiativeSummaries.initiativeId, w.initiative.id));
    expect((summary!.figures as { minCount: number }).minCount).toBe(45);
    expect(JSON.stringify(summary!.figures)).not.toContain('41.5');
    const body = (await as.hr!.get('/api/dashboards/district')).json();
    expect(outcomePoints(body).map((p) => [p.period.label, p.value, p.count, p.suppressed])).toEqual([
      ['2025-26 Fall', null, null, true],
      ['2025-26 Winter', null, null, true],
      ['2025-26 Spring', null, null, true],
    ]);
    const values = (await as.hr!.get(`/api/outcomes/measures/${w.measure.id}/values`)).json();
    expect(values.schools.flatMap((s: { figures: { suppressed: boolean }[] }) => s.figures.map((f) => f.suppressed))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    await as.hr!.request('PUT', '/api/outcomes/settings', { version: saved.json().version, minCount: 10, perTeacherAllowed: false });
  });
});

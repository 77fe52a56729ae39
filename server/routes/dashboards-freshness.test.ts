/**
 * The district dashboard reads stored summaries, yet the read after a change shows it: a stage
 * move, a fidelity check scored, a training session and its attendance, a coaching session held and
 * an outcome import each mark (or rewrite) the initiative's summary, and the next read computes a
 * marked one afresh. No timers: every read here is the one right after the write.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardInitiativeSummaries, initiativeCoaching, initiativeMeasures, outcomeMeasures } from '../db/schema/index.ts';
import { dashboardScope } from '../services/dashboards/scope.ts';
import { refreshInitiativeSummary, storedSummaries } from '../services/dashboards/summary.ts';
import { sessionBody as coachingSessionBody } from '../test/fixtures/coaching.ts';
import { sessionBody as trainingSessionBody } from '../test/fixtures/drivers.ts';
import { buildFidelityWorld, type FidelityWorld } from '../test/fixtures/fidelity.ts';
import { csvOf, HEADER } from '../test/fixtures/outcomes.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: FidelityWorld;
const as: Record<string, Client> = {};
const db = () => t.database.db;

interface Figures {
  id: string;
  asOf: string;
  stage: { counts: Record<string, number> };
  training: { sessions: number; trained: number; marked: number };
  coaching: { coached: number; sessions: number };
  fidelity: { people: number; atFidelity: number; components: { points: { checks: number }[] }[] };
  outcomes: { key: string; points: { period: { label: string }; value: number | null }[] }[];
}

/** The initiative on the district dashboard as HR reads it now. */
async function dashboard(): Promise<Figures> {
  const res = await as.hr!.get('/api/dashboards/district');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { initiatives: Figures[] }).initiatives.find((i) => i.id === w.initiative.id)!;
}

/** Reads twice: the second read is served from the stored summary, unchanged. */
async function stored(): Promise<Figures> {
  const first = await dashboard();
  const again = await dashboard();
  expect(again.asOf).toBe(first.asOf);
  return again;
}

const staleMark = async () =>
  (
    await db()
      .select({ staleSince: dashboardInitiativeSummaries.staleSince, refreshedAt: dashboardInitiativeSummaries.refreshedAt })
      .from(dashboardInitiativeSummaries)
      .where(eq(dashboardInitiativeSummaries.initiativeId, w.initiative.id))
  )[0]!;

beforeAll(async () => {
  w = await buildFidelityWorld(db());
  for (const role of ['hr', 'schoolTeamMember', 'principal', 'caseloadCoach'] as const) as[role] = await signIn(t.app, w[role].email);
  // The caseload coach also coaches the teacher on the initiative, so their sessions count as dosage.
  await db().insert(initiativeCoaching).values({
    districtId: w.districtId,
    initiativeId: w.initiative.id,
    coachPersonId: w.caseloadCoach.personId,
    personId: w.teacher.personId,
    startsOn: '2020-01-01',
  });
  const [measure] = await db()
    .insert(outcomeMeasures)
    .values({ districtId: w.districtId, key: 'reading_benchmark', name: 'Reading benchmark', unit: '%', higherIsBetter: true })
    .returning();
  await db().insert(initiativeMeasures).values({ districtId: w.districtId, initiativeId: w.initiative.id, measureId: measure!.id });
}, 60_000);

describe('the district dashboard after a change', () => {
  it('a stage move: the next read counts the school at its new stage', async () => {
    const before = await stored();
    expect(before.stage.counts).toMatchObject({ exploration: 2, installation: 0 });
    const base = `/api/initiatives/${w.initiative.id}/stages/${w.schoolA.id}`;
    const stage = (await as.principal!.get(base)).json();
    const moved = await as.principal!.post(`${base}/move`, { toStage: 'installation', evidence: 'Team formed', version: stage.version });
    expect(moved.statusCode, moved.body).toBe(200);
    const mark = await staleMark();
    expect(mark.staleSince!.getTime()).toBeGreaterThanOrEqual(mark.refreshedAt.getTime());
    const after = await dashboard();
    expect(after.stage.counts).toMatchObject({ exploration: 1, installation: 1 });
    expect(after.asOf).not.toBe(before.asOf);
    // Computed afresh once: the read after that is served from the stored summary again.
    expect((await dashboard()).asOf).toBe(after.asOf);
  });

  it('a fidelity check scored: the next read counts the person and the component scores', async () => {
    const before = await stored();
    expect(before.fidelity.people).toBe(0);
    const check = await as.schoolTeamMember!.post(`/api/initiatives/${w.initiative.id}/fidelity/checks`, {
      observedPersonId: w.teacher.personId,
    });
    expect(check.statusCode, check.body).toBe(201);
    const { observationId } = check.json();
    const obs = (await as.schoolTeamMember!.get(`/api/observations/${observationId}`)).json();
    const put = await as.schoolTeamMember!.request('PUT', `/api/observations/${observationId}/draft`, {
      version: obs.version,
      scores: w.tool.criteria.map((c) => ({ criterionId: c.id, scaleLevelId: w.tool.levels[0]!.id })),
    });
    expect(put.statusCode, put.body).toBe(200);
    const published = await as.schoolTeamMember!.post(`/api/observations/${observationId}/publish`, { version: put.json().version });
    expect(published.statusCode, published.body).toBe(200);
    const after = await dashboard();
    expect(after.fidelity).toMatchObject({ people: 1, atFidelity: 1 });
    expect(after.fidelity.components.flatMap((c) => c.points.map((p) => p.checks))).toEqual(w.tool.criteria.map(() => 1));
  });

  it('a training session, then its attendance: each next read shows it', async () => {
    const before = await stored();
    const sessions = `/api/initiatives/${w.initiative.id}/training-sessions`;
    const created = await as.hr!.post(sessions, trainingSessionBody([new Date(Date.now() - 86_400_000).toISOString()]));
    expect(created.statusCode, created.body).toBe(201);
    const scheduled = await dashboard();
    expect(scheduled.training.sessions).toBe(before.training.sessions + 1);
    expect(scheduled.training.trained).toBe(0);
    await stored();
    const sessionId = created.json().items[0].id;
    const marked = await as.principal!.post(`${sessions}/${sessionId}/attendance`, { personIds: [w.teacher.personId] });
    expect(marked.statusCode, marked.body).toBe(200);
    expect((await dashboard()).training).toMatchObject({ marked: 1, trained: 1 });
  });

  it('a coaching session held: the next read counts it as dosage', async () => {
    const before = await stored();
    expect(before.coaching).toMatchObject({ coached: 1, sessions: 0 });
    const logged = await as.caseloadCoach!.post('/api/coaching/logs', coachingSessionBody([w.teacher.personId]));
    expect(logged.statusCode, logged.body).toBe(201);
    expect((await dashboard()).coaching).toMatchObject({ coached: 1, sessions: 1 });
    await stored();
    // Cancelled after all: no longer dosage, at the next read.
    const log = logged.json();
    const cancelled = await as.caseloadCoach!.request('PATCH', `/api/coaching/logs/${log.id}`, {
      version: log.version,
      status: 'cancelled',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await dashboard()).coaching).toMatchObject({ sessions: 0 });
  });

  it('outcome values imported: the next read shows the period', async () => {
    const before = await stored();
    expect(before.outcomes.find((o) => o.key === 'reading_benchmark')!.points).toEqual([]);
    const csv = csvOf([HEADER, ['reading_benchmark', '2026-27 Fall', '2026-08-15', '2026-12-18', 'School A', '', '47.5', '31']]);
    const imported = await as.hr!.post('/api/outcomes/import', { dryRun: false, csv });
    expect(imported.statusCode, imported.body).toBe(200);
    const points = (await dashboard()).outcomes.find((o) => o.key === 'reading_benchmark')!.points;
    expect(points).toMatchObject([{ period: { label: '2026-27 Fall' }, value: 47.5 }]);
  });
});

describe('refreshes that overlap a change', () => {
  const tenant = () => t.database.forDistrict(w.districtId);
  const summaryOf = async () => (await storedSummaries(tenant(), w.districtId)).find((i) => i.id === w.initiative.id)!;

  it('a change marked after a refresh began keeps the summary stale (the next read computes it again)', async () => {
    await stored();
    // A mark later than any refresh now beginning: as a write committing while the refresh reads.
    await db().execute(sql`update dashboard_initiative_summaries set stale_since = clock_timestamp() + interval '1 hour'
      where dashboard_initiative_summaries.initiative_id = ${w.initiative.id}`);
    await refreshInitiativeSummary(tenant(), await dashboardScope(tenant(), w.districtId), w.initiative.id);
    expect((await summaryOf()).stale).toBe(true);
    await db().execute(sql`update dashboard_initiative_summaries set stale_since = null
      where dashboard_initiative_summaries.initiative_id = ${w.initiative.id}`);
    expect((await summaryOf()).stale).toBe(false);
  });

  it('a refresh that began before the stored one never overwrites it', async () => {
    const later = new Date(Date.now() + 60 * 60_000);
    await db()
      .update(dashboardInitiativeSummaries)
      .set({ refreshedAt: later, figures: sql`jsonb_set(${dashboardInitiativeSummaries.figures}, '{training,sessions}', '99')` })
      .where(eq(dashboardInitiativeSummaries.initiativeId, w.initiative.id));
    await refreshInitiativeSummary(tenant(), await dashboardScope(tenant(), w.districtId), w.initiative.id);
    const kept = await summaryOf();
    expect(kept.refreshedAt!.getTime()).toBe(later.getTime());
    expect(kept.figures!.training.sessions).toBe(99);
  });
});

/**
 * The audit log keeps only what its reader may see of a record (issue 10, finding 3): a district
 * admin reads coaching sessions and cycles as a summary and never reads another person's draft
 * observation, so their audit rows carry "redacted" markers (with lengths and whether the field
 * changed) instead of notes, next steps, ratings, goals, outcomes, glows and grows.
 * Permission matrix of GET /api/audit: server/routes/people.test.ts (history) and
 * server/routes/authz-matrix.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildObservationWorld } from '../test/fixtures/observations.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';
import { coachingWorld, postOk, sessionBody, type CoachingWorld } from '../test/fixtures/coaching.ts';

const t = useTestApp();
const SECRET = [
  'Modeled turn-and-talk',
  'Try it in period 3',
  'Every student answers',
  'Rewrote the notes in private',
  'Half the class got there',
  'Quiet glow',
  'Private grow',
];

async function auditOf(admin: Client, entityType: string) {
  const res = await admin.get(`/api/audit?entityType=${entityType}&limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    action: string;
    entityId: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
}

describe('coaching records in the audit log', () => {
  let w: CoachingWorld;
  let log: { id: string; version: number };
  let cycle: { id: string; version: number };

  beforeAll(async () => {
    w = await coachingWorld(t);
    cycle = await postOk(w.coach, '/api/coaching/cycles', {
      coacheeId: w.ids.coachee,
      goal: 'Every student answers a check for understanding',
    });
    log = await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.coachee], { cycleId: cycle.id }));
    const edited = await w.coach.patch(`/api/coaching/logs/${log.id}`, { version: log.version, notes: 'Rewrote the notes in private' });
    expect(edited.statusCode, edited.body).toBe(200);
    await postOk(w.coachee, `/api/coaching/logs/${log.id}/rating`, { helpfulness: 2 }, 200);
    const done = await w.coach.patch(`/api/coaching/cycles/${cycle.id}`, { version: cycle.version, outcome: 'Half the class got there' });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('the admin reads the session as a summary (the rule the audit log follows)', async () => {
    const view = (await w.admin.get(`/api/coaching/logs/${log.id}`)).json();
    expect(view.view).toBe('summary');
    expect(view).not.toHaveProperty('notes');
  });

  it('GET /api/audit?entityType=coaching_log shows no notes, next steps or ratings; it says what changed', async () => {
    const rows = await auditOf(w.admin, 'coaching_log');
    const mine = rows.filter((r) => r.entityId === log.id);
    expect(mine.map((r) => r.action).sort()).toEqual(['coaching_log.create', 'coaching_log.rate', 'coaching_log.update']);
    const text = JSON.stringify(mine);
    for (const secret of SECRET) expect(text).not.toContain(secret);
    const update = mine.find((r) => r.action === 'coaching_log.update')!;
    expect(update.after!.notes).toEqual({ redacted: true, length: 'Rewrote the notes in private'.length, changed: true });
    expect(update.after!.nextSteps).toEqual({ redacted: true, length: 'Try it in period 3.'.length, changed: false });
    expect(update.after!.durationMinutes).toBe(45);
    const rate = mine.find((r) => r.action === 'coaching_log.rate')!;
    expect(rate.after!.helpfulness).toEqual({ redacted: true, changed: true });
  });

  it('GET /api/audit?entityType=coaching_cycle shows no goal or outcome', async () => {
    const rows = (await auditOf(w.admin, 'coaching_cycle')).filter((r) => r.entityId === cycle.id);
    expect(rows).toHaveLength(2);
    const text = JSON.stringify(rows);
    for (const secret of SECRET) expect(text).not.toContain(secret);
    expect(rows.find((r) => r.after?.outcome)!.after!.outcome).toMatchObject({ redacted: true, changed: true });
  });
});

describe('draft observations in the audit log', () => {
  it('a discarded draft’s glows and grows never reach the admin', async () => {
    const w = await buildObservationWorld(t.database.db);
    const leader = await signIn(t.app, w.leader.email);
    const admin = await signIn(t.app, w.admin.email);
    const obs = await postOk(leader, '/api/observations', {
      typeId: w.fixture.scoredTypeId,
      observedPersonId: w.teacher.personId,
      observedOn: '2026-11-10',
    });
    const saved = await leader.request('PUT', `/api/observations/${obs.id}/draft`, {
      version: obs.version,
      glows: 'Quiet glow',
      grows: 'Private grow',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const discarded = await leader.request('DELETE', `/api/observations/${obs.id}?version=${saved.json().version}`);
    expect(discarded.statusCode, discarded.body).toBeLessThan(300);
    const rows = (await auditOf(admin, 'observation')).filter((r) => r.entityId === obs.id);
    expect(rows.map((r) => r.action)).toContain('observation.discard');
    const text = JSON.stringify(rows);
    for (const secret of SECRET) expect(text).not.toContain(secret);
    expect(rows.find((r) => r.action === 'observation.discard')!.before!.glows).toEqual({ redacted: true, length: 'Quiet glow'.length });
  });
});

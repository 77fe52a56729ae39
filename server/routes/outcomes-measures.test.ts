/**
 * Outcome measures: created and edited by HR with the initiatives that watch them; a key used twice,
 * an initiative of another district or a bad key answers 400 naming the field; a stale version 409
 * with the current measure; every write audited.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, initiatives } from '../db/schema/index.ts';
import { buildOutcomesWorld, type OutcomesWorld } from '../test/fixtures/outcomes.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: OutcomesWorld;
let hr: Client;

beforeAll(async () => {
  w = await buildOutcomesWorld(t.database.db);
  hr = await signIn(t.app, w.hr.email);
}, 60_000);

describe('outcome measures', () => {
  it('creates a measure tied to an initiative, lists it, edits it, and audits both', async () => {
    const created = await hr.post('/api/outcomes/measures', {
      key: 'attendance_rate',
      name: 'Attendance rate',
      unit: '%',
      initiativeIds: [w.initiative.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({ key: 'attendance_rate', higherIsBetter: true, initiativeIds: [w.initiative.id], version: 1 });
    const list = (await hr.get('/api/outcomes/measures')).json();
    expect(list.items.map((x: { key: string }) => x.key).sort()).toEqual(['attendance_rate', 'reading_benchmark']);
    expect(list.settings).toEqual({ minCount: 10, perTeacherAllowed: false, version: 1 });
    const edited = await hr.patch(`/api/outcomes/measures/${m.id}`, {
      version: 1,
      key: 'attendance_rate',
      name: 'Daily attendance',
      initiativeIds: [],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Daily attendance', initiativeIds: [], version: 2 });
    const stale = await hr.patch(`/api/outcomes/measures/${m.id}`, { version: 1, key: 'attendance_rate', name: 'Late' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ name: 'Daily attendance', version: 2 });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, w.districtId), eq(auditLog.entityId, m.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['outcome_measure.create', 'outcome_measure.update']);
  });

  it('refuses a key used twice, a bad key and another district’s initiative, naming the field', async () => {
    const dup = await hr.post('/api/outcomes/measures', { key: 'reading_benchmark', name: 'Again' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details[0].path).toBe('key');
    const bad = await hr.post('/api/outcomes/measures', { key: 'has spaces', name: 'Bad' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('key');
    const [foreign] = await t.database.db.insert(initiatives).values({ districtId: w.outsider.districtId, name: 'Elsewhere' }).returning();
    const cross = await hr.post('/api/outcomes/measures', { key: 'x1', name: 'Cross', initiativeIds: [foreign!.id] });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error.details[0].path).toBe('initiativeIds');
  });
});

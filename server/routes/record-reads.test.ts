/**
 * Permission matrix: GET /api/me/record-reads -> 401 signed out; every signed-in user reads only
 * the reads of records about themselves (another person's or another district's never appear), so
 * roles do not apply. And "who viewed my record": reads by others are logged (who, what, when,
 * never the content), the person's own reads are not, repeats in one window count once.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildObservationWorld } from '../test/fixtures/observations.ts';
import { coachingWorld, postOk, sessionBody, type CoachingWorld } from '../test/fixtures/coaching.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildObservationWorld>>;
const as: Record<string, Client> = {};
let observationId = '';

type Read = { reader: { id: string; name: string }; entityType: string; entityId: string; at: string };
const readsOf = async (client: Client, query = ''): Promise<{ items: Read[]; nextCursor: string | null }> => {
  const res = await client.get(`/api/me/record-reads${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  w = await buildObservationWorld(t.database.db);
  for (const key of ['teacher', 'otherTeacher', 'leader', 'hr', 'admin', 'outsider'] as const) as[key] = await signIn(t.app, w[key].email);
  const started = await as.leader!.post('/api/observations', {
    observedOn: '2026-11-10',
    typeId: w.fixture.walkthroughTypeId,
    observedPersonId: w.teacher.personId,
  });
  expect(started.statusCode, started.body).toBe(201);
  observationId = started.json().id;
  const published = await as.leader!.post(`/api/observations/${observationId}/publish`, { version: started.json().version });
  expect(published.statusCode, published.body).toBe(200);
}, 60_000);

describe('who viewed my record', () => {
  it('answers 401 signed out', async () => {
    expect((await anonymous(t.app).get('/api/me/record-reads')).statusCode).toBe(401);
  });

  it("lists others' reads of my person page and observation, once per window, never my own", async () => {
    const before = (await readsOf(as.teacher!)).items.length;
    expect((await as.hr!.get(`/api/people/${w.teacher.personId}`)).statusCode).toBe(200);
    expect((await as.hr!.get(`/api/people/${w.teacher.personId}`)).statusCode).toBe(200);
    expect((await as.leader!.get(`/api/observations/${observationId}`)).statusCode).toBe(200);
    expect((await as.teacher!.get(`/api/observations/${observationId}`)).statusCode).toBe(200);
    expect((await as.teacher!.get(`/api/people/${w.teacher.personId}`)).statusCode).toBe(200);

    const items = (await readsOf(as.teacher!)).items;
    expect(items).toHaveLength(before + 2);
    const byKind = Object.fromEntries(items.map((i) => [i.entityType, i]));
    expect(byKind.person).toMatchObject({ entityId: w.teacher.personId, reader: { id: w.hr.personId } });
    expect(byKind.observation).toMatchObject({ entityId: observationId, reader: { id: w.leader.personId } });
    expect(items.some((i) => i.reader.id === w.teacher.personId)).toBe(false);
    // What was read is named, never its content.
    expect(JSON.stringify(items)).not.toMatch(/glows|notes|scores/);
  });

  it("never shows another person's or another district's reads", async () => {
    expect((await as.hr!.get(`/api/people/${w.otherTeacher.personId}`)).statusCode).toBe(200);
    const mine = (await readsOf(as.teacher!)).items;
    expect(mine.some((i) => i.entityId === w.otherTeacher.personId)).toBe(false);
    expect((await readsOf(as.otherTeacher!)).items.some((i) => i.entityId === w.otherTeacher.personId)).toBe(true);
    expect((await readsOf(as.outsider!)).items).toHaveLength(0);
    // A read refused (another district) logs nothing.
    expect((await as.outsider!.get(`/api/people/${w.teacher.personId}`)).statusCode).toBe(404);
    expect((await readsOf(as.teacher!)).items.some((i) => i.reader.id === w.outsider.personId)).toBe(false);
  });

  it('pages newest first without losing a row at a page boundary', async () => {
    const db = t.database.db;
    // Ten reads a microsecond apart, and two that share a timestamp: a millisecond cursor would drop some.
    await db.execute(sql`insert into record_reads (district_id, subject_person_id, reader_user_id, reader_person_id, entity_type, entity_id, at, "window")
      select ${w.districtId}, ${w.otherTeacher.personId}, ${w.admin.id}, ${w.admin.personId}, 'action_step', gen_random_uuid(),
             timestamptz '2026-01-01 10:00:00' + make_interval(secs => (g / 2) * 0.000001), timestamptz '2026-01-01 10:00:00' + make_interval(mins => g)
      from generate_series(1, 12) g`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await readsOf(as.otherTeacher!, `?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.filter((i) => i.entityType === 'action_step').map((i) => i.entityId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(12);
    expect((await as.otherTeacher!.get('/api/me/record-reads?cursor=not-a-cursor')).statusCode).toBe(400);
  });
});

describe('reads of coaching records', () => {
  let c: CoachingWorld;
  beforeAll(async () => {
    c = await coachingWorld(t);
  }, 60_000);

  it("logs the coach's read of a session for each coachee in it, and the plan and summary reads", async () => {
    const log = await postOk(c.coach, '/api/coaching/logs', sessionBody([c.ids.coachee, c.ids.peer]));
    expect((await c.coach.get(`/api/coaching/logs/${log.id}`)).statusCode).toBe(200);
    expect((await c.leader.get(`/api/coaching/people/${c.ids.coachee}/summary`)).statusCode).toBe(200);
    for (const coachee of [c.coachee, c.peer]) {
      const items = (await readsOf(coachee)).items;
      expect(items.find((i) => i.entityType === 'coaching_log')).toMatchObject({ entityId: log.id, reader: { id: c.ids.coach } });
    }
    expect((await readsOf(c.coachee)).items.find((i) => i.entityType === 'coaching_summary')).toMatchObject({
      reader: { id: c.ids.leader },
    });
    // The coach reading the session is not a read of a record about the coach.
    expect((await readsOf(c.coach)).items.some((i) => i.entityType === 'coaching_log')).toBe(false);
  });
});

describe('reading the audit log is audited', () => {
  it('records who read it and with which filters', async () => {
    expect((await as.admin!.get(`/api/audit?entityType=person`)).statusCode).toBe(200);
    const latest = (await as.admin!.get('/api/audit?action=audit.read&limit=5')).json().items;
    expect(latest[0]).toMatchObject({ action: 'audit.read', actor: { id: w.admin.id }, after: { filters: { entityType: 'person' } } });
    expect((await as.admin!.get(`/api/people/${w.teacher.personId}/history`)).statusCode).toBe(200);
    const history = (await as.admin!.get(`/api/audit?action=audit.read_person_history&entityId=${w.teacher.personId}`)).json().items;
    expect(history).toHaveLength(1);
  });

  it("keeps no id in that record that matched nothing of the district (another district's, or made up)", async () => {
    const foreign = w.outsider.personId;
    expect((await as.admin!.get(`/api/audit?entityId=${foreign}&actorUserId=${w.outsider.id}`)).json().items).toEqual([]);
    const latest = (await as.admin!.get('/api/audit?action=audit.read&limit=1')).json().items[0];
    expect(latest.after.filters).toEqual({ entityId: 'unmatched', actorUserId: 'unmatched' });
    expect(JSON.stringify(latest)).not.toContain(foreign);
  });
});

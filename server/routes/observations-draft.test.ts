/**
 * Writing observations: draft saves (rubric and scale checks, limits, two editors, an offline edit
 * arriving after publishing), publishing (feedback due in school days, evidence, latest levels,
 * notifications), revising a published observation, acknowledgement, replies, feedback, discard.
 * Permission matrix of these endpoints: server/routes/observations.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { competencyLatest, evidence, nonSchoolDays, notifications, observationNotes } from '../db/schema/index.ts';
import { buildObservationWorld } from '../test/fixtures/observations.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildObservationWorld>>;
let leader: Client;
let leader2: Client;
let teacher: Client;

beforeAll(async () => {
  w = await buildObservationWorld(t.database.db);
  leader = await signIn(t.app, w.leader.email);
  leader2 = await signIn(t.app, w.leader2.email);
  teacher = await signIn(t.app, w.teacher.email);
  // Veterans Day: not a school day.
  await t.database.db.insert(nonSchoolDays).values({ districtId: w.districtId, day: '2026-11-11', kind: 'holiday', label: 'Veterans Day' });
}, 60_000);

async function start(body: Record<string, unknown> = {}, client = leader) {
  const res = await client.post('/api/observations', {
    typeId: w.fixture.scoredTypeId,
    observedPersonId: w.teacher.personId,
    observedOn: '2026-11-10',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

const put = (id: string, body: unknown, client = leader) => client.request('PUT', `/api/observations/${id}/draft`, body);
const note = (body: string, itemId: string | null = null) => ({ id: randomUUID(), notedAt: '2026-11-10T14:05:00Z', body, itemId });
const level = (i: number) => w.fixture.levels[i]!.id;
const criterion = (i: number) => w.fixture.criteria[i]!.id;

async function notificationsOf(personId: string, kind: string, entityId: string) {
  return t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, personId), eq(notifications.kind, kind), eq(notifications.entityId, entityId)));
}

describe('draft save', () => {
  it('saves notes, scores citing notes, glows and grows, and bumps the version', async () => {
    const obs = await start();
    const notes = [note('Students in pairs', w.fixture.criteria[0]!.itemId), note('Exit ticket')];
    const res = await put(obs.id, {
      version: obs.version,
      notes,
      scores: [{ criterionId: criterion(0), scaleLevelId: level(1), comment: 'Solid', citedNoteIds: [notes[0]!.id] }],
      glows: 'Routines',
      grows: 'Questioning',
      durationMinutes: 40,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(obs.version + 1);
    const view = (await leader.get(`/api/observations/${obs.id}`)).json();
    expect(view.notes.map((n: { body: string }) => n.body)).toEqual(['Students in pairs', 'Exit ticket']);
    expect(view.scores[0]).toMatchObject({
      criterionId: criterion(0),
      itemId: w.fixture.criteria[0]!.itemId,
      scaleLevelId: level(1),
      levelScore: 3,
      citedNoteIds: [notes[0]!.id],
    });
    expect(view).toMatchObject({ glows: 'Routines', grows: 'Questioning', durationMinutes: 40 });
    // A later save without notes leaves them; one with notes replaces them.
    const again = await put(obs.id, { version: obs.version + 1, glows: 'Routines!' });
    expect(again.statusCode).toBe(200);
    expect((await leader.get(`/api/observations/${obs.id}`)).json().notes).toHaveLength(2);
  });

  it('400 naming a competency that is not in the teacher’s rubric', async () => {
    const obs = await start();
    const outside = randomUUID();
    const res = await put(obs.id, { version: obs.version, scores: [{ criterionId: outside, scaleLevelId: level(0) }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('scores.0.criterionId');
    expect(res.json().error.message).toContain(outside);
  });

  it('400 for a level that is not on the rubric’s scale', async () => {
    const obs = await start();
    const res = await put(obs.id, { version: obs.version, scores: [{ criterionId: criterion(0), scaleLevelId: randomUUID() }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('scores.0.scaleLevelId');
    expect(res.json().error.message).toMatch(/not on the rubric's scale/);
  });

  it('400 for a note tagged with a competency outside the rubric, or citing an unknown note', async () => {
    const obs = await start();
    const tagged = await put(obs.id, { version: obs.version, notes: [note('x', w.fixture.outsideItemId)] });
    expect(tagged.statusCode).toBe(400);
    const cited = await put(obs.id, {
      version: obs.version,
      scores: [{ criterionId: criterion(0), scaleLevelId: level(0), citedNoteIds: [randomUUID()] }],
    });
    expect(cited.statusCode).toBe(400);
    expect(cited.json().error.details[0].path).toBe('scores.0.citedNoteIds');
  });

  it('400 with the limit in the message for a huge note; 413 for a 5 MB body', async () => {
    const obs = await start();
    const huge = await put(obs.id, { version: obs.version, notes: [note('x'.repeat(5_001))] });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.details[0]).toMatchObject({ path: 'notes.0.body' });
    expect(huge.json().error.details[0].message).toContain('5000 characters');
    // 2.5 MB of notes within the limits is accepted (the route allows 4 MB).
    const big = await put(obs.id, { version: obs.version, notes: Array.from({ length: 500 }, () => note('y'.repeat(5_000))) });
    expect(big.statusCode, big.body.slice(0, 300)).toBe(200);
    const body = JSON.stringify({ version: 2, glows: 'z'.repeat(5 * 1024 * 1024) });
    const tooBig = await leader.request('PUT', `/api/observations/${obs.id}/draft`, body, { 'content-type': 'application/json' });
    expect(tooBig.statusCode).toBe(413);
  });

  it('400 when a note id is already used by another observation (nothing saved)', async () => {
    const a = await start();
    const b = await start();
    const shared = note('mine');
    expect((await put(a.id, { version: a.version, notes: [shared] })).statusCode).toBe(200);
    const res = await put(b.id, { version: b.version, notes: [note('other'), shared] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('notes');
    expect((await leader.get(`/api/observations/${b.id}`)).json()).toMatchObject({ version: b.version, notes: [] });
  });

  it('the API document renders with the observation schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/observations/{id}/draft', '/api/action-steps/{id}']));
  });

  it('two people editing one draft: the second gets 409 with the current version', async () => {
    const obs = await start({ coObserverPersonId: w.leader2.personId });
    const first = await put(obs.id, { version: obs.version, notes: [note('Observer note')] });
    expect(first.statusCode).toBe(200);
    const second = await put(obs.id, { version: obs.version, notes: [note('Co-observer note')] }, leader2);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('conflict');
    const current = second.json().error.details.current;
    expect(current.version).toBe(first.json().version);
    expect(current.notes.map((n: { body: string }) => n.body)).toEqual(['Observer note']);
    // With the current version the co-observer's save goes through.
    expect((await put(obs.id, { version: current.version, notes: [...current.notes, note('Co-observer note')] }, leader2)).statusCode).toBe(
      200,
    );
  });

  it('an offline edit arriving after publishing: 409 invalid_state with the published observation; nothing lost', async () => {
    const obs = await start();
    const saved = await put(obs.id, {
      version: obs.version,
      notes: [note('Seen live')],
      scores: [{ criterionId: criterion(0), scaleLevelId: level(1) }],
    });
    const published = await leader.post(`/api/observations/${obs.id}/publish`, { version: saved.json().version });
    expect(published.statusCode).toBe(200);
    // The co-observer's phone was offline and sends its copy, based on the old version.
    const late = await put(obs.id, { version: saved.json().version, notes: [note('Seen live'), note('Typed offline')] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('invalid_state');
    expect(late.json().error.details.status).toBe('published');
    expect(late.json().error.details.observation.notes.map((n: { body: string }) => n.body)).toEqual(['Seen live']);
    const rows = await t.database.db.select().from(observationNotes).where(eq(observationNotes.observationId, obs.id));
    expect(rows.map((r) => r.body)).toEqual(['Seen live']);
  });
});

describe('publish and revise', () => {
  let id = '';

  it('publishes: revision 1, feedback due in school days, evidence, latest levels, the teacher told', async () => {
    const obs = await start();
    id = obs.id;
    const saved = await put(id, {
      version: obs.version,
      scores: [
        { criterionId: criterion(0), scaleLevelId: level(1) },
        { criterionId: criterion(1), scaleLevelId: level(2) },
      ],
    });
    const res = await leader.post(`/api/observations/${id}/publish`, {
      version: saved.json().version,
      feedbackMeetingAt: '2026-11-12T15:00:00Z',
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      status: 'published',
      revision: 1,
      feedbackDueOn: '2026-11-13',
      feedbackMeetingAt: '2026-11-12T15:00:00.000Z',
    });
    expect(view.revisions).toHaveLength(1);
    const rows = await t.database.db.select().from(evidence).where(eq(evidence.sourceId, id));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ source: 'observation', personId: w.teacher.personId });
    expect(rows.find((r) => r.itemId === w.fixture.criteria[1]!.itemId)).toMatchObject({ scaleLevelId: level(2), levelScore: 2 });
    expect(rows[0]!.observedAt.toISOString().slice(0, 10)).toBe('2026-11-10');
    const latest = await t.database.db.select().from(competencyLatest).where(eq(competencyLatest.observationId, id));
    expect(latest.map((l) => [l.itemId, l.purpose, l.proficient]).sort()).toEqual(
      [
        [w.fixture.criteria[0]!.itemId, 'evaluation', true],
        [w.fixture.criteria[1]!.itemId, 'evaluation', false],
      ].sort(),
    );
    expect(await notificationsOf(w.teacher.personId, 'observation_published', id)).toHaveLength(1);
    // Publishing twice: 409 invalid_state.
    expect((await leader.post(`/api/observations/${id}/publish`, { version: view.version })).json().error.code).toBe('invalid_state');
  });

  it('the teacher acknowledges and replies; the observer is told', async () => {
    expect((await teacher.post(`/api/observations/${id}/acknowledge`, { revision: 2 })).statusCode).toBe(409);
    const ack = await teacher.post(`/api/observations/${id}/acknowledge`, { revision: 1 });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ acknowledgedRevision: 1 });
    const reply = await teacher.post(`/api/observations/${id}/replies`, { body: 'Thanks, I will try cold calling.' });
    expect(reply.statusCode).toBe(201);
    expect(await notificationsOf(w.leader.personId, 'observation_reply', id)).toHaveLength(1);
    expect(await notificationsOf(w.leader.personId, 'observation_acknowledged', id)).toHaveLength(1);
    expect((await leader.post(`/api/observations/${id}/replies`, { body: 'Great' })).statusCode).toBe(201);
    expect(await notificationsOf(w.teacher.personId, 'observation_reply', id)).toHaveLength(1);
    expect((await teacher.post(`/api/observations/${id}/replies`, { body: 'r'.repeat(5_001) })).statusCode).toBe(400);
  });

  it('editing a published observation keeps a new revision, appends evidence and tells the teacher', async () => {
    const current = (await leader.get(`/api/observations/${id}`)).json();
    expect((await leader.post(`/api/observations/${id}/revise`, { version: current.version, reason: '' })).statusCode).toBe(400);
    const before = await t.database.db.select().from(evidence).where(eq(evidence.sourceId, id));
    const res = await leader.post(`/api/observations/${id}/revise`, {
      version: current.version,
      reason: 'Scored the wrong competency',
      scores: [
        { criterionId: criterion(0), scaleLevelId: level(1) },
        { criterionId: criterion(1), scaleLevelId: level(0) },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ revision: 2, acknowledgedAt: null, acknowledgedRevision: null });
    expect(view.revisions.map((r: { revision: number; reason: string | null }) => [r.revision, r.reason])).toEqual([
      [2, 'Scored the wrong competency'],
      [1, null],
    ]);
    const first = (await teacher.get(`/api/observations/${id}/revisions/1`)).json();
    expect(first.snapshot.scores.find((s: { criterionId: string }) => s.criterionId === criterion(1)).scaleLevelId).toBe(level(2));
    const after = await t.database.db.select().from(evidence).where(eq(evidence.sourceId, id));
    expect(after).toHaveLength(before.length + 1);
    for (const row of before) expect(after.find((a) => a.id === row.id)).toEqual(row);
    const [latest] = await t.database.db
      .select()
      .from(competencyLatest)
      .where(
        and(
          eq(competencyLatest.personId, w.teacher.personId),
          eq(competencyLatest.itemId, w.fixture.criteria[1]!.itemId),
          eq(competencyLatest.purpose, 'evaluation'),
        ),
      );
    expect(latest).toMatchObject({ scaleLevelId: level(0), proficient: true });
    const told = await notificationsOf(w.teacher.personId, 'observation_revised', id);
    expect(told).toHaveLength(1);
    expect(told[0]!.params).toMatchObject({ revision: 2, reason: 'Scored the wrong competency' });
    // A stale revise: 409 conflict.
    expect((await leader.post(`/api/observations/${id}/revise`, { version: current.version, reason: 'again' })).statusCode).toBe(409);
  });

  it('the evidence log is append-only', async () => {
    await expect(t.database.db.execute(sql`update evidence set level_score = 1 where source_id = ${id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from evidence where source_id = ${id}`)).rejects.toThrow();
  });

  it('the latest level stays the newest observed, whatever the publishing order', async () => {
    const older = await start({ observedOn: '2026-10-01' });
    const saved = await put(older.id, { version: older.version, scores: [{ criterionId: criterion(0), scaleLevelId: level(3) }] });
    expect((await leader.post(`/api/observations/${older.id}/publish`, { version: saved.json().version })).statusCode).toBe(200);
    const [latest] = await t.database.db
      .select()
      .from(competencyLatest)
      .where(
        and(
          eq(competencyLatest.personId, w.teacher.personId),
          eq(competencyLatest.itemId, w.fixture.criteria[0]!.itemId),
          eq(competencyLatest.purpose, 'evaluation'),
        ),
      );
    expect(latest!.observedOn).not.toBe('2026-10-01');
  });

  it('records the feedback meeting and that it was held', async () => {
    const scheduled = await leader.post(`/api/observations/${id}/feedback`, { feedbackMeetingAt: '2026-11-13T15:00:00Z' });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json().feedbackMeetingAt).toBe('2026-11-13T15:00:00.000Z');
    const held = await leader.post(`/api/observations/${id}/feedback`, { held: true });
    expect(held.json().feedbackHeldAt).not.toBeNull();
    expect(held.json().feedbackOverdue).toBe(false);
  });
});

describe('discard', () => {
  it('deletes a draft; a published observation cannot be discarded', async () => {
    const obs = await start();
    await put(obs.id, { version: obs.version, notes: [note('gone')] });
    expect((await leader.request('DELETE', `/api/observations/${obs.id}`)).statusCode).toBe(204);
    expect((await leader.get(`/api/observations/${obs.id}`)).statusCode).toBe(404);
    const published = (await leader.get('/api/observations?mine=made&status=published')).json().items[0];
    expect((await leader.request('DELETE', `/api/observations/${published.id}`)).statusCode).toBe(409);
  });
});

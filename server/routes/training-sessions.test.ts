/**
 * Training sessions: the same topic at several times, components from the profile only, 409 on a
 * stale version; attendance in bulk and by CSV (dry run, apply, the same file again changes
 * nothing), people of another district refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDriverWorld, sessionBody, type DriverWorld } from '../test/fixtures/drivers.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: DriverWorld;
let hr: Client;
let leader: Client;

const base = () => `/api/initiatives/${w.initiative.id}/training-sessions`;

beforeAll(async () => {
  w = await buildDriverWorld(t.database.db);
  hr = await signIn(t.app, w.hr.email!);
  leader = await signIn(t.app, w.leader.email!);
}, 60_000);

describe('sessions', () => {
  it('creates one session per time, on a component of the profile, listed in time order', async () => {
    const res = await hr.post(
      base(),
      sessionBody(['2026-09-15T22:00:00Z', '2026-09-14T14:00:00Z', '2026-09-14T14:00:00.000Z'], { itemId: w.profile.competencies[0]!.id }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items).toHaveLength(2);
    const list = (await hr.get(base())).json();
    expect(list.items.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2026-09-14T14:00:00.000Z', '2026-09-15T22:00:00.000Z']);
    expect(list.items[0].item).toMatchObject({ id: w.profile.competencies[0]!.id, code: '1a' });
    expect(list.abilities.manageTraining).toBe(true);
  });

  it('refuses a component outside the practice profile and an empty topic, naming the field', async () => {
    let res = await hr.post(base(), sessionBody(['2026-09-20T14:00:00Z'], { itemId: w.otherFramework.competencies[0]!.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('itemId');
    res = await hr.post(base(), sessionBody(['2026-09-20T14:00:00Z'], { topic: ' ' }));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('topic');
    res = await hr.post(base(), sessionBody([]));
    expect(res.statusCode).toBe(400);
  });

  it('an edit with a stale version answers 409 with the current session', async () => {
    const [session] = (await hr.post(base(), sessionBody(['2026-10-01T14:00:00Z']))).json().items;
    const edit = { ...sessionBody([]), startsAt: '2026-10-02T14:00:00Z', version: session.version, location: 'Library' };
    const first = await hr.request('PUT', `${base()}/${session.id}`, edit);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ location: 'Library', version: 2, startsAt: '2026-10-02T14:00:00.000Z' });
    const stale = await hr.request('PUT', `${base()}/${session.id}`, { ...edit, location: 'Gym' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ location: 'Library', version: 2 });
  });
});

describe('attendance', () => {
  let sessionId: string;
  beforeAll(async () => {
    sessionId = (await hr.post(base(), sessionBody(['2026-09-01T14:00:00Z']))).json().items[0].id;
  });

  it('records in bulk; re-sending changes nothing; a person of another district is refused', async () => {
    const url = `${base()}/${sessionId}/attendance`;
    const ids = w.teachersA.map((p) => p.id);
    expect((await leader.post(url, { personIds: ids })).json()).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect((await leader.post(url, { personIds: ids })).json()).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect((await leader.post(url, { personIds: [ids[1]], attended: false })).json()).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const res = await leader.post(url, { personIds: [w.outsiderPerson.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('personIds');
    const list = (await hr.get(url)).json();
    expect(list.session).toMatchObject({ attended: 1, recorded: 2 });
    expect(list.items.map((r: { attended: boolean }) => r.attended).sort()).toEqual([false, true]);
  });

  it('by CSV: a dry run reports rows and writes nothing, errors block the file, applying twice changes nothing', async () => {
    const url = `${base()}/${sessionId}/attendance/import`;
    const bad = 'person,attended\nb-teacher@example.test,maybe\nnobody@example.test,yes\n';
    const refused = (await hr.post(url, { csv: bad, dryRun: false })).json();
    expect(refused.applied).toBe(false);
    expect(refused.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [2, 'bad_attended'],
      [3, 'unknown_person'],
    ]);
    const csv = 'Person,Attended\nB-Teacher@example.test,yes\nb-teacher@example.test,no\n';
    const dup = (await hr.post(url, { csv, dryRun: true })).json();
    expect(dup.errors).toEqual([{ line: 3, code: 'duplicate_row', field: 'person', value: 'b-teacher@example.test' }]);
    const good = 'person,attended\nb-teacher@example.test,\n';
    const dry = (await hr.post(url, { csv: good, dryRun: true })).json();
    expect(dry).toMatchObject({ applied: false, counts: { create: 1, unchanged: 0, error: 0 } });
    expect((await hr.get(`${base()}/${sessionId}/attendance`)).json().items).toHaveLength(2);
    expect((await hr.post(url, { csv: good, dryRun: false })).json()).toMatchObject({ applied: true, counts: { create: 1 } });
    expect((await hr.post(url, { csv: good, dryRun: false })).json()).toMatchObject({ applied: true, counts: { create: 0, unchanged: 1 } });
    expect((await hr.get(`${base()}/${sessionId}/attendance`)).json().session).toMatchObject({ attended: 2, recorded: 3 });
  });

  it('a CSV without the person column is a 400', async () => {
    const res = await hr.post(`${base()}/${sessionId}/attendance/import`, { csv: 'name\nSam\n', dryRun: true });
    expect(res.statusCode).toBe(400);
  });
});

describe('the attendance CSV template', () => {
  it('is served for an initiative of the district, 404 for an unknown one', async () => {
    const res = await hr.get(`${base()}/attendance-template.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('person,attended');
    expect((await hr.get(`/api/initiatives/${w.hr.id}/training-sessions/attendance-template.csv`)).statusCode).toBe(404);
  });
});

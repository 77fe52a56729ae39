/**
 * Following an administration's voting live with real server-sent event clients (HTTP requests
 * reading the stream): every member's screen hears the item open, each vote (who, never how), and
 * the reveal; a member whose connection dropped mid-vote reconnects with Last-Event-ID, hears at
 * once what changed while away and finds the current item with their own vote; a client that
 * cannot stream polls the same URL. On PostgreSQL (`npm run test:pg`) the events travel through
 * LISTEN/NOTIFY as they do between app processes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMINISTRATION_EVENT, type VotingState } from '../../common/schemas/assessment-voting.ts';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/client.ts';
import { loadEnv } from '../env.ts';
import { LocalFileStorage } from '../services/files/storage-local.ts';
import { TEST_SECRET_KEY } from '../test/totp.ts';
import { buildAssessmentWorld, buildVotingAdministration, type AssessmentWorld } from '../test/fixtures/assessments.ts';
import { signIn, TEST_JOBS, useTestApp, type Client } from '../test/harness.ts';
import { SseClient } from '../test/sse-client.ts';

const t = useTestApp({}, { live: { heartbeatMs: 100 } });
let w: AssessmentWorld;
let origin: string;
let facilitator: Client;
let member: Client;
let teacher: Client;
let coach: Client;
const base = '/api/assessments/administrations';

beforeAll(async () => {
  w = await buildAssessmentWorld(t.database.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  [facilitator, member, teacher, coach] = await Promise.all([
    signIn(t.app, w.facilitatorA.email),
    signIn(t.app, w.memberA.email),
    signIn(t.app, w.teacher.email),
    signIn(t.app, w.districtMember.email),
  ]);
}, 90_000);

const item = (i: number) => w.drivers.items[i]!.id;
const follow = (c: Client, id: string, headers: Record<string, string> = {}, at = origin) =>
  SseClient.open(`${at}${base}/${id}/live`, { cookie: c.cookie!, ...headers });
const data = (e: { data: string }) => JSON.parse(e.data) as { type: string; id: string; data: Record<string, unknown> };
const ok = (res: { statusCode: number; body: string; json: () => unknown }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as VotingState;
};
const vote = (c: Client, id: string, itemId: string, value: number) => c.request('PUT', `${base}/${id}/items/${itemId}/vote`, { value });
/** The event with `id` (a revision), once the client has heard it. */
const heard = (sse: SseClient, id: number) => sse.until(() => sse.events.find((e) => e.id === String(id)), `revision ${id}`);

describe('following the voting live', () => {
  it('tells two members, on their own streams, of the open item, each vote and the reveal, without a value', async () => {
    const a = await buildVotingAdministration(t.database.db, w);
    const [one, two] = await Promise.all([follow(member, a.id), follow(teacher, a.id)]);
    expect(one.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const first = await one.nextEvent(ADMINISTRATION_EVENT);
    expect(data(first).data).toMatchObject({ kind: 'sync', administrationId: a.id, itemId: null });
    await two.nextEvent(ADMINISTRATION_EVENT);

    const opened = ok(await facilitator.post(`${base}/${a.id}/items/${item(0)}/open`, {}));
    for (const sse of [one, two])
      expect(data(await heard(sse, opened.revision)).data).toMatchObject({ kind: 'open', itemId: item(0), state: 'open' });

    const votes = [ok(await vote(member, a.id, item(0), 2)), ok(await vote(teacher, a.id, item(0), 1))];
    ok(await vote(coach, a.id, item(0), 2));
    for (const v of votes) expect(data(await heard(two, v.revision)).data).toMatchObject({ kind: 'vote', state: 'open' });

    const shown = ok(await facilitator.post(`${base}/${a.id}/items/${item(0)}/reveal`, {}));
    const [r1, r2] = await Promise.all([heard(one, shown.revision), heard(two, shown.revision)]);
    for (const r of [r1, r2])
      expect(data(r).data).toEqual({ kind: 'reveal', administrationId: a.id, itemId: item(0), state: 'revealed', status: 'open' });
    // No event carried a vote's value: each says what kind of change and the new revision, nothing more.
    for (const e of [...one.events, ...two.events])
      expect(Object.keys(data(e).data).sort()).toEqual(['administrationId', 'itemId', 'kind', 'state', 'status']);
    // Each screen reads the revealed votes through its own read checks.
    expect(ok(await teacher.get(`${base}/${a.id}/voting`)).reveal?.distribution).toEqual([
      { value: 0, count: 0 },
      { value: 1, count: 1 },
      { value: 2, count: 2 },
    ]);
    // Recording the consensus and closing reach them too.
    const scored = await facilitator.request('PUT', `${base}/${a.id}/scores/${item(0)}`, { value: 2, note: 'Most saw it in place' });
    expect(scored.statusCode).toBe(200);
    await one.until(() => one.events.some((e) => data(e).data.kind === 'score' && data(e).data.state === 'decided'), 'the score');
    one.close();
    two.close();
  });

  it('brings back a member whose connection dropped mid-vote: the current item, their vote, what changed meanwhile', async () => {
    const a = await buildVotingAdministration(t.database.db, w);
    ok(await facilitator.post(`${base}/${a.id}/items/${item(1)}/open`, {}));
    await vi.waitFor(() => expect(t.app.live.subscriberCount()).toBe(0));
    const phone = await follow(member, a.id);
    await phone.nextEvent(ADMINISTRATION_EVENT);
    const mine = ok(await vote(member, a.id, item(1), 1));
    const last = await heard(phone, mine.revision);
    // The connection drops (a phone losing the network): the server lets go of it.
    phone.close();
    await vi.waitFor(() => expect(t.app.live.subscriberCount()).toBe(0));

    // Meanwhile the others vote and the facilitator reveals.
    ok(await vote(teacher, a.id, item(1), 1));
    ok(await vote(coach, a.id, item(1), 0));
    const shown = ok(await facilitator.post(`${base}/${a.id}/items/${item(1)}/reveal`, {}));

    // The browser reconnects with the last id it heard and is told at once where things stand.
    const back = await follow(member, a.id, { 'last-event-id': last.id! });
    const caughtUp = await back.nextEvent(ADMINISTRATION_EVENT);
    expect(caughtUp.id).toBe(String(shown.revision));
    expect(data(caughtUp).data).toMatchObject({ kind: 'sync', itemId: item(1), state: 'revealed' });
    const state = ok(await member.get(`${base}/${a.id}/voting`));
    expect(state).toMatchObject({ itemId: item(1), state: 'revealed', myVote: 1, voted: 3, reveal: { voted: 3, forced: false } });
    back.close();

    // Dropped before the vote's answer came back: sending it again is safe (still one vote).
    ok(await facilitator.post(`${base}/${a.id}/items/${item(2)}/open`, {}));
    ok(await vote(member, a.id, item(2), 2));
    const resent = ok(await vote(member, a.id, item(2), 2));
    expect(resent).toMatchObject({ myVote: 2, voted: 1 });
    // Nothing changed while away: a reconnect with the current id hears nothing new.
    const same = await follow(member, a.id, { 'last-event-id': String(resent.revision) });
    await same.until(() => same.comments.includes('heartbeat'), 'a heartbeat');
    expect(same.events).toEqual([]);
    same.close();
  });

  it('answers a client that polls with JSON: the event when `since` is behind, none when current', async () => {
    const a = await buildVotingAdministration(t.database.db, w);
    const opened = ok(await facilitator.post(`${base}/${a.id}/items/${item(3)}/open`, {}));
    const behind = await member.get(`${base}/${a.id}/live?since=${opened.revision - 1}`);
    expect(behind.statusCode).toBe(200);
    expect(behind.json()).toMatchObject({
      id: String(opened.revision),
      events: [{ type: ADMINISTRATION_EVENT, id: String(opened.revision), data: { kind: 'sync', itemId: item(3), state: 'open' } }],
    });
    const current = await member.get(`${base}/${a.id}/live?since=${opened.revision}`);
    expect(current.json()).toMatchObject({ id: String(opened.revision), events: [] });
  });

  it('reaches a member whose phone is served by another app process on the same database', async () => {
    const a = await buildVotingAdministration(t.database.db, w);
    const result = (await t.database.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
    let url: string | undefined;
    if (t.database.kind === 'postgres') {
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.pathname = `/${result.rows[0]!.name}`;
      url = u.toString();
    }
    // On PostgreSQL a process of its own (pool, LISTEN connection); PGlite has one process.
    const database = url ? await openDatabase({ url }) : t.database;
    const appB = await buildApp({
      database,
      env: loadEnv({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET_KEY }),
      jobs: { ...TEST_JOBS, work: false },
      fileStorage: new LocalFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-test-files-'))),
    });
    try {
      await appB.listen({ port: 0, host: '127.0.0.1' });
      const phone = await follow(member, a.id, {}, `http://127.0.0.1:${(appB.server.address() as AddressInfo).port}`);
      await phone.nextEvent(ADMINISTRATION_EVENT);
      ok(await facilitator.post(`${base}/${a.id}/items/${item(6)}/open`, {}));
      ok(await vote(member, a.id, item(6), 2));
      const shown = ok(await facilitator.post(`${base}/${a.id}/items/${item(6)}/reveal`, { force: true }));
      expect(data(await heard(phone, shown.revision)).data).toMatchObject({ kind: 'reveal', state: 'revealed' });
      phone.close();
    } finally {
      await appB.close();
      if (database !== t.database) await database.close();
    }
  });
});

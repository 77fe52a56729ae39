/**
 * Following a meeting live with real server-sent event clients (HTTP requests reading the stream):
 * everyone with the meeting open hears each member's save, decision and action item with the
 * meeting's new revision; quiet streams carry heartbeats; a client reconnecting with Last-Event-ID
 * hears only what changed while it was away; signing out ends the session's streams; a closed tab
 * lets go of its subscription; a client
 * that cannot stream polls the same URL with `since`; and an event written through one app reaches
 * a client of another app on the same database (PostgreSQL with TEST_DATABASE_URL: a second pool and
 * LISTEN connection, as a second process has).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/client.ts';
import { loadEnv } from '../env.ts';
import { LocalFileStorage } from '../services/files/storage-local.ts';
import { buildImplementationTeamsWorld, type ImplementationTeamsWorld } from '../test/fixtures/implementation-teams.ts';
import { signIn, TEST_JOBS, useTestApp, type Client } from '../test/harness.ts';
import { SseClient } from '../test/sse-client.ts';
import { TEST_SECRET_KEY } from '../test/totp.ts';

const t = useTestApp({}, { live: { heartbeatMs: 100 } });
let w: ImplementationTeamsWorld;
let origin: string;
let member: Client;
let staff: Client;

const meetingPath = () => `/api/implementation-teams/${w.schoolTeam.id}/meetings/${w.meeting.id}`;
const follow = (client: Client, headers: Record<string, string> = {}, at = origin) =>
  SseClient.open(`${at}${meetingPath()}/live`, { cookie: client.cookie!, ...headers });
const data = (e: { data: string }) => JSON.parse(e.data) as { type: string; id: string; data: Record<string, unknown> };

async function current() {
  const res = await staff.get(meetingPath());
  expect(res.statusCode).toBe(200);
  return res.json() as { version: number; revision: number };
}

beforeAll(async () => {
  w = await buildImplementationTeamsWorld(t.database.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  member = await signIn(t.app, w.member.email);
  staff = await signIn(t.app, w.staff.email);
}, 60_000);

describe('following a meeting live', () => {
  it("opens with the meeting's revision, then hears every change a member makes", async () => {
    const sse = await follow(staff);
    expect(sse.response.statusCode).toBe(200);
    expect(sse.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const opened = await sse.nextEvent('meeting.changed');
    const before = await current();
    expect(opened.id).toBe(String(before.revision));
    expect(sse.retry).toBe(3000);

    const saved = await member.patch(meetingPath(), { version: before.version, notes: 'Fidelity rose in grade 2' });
    expect(saved.statusCode).toBe(200);
    const afterSave = await sse.nextEvent('meeting.changed', 1);
    expect(afterSave.id).toBe(String(saved.json().revision));
    expect(data(afterSave)).toEqual({
      type: 'meeting.changed',
      id: afterSave.id,
      data: { meetingId: w.meeting.id, teamId: w.schoolTeam.id, version: before.version + 1, revision: before.revision + 1 },
    });

    const decided = await member.post(`${meetingPath()}/decisions`, { text: 'Add a coaching cycle', driver: 'coaching' });
    expect((await sse.nextEvent('meeting.changed', 2)).id).toBe(String(decided.json().revision));
    const added = await member.post(`${meetingPath()}/action-items`, {
      text: 'Schedule the cycle',
      ownerPersonId: w.member.personId,
      dueOn: '2030-01-15',
    });
    expect((await sse.nextEvent('meeting.changed', 3)).id).toBe(String(added.json().revision));
    const item = added.json().actionItems[0] as { id: string; version: number };
    const ticked = await member.patch(`/api/implementation-teams/${w.schoolTeam.id}/action-items/${item.id}`, {
      version: item.version,
      done: true,
    });
    expect(ticked.statusCode).toBe(200);
    expect((await sse.nextEvent('meeting.changed', 4)).id).toBe(String((await current()).revision));
    // A save refused as stale changes nothing and says nothing.
    const stale = await member.patch(meetingPath(), { version: before.version, notes: 'Older text' });
    expect(stale.statusCode).toBe(409);
    sse.close();
  });

  it('keeps a quiet stream alive with heartbeat comments', async () => {
    const sse = await follow(staff);
    await sse.until(() => sse.comments.includes('heartbeat'), 'a heartbeat');
    expect(sse.comments[0]).toBe('connected');
    sse.close();
  });

  it('resumes from Last-Event-ID: nothing when nothing changed, the current revision when something did', async () => {
    const { version, revision } = await current();
    const unchanged = await follow(staff, { 'last-event-id': String(revision) });
    await unchanged.until(() => unchanged.comments.includes('heartbeat'), 'a heartbeat');
    expect(unchanged.events).toEqual([]);
    unchanged.close();

    // Away while a member saved: the reconnecting client hears the revision it missed at once.
    const saved = await member.patch(meetingPath(), { version, notes: 'Saved while you were away' });
    const missed = await follow(staff, { 'last-event-id': String(revision) });
    const caughtUp = await missed.nextEvent('meeting.changed');
    expect(caughtUp.id).toBe(String(saved.json().revision));
    expect(caughtUp.id).not.toBe(String(revision));
    missed.close();
  });

  it('lets go of the subscription when the client hangs up', async () => {
    // The earlier tests' clients have all hung up: nothing of theirs is held.
    await vi.waitFor(() => expect(t.app.live.subscriberCount()).toBe(0));
    expect(t.app.liveStreams.count).toBe(0);
    const clients = await Promise.all([follow(staff), follow(member), follow(staff)]);
    await Promise.all(clients.map((c) => c.nextEvent('meeting.changed')));
    expect(t.app.live.subscriberCount()).toBe(3);
    expect(t.app.liveStreams.count).toBe(3);
    for (const c of clients) c.close();
    await vi.waitFor(() => expect(t.app.live.subscriberCount()).toBe(0));
    expect(t.app.liveStreams.count).toBe(0);
  });

  it('ends the stream of a session signed out since it opened', async () => {
    const leaving = await signIn(t.app, w.staff.email);
    const sse = await follow(leaving);
    await sse.nextEvent('meeting.changed');
    expect((await leaving.post('/api/auth/sign-out')).statusCode).toBeLessThan(300);
    await sse.closed();
    expect(sse.ended).toBe(true);
    // The browser's reconnection is refused.
    const again = await follow(leaving);
    expect(again.response.statusCode).toBe(401);
    again.close();
  });

  it('answers a client that polls with JSON: the event when `since` is behind, none when it is current', async () => {
    const { revision } = await current();
    const behind = await staff.get(`${meetingPath()}/live?since=${revision - 1}`);
    expect(behind.statusCode).toBe(200);
    expect(behind.json()).toMatchObject({ id: String(revision), events: [{ type: 'meeting.changed', id: String(revision) }] });
    expect(behind.json().pollAfterMs).toBeGreaterThan(0);
    const first = await staff.get(`${meetingPath()}/live`);
    expect(first.json().events).toHaveLength(1);
    const upToDate = await staff.get(`${meetingPath()}/live?since=${revision}`);
    expect(upToDate.json()).toMatchObject({ id: String(revision), events: [] });
    const bad = await staff.get(`${meetingPath()}/live?since=${encodeURIComponent('1\nevent: x')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('since');
  });

  it('reaches a client of another app on the same database, and ends its streams when that app closes', async () => {
    const result = (await t.database.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
    let url: string | undefined;
    if (t.database.kind === 'postgres') {
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.pathname = `/${result.rows[0]!.name}`;
      url = u.toString();
    }
    // On PostgreSQL a process of its own (pool, LISTEN connection); PGlite has one process, so the
    // second app shares its database and hears through PGlite's own LISTEN.
    const database = url ? await openDatabase({ url }) : t.database;
    const appB = await buildApp({
      database,
      env: loadEnv({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET_KEY }),
      jobs: { ...TEST_JOBS, work: false },
      fileStorage: new LocalFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-test-files-'))),
    });
    try {
      await appB.listen({ port: 0, host: '127.0.0.1' });
      const originB = `http://127.0.0.1:${(appB.server.address() as AddressInfo).port}`;
      const sse = await follow(staff, {}, originB);
      await sse.nextEvent('meeting.changed');
      const { version } = await current();
      const saved = await member.patch(meetingPath(), { version, notes: 'Saved through app A' });
      expect((await sse.nextEvent('meeting.changed', 1)).id).toBe(String(saved.json().revision));
      await appB.close();
      await sse.closed();
      expect(sse.ended).toBe(true);
    } finally {
      await appB.close();
      if (database !== t.database) await database.close();
    }
  });
});

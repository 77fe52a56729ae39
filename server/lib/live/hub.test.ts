/**
 * Live topics over the database's LISTEN/NOTIFY, on PGlite and (TEST_DATABASE_URL) PostgreSQL: an
 * event reaches the topic's subscribers of its district only, including those of another hub (an
 * app process: on PostgreSQL a second connection pool of its own), and an event too large for
 * NOTIFY arrives without its data, asking for a refetch.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { openTestDatabase } from '../../test/database.ts';
import type { LiveEvent } from '../../../common/schemas/live.ts';
import { envelope, LiveHub } from './hub.ts';

const log = { warn: () => undefined };
let database: Database;
/** The same database as another process sees it: its own pool and LISTEN connection on PostgreSQL. */
let other: Database;
let hubA: LiveHub;
let hubB: LiveHub;

/** The test database's URL on PostgreSQL (each test file has its own database). */
async function sameDatabaseUrl(db: Database): Promise<string> {
  const result = (await db.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${result.rows[0]!.name}`;
  return url.toString();
}

beforeAll(async () => {
  database = await openTestDatabase();
  other = database.kind === 'postgres' ? await openDatabase({ url: await sameDatabaseUrl(database) }) : database;
  hubA = new LiveHub(database.notifications, log);
  hubB = new LiveHub(other.notifications, log);
  await hubA.start();
  await hubB.start();
}, 60_000);

afterAll(async () => {
  hubA?.stop();
  hubB?.stop();
  if (other !== database) await other?.close();
  await database?.close();
});

/** Collects what a subscriber hears, and waits for it. */
function listen(hub: LiveHub, districtId: string, topic: string) {
  const heard: (LiveEvent | null)[] = [];
  let wake = () => undefined as void;
  const stop = hub.subscribe(districtId, topic, (e) => {
    heard.push(e);
    wake();
  });
  const next = async (n: number) => {
    while (heard.length < n) await new Promise<void>((r) => (wake = r));
    return heard[n - 1];
  };
  return { heard, stop, next };
}

const event = (id: string, data: LiveEvent['data'] = { note: 'saved' }): LiveEvent => ({ type: 'meeting.changed', id, data });

describe('live topics', () => {
  it('reaches subscribers of the topic in the same and in another process, only in the district', async () => {
    const district = randomUUID();
    const elsewhere = randomUUID();
    const topic = `implementation-meeting:${randomUUID()}`;
    const sameProcess = listen(hubA, district, topic);
    const otherProcess = listen(hubB, district, topic);
    const otherDistrict = listen(hubB, elsewhere, topic);
    const otherTopic = listen(hubB, district, `${topic}-other`);

    await hubA.publish(district, topic, event('2'));
    expect(await sameProcess.next(1)).toEqual(event('2'));
    expect(await otherProcess.next(1)).toEqual(event('2'));
    // One NOTIFY carries the event to every subscriber of the hub at once: had the other district's
    // or topic's subscriber been meant to hear it, it would have by now.
    expect(otherDistrict.heard).toEqual([]);
    expect(otherTopic.heard).toEqual([]);

    await hubB.publish(elsewhere, topic, event('7'));
    expect(await otherDistrict.next(1)).toEqual(event('7'));
    expect(otherProcess.heard).toEqual([event('2')]);
    for (const s of [sameProcess, otherProcess, otherDistrict, otherTopic]) s.stop();
  });

  it('sends an event too large for NOTIFY without its data, asking subscribers to refetch', async () => {
    const district = randomUUID();
    const topic = `implementation-meeting:${randomUUID()}`;
    const s = listen(hubB, district, topic);
    await hubA.publish(district, topic, event('9', { notes: 'x'.repeat(10_000) }));
    expect(await s.next(1)).toEqual({ type: 'meeting.changed', id: '9', data: null, refetch: true });
    s.stop();
  });

  it('the database itself refuses such a payload: the limit is real on both databases', async () => {
    const payload = JSON.stringify({ notes: 'x'.repeat(10_000) });
    await expect(database.notifications.notify('trellis_live', payload)).rejects.toThrow(/too long/);
    expect(Buffer.byteLength(envelope(randomUUID(), 'implementation-meeting:x', event('1', { n: 'y'.repeat(7_500) })))).toBeLessThan(8000);
  });

  it('lets subscribers go when they unsubscribe', async () => {
    const before = hubA.subscriberCount();
    const subs = [1, 2, 3].map(() => listen(hubA, randomUUID(), 'implementation-meeting:x'));
    expect(hubA.subscriberCount()).toBe(before + 3);
    for (const s of subs) s.stop();
    expect(hubA.subscriberCount()).toBe(before);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('live topics when the LISTEN connection drops (PostgreSQL)', () => {
  it('listens again, tells subscribers to recheck the state, and hears later events', async () => {
    const district = randomUUID();
    const topic = `implementation-meeting:${randomUUID()}`;
    const s = listen(hubA, district, topic);
    await database.db.execute(
      sql`select pg_terminate_backend(a.pid) from pg_stat_activity a where a.datname = current_database() and a.query like 'LISTEN %' and a.pid <> pg_backend_pid()`,
    );
    // Whatever was sent meanwhile may be lost: the subscriber hears "recheck" (null) once back.
    expect(await s.next(1)).toBeNull();
    await hubB.publish(district, topic, event('3'));
    expect(await s.next(2)).toEqual(event('3'));
    s.stop();
  });
});

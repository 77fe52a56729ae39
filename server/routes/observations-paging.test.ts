/**
 * The observations list pages by keyset (observed on, created, id; lib/cursor.ts) instead of an
 * offset: walking every page gives every observation once, in the list's order, even when rows
 * share a day and a creation time to the microsecond (PostgreSQL keeps microseconds, PGlite
 * milliseconds: run it on both databases). The total is exact up to 1,000 and "more than" past it.
 * The permission matrix of the list is in observations.test.ts (the privacy rule per role).
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildObservationWorld } from '../test/fixtures/observations.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildObservationWorld>>;
let leader: Client;
let hr: Client;
/** The leader's observations of the teacher, in the order the list must give them. */
let expected: string[] = [];

interface Page {
  items: { id: string; observedOn: string; observed: { name: string }; type: { name: string } }[];
  total: number;
  totalIsLowerBound: boolean;
  nextCursor: string | null;
}

async function page(client: Client, query: string): Promise<Page> {
  const res = await client.get(`/api/observations?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

/** Every page of a list, following `nextCursor`. */
async function walk(client: Client, query: string) {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    pages.push(await page(client, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    cursor = pages.at(-1)!.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

beforeAll(async () => {
  w = await buildObservationWorld(t.database.db);
  leader = await signIn(t.app, w.leader.email);
  hr = await signIn(t.app, w.hr.email);
  const days = ['2026-11-02', '2026-11-03', '2026-11-03', '2026-11-03', '2026-11-03', '2026-11-04', '2026-11-05'];
  for (const observedOn of days) {
    const res = await leader.post('/api/observations', {
      typeId: w.fixture.walkthroughTypeId,
      observedPersonId: w.teacher.personId,
      observedOn,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // Four on one day made at one microsecond: only the id tells them apart.
  await t.database.db.execute(
    sql`update observations set created_at = timestamptz '2026-11-03 10:00:00.123456+00' where observations.observed_on = '2026-11-03' and observations.district_id = ${w.districtId}`,
  );
  const rows = await t.database.db.execute<{ id: string }>(
    sql`select observations.id from observations where observations.district_id = ${w.districtId} order by observations.observed_on desc, observations.created_at desc, observations.id desc`,
  );
  expected = (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => r.id);
}, 60_000);

describe('paging the observations list', () => {
  it('gives every observation once, newest observed first, 2 a page, with the same total on each page', async () => {
    const pages = await walk(leader, 'mine=made&limit=2');
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(expected);
    expect(pages).toHaveLength(4);
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7, 7]);
    expect(pages.every((p) => !p.totalIsLowerBound)).toBe(true);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const first = pages[0]!.items[0]!;
    expect(first).toMatchObject({
      observedOn: '2026-11-05',
      observed: { name: expect.stringContaining(' ') },
      type: { name: expect.any(String) },
    });
  });

  it('keeps the filters across pages', async () => {
    const pages = await walk(hr, `observedPersonId=${w.teacher.personId}&from=2026-11-03&to=2026-11-04&status=draft&limit=3`);
    // HR reads no one's drafts but their own: nothing, and no cursor.
    expect(pages).toEqual([{ items: [], total: 0, totalIsLowerBound: false, nextCursor: null }]);
    const mine = await walk(leader, 'mine=made&from=2026-11-03&to=2026-11-04&limit=3');
    expect(mine.flatMap((p) => p.items.map((i) => i.id))).toEqual(expected.slice(1, 6));
    expect(mine.map((p) => p.total)).toEqual([5, 5]);
  });

  it('answers a page past the last with no rows and the total', async () => {
    const all = await page(leader, `mine=made&limit=${expected.length}`);
    expect(all.nextCursor).toBeNull();
    const last = Buffer.from(`2026-11-02|2026-01-01T00:00:00.000000Z|${expected.at(-1)}`).toString('base64url');
    expect(await page(leader, `mine=made&cursor=${last}`)).toEqual({ items: [], total: 7, totalIsLowerBound: false, nextCursor: null });
  });

  it('refuses a cursor it did not make (400 validation_failed)', async () => {
    const bad = [
      'nope',
      Buffer.from(`2026-11-02|${crypto.randomUUID()}`).toString('base64url'),
      Buffer.from(`2026-13-45|2026-01-01T00:00:00Z|${crypto.randomUUID()}`).toString('base64url'),
    ];
    for (const cursor of bad) {
      const res = await leader.get(`/api/observations?cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('counts exactly up to 1,000 and says "more than" past it', async () => {
    await t.database.db
      .execute(sql`insert into observations (district_id, type_id, kind, purpose, status, observed_person_id, observer_person_id, org_unit_id, observed_on)
      select o.district_id, o.type_id, o.kind, o.purpose, o.status, o.observed_person_id, o.observer_person_id, o.org_unit_id, date '2026-10-01' - g
      from observations o cross join generate_series(1, 1000) g where o.id = ${expected[0]}`);
    const first = await page(leader, 'mine=made&limit=5');
    expect(first).toMatchObject({ total: 1000, totalIsLowerBound: true });
    expect(first.items.map((i) => i.id)).toEqual(expected.slice(0, 5));
    const narrowed = await page(leader, 'mine=made&from=2026-11-01&limit=5');
    expect(narrowed).toMatchObject({ total: 7, totalIsLowerBound: false });
  });
});

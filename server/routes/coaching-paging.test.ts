/**
 * Lists of coaching sessions come a page at a time: `limit` (default 20, at most 100), a cursor to
 * the next page, `total`, newest first with ties broken by id, and paging never widens what a reader
 * sees - a school leader's pages and total hold only sessions with an attendee in their schools, as
 * summaries without notes unless every attendee shared them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../test/factories.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';
import { coachingWorld, planBody, postOk, sessionBody, type CoachingWorld } from '../test/fixtures/coaching.ts';

const t = useTestApp();
let w: CoachingWorld;
let coach2: Client;
let coach2Id = '';
/** The coachee's sessions, newest first as the API must order them. */
let expected: string[] = [];
/** Sessions of the second coach with a teacher of the other school (never in the leader's lists). */
const otherSchool: string[] = [];
let sharedId = '';
let planId = '';

type Page = {
  items: { id: string; startsAt: string; view: string; notes?: string; nextSteps?: string; attendees: { helpfulness?: unknown }[] }[];
  total: number;
  nextCursor: string | null;
};

const DAY = 86_400_000;
const base = Date.UTC(2025, 0, 31, 15, 0, 0);
const secret = (i: number) => `Private note ${i}: talked through the hard lesson`;

async function page(client: Client, query: string): Promise<Page> {
  const res = await client.get(`/api/coaching/logs?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Walks every page with `limit`, checking each page's size and that the cursor ends on the last. */
async function walk(client: Client, query: string, limit: number) {
  const ids: string[] = [];
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const p = await page(client, `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    pages.push(p);
    ids.push(...p.items.map((i) => i.id));
    cursor = p.nextCursor;
    expect(pages.length).toBeLessThan(50);
  } while (cursor);
  return { ids, pages };
}

beforeAll(async () => {
  w = await coachingWorld(t);
  planId = (
    await postOk(
      w.coach,
      '/api/coaching/plans',
      planBody([w.ids.coachee], {
        startsOn: '2025-01-29',
        endsOn: '2025-06-30',
        phases: [{ startsOn: '2025-01-29', sessionsPerMonth: 4, criterion: null }],
      }),
    )
  ).id;
  // The plan spans the three newest sessions. 24 sessions a day apart, and three at one time (between the 4th and 5th newest) to test ties.
  const made: { id: string; at: number }[] = [];
  for (let i = 0; i < 24; i++) {
    const at = base - i * DAY;
    const log = await postOk(
      w.coach,
      '/api/coaching/logs',
      sessionBody([w.ids.coachee], { startsAt: new Date(at).toISOString(), notes: secret(i), planId: i < 3 ? planId : null }),
    );
    made.push({ id: log.id, at });
  }
  const tie = base - 3.5 * DAY;
  for (let i = 0; i < 3; i++) {
    const log = await postOk(
      w.coach,
      '/api/coaching/logs',
      sessionBody([w.ids.coachee], { startsAt: new Date(tie).toISOString(), notes: secret(100 + i) }),
    );
    made.push({ id: log.id, at: tie });
  }
  expected = [...made].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).map((m) => m.id);
  await postOk(w.coachee, `/api/coaching/logs/${made[5]!.id}/rating`, { helpfulness: 5 }, 200);
  sharedId = made[6]!.id;
  await postOk(w.coachee, `/api/coaching/logs/${sharedId}/share`, { shared: true }, 200);

  // A second coach with one teacher in each school: the leader of school A sees only half of their sessions.
  const teacherB = await buildUser(w.db, w.districtId, 'staff', { orgUnitId: w.schoolB });
  const coach2User = await buildUser(w.db, w.districtId, 'coach', { orgUnitId: w.schoolB, caseload: [w.ids.peer, teacherB.person.id] });
  coach2 = await signIn(t.app, coach2User.email);
  coach2Id = coach2User.person.id;
  for (let i = 0; i < 6; i++) {
    const who = i % 2 === 0 ? w.ids.peer : teacherB.person.id;
    const log = await postOk(
      coach2,
      '/api/coaching/logs',
      sessionBody([who], { startsAt: new Date(base - i * DAY).toISOString(), notes: secret(200 + i) }),
    );
    if (who !== w.ids.peer) otherSchool.push(log.id);
  }
});

describe('paging the list of coaching sessions', () => {
  it('gives 20 by default, newest first, with the total and a cursor to the rest', async () => {
    const first = await page(w.coach, `personId=${w.ids.coachee}`);
    expect(first.total).toBe(27);
    expect(first.items.map((i) => i.id)).toEqual(expected.slice(0, 20));
    expect(first.nextCursor).toEqual(expect.any(String));
    const times = first.items.map((i) => Date.parse(i.startsAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const second = await page(w.coach, `personId=${w.ids.coachee}&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((i) => i.id)).toEqual(expected.slice(20));
    expect(second.total).toBe(27);
    expect(second.nextCursor).toBeNull();
  });

  it('walks every page once, in order, even when a page ends inside sessions at the same time', async () => {
    // With 5 a page, the three sessions at one time are split between the first and second page.
    const { ids, pages } = await walk(w.coach, `personId=${w.ids.coachee}`, 5);
    expect(ids).toEqual(expected);
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 5, 5, 5, 2]);
    expect(pages.every((p) => p.total === 27)).toBe(true);
    const coachee = await walk(w.coachee, 'personRole=attendee', 100);
    expect(coachee.ids).toEqual(expected);
    expect((await page(w.coachee, 'personRole=coach')).total).toBe(0);
  });

  it('a plan’s sessions page the same way', async () => {
    const first = await page(w.coach, `planId=${planId}&limit=2`);
    expect(first.total).toBe(3);
    expect(first.items.map((i) => i.id)).toEqual(expected.slice(0, 2));
    const rest = await page(w.coach, `planId=${planId}&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(rest.items.map((i) => i.id)).toEqual([expected[2]]);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses a limit over 100 or under 1, and a cursor it did not make (400)', async () => {
    for (const bad of ['limit=101', 'limit=0', 'limit=abc', 'cursor=bm90LWEtY3Vyc29y']) {
      const res = await w.coach.get(`/api/coaching/logs?personId=${w.ids.coachee}&${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await page(w.coach, `personId=${w.ids.coachee}&limit=100`)).items).toHaveLength(27);
  });

  it('does not leak notes to a school leader on any page', async () => {
    const { ids, pages } = await walk(w.leader, `personId=${w.ids.coachee}`, 7);
    expect(ids).toEqual(expected);
    for (const p of pages) {
      expect(p.total).toBe(27);
      for (const item of p.items) {
        if (item.id === sharedId) {
          expect(item.view).toBe('full');
          continue;
        }
        expect(item.view).toBe('summary');
        expect(item).not.toHaveProperty('notes');
        expect(item).not.toHaveProperty('nextSteps');
        expect(item.attendees.every((a) => !('helpfulness' in a))).toBe(true);
      }
    }
    const body = JSON.stringify(pages.map((p) => p.items.filter((i) => i.id !== sharedId)));
    expect(body).not.toContain('Private note');
  });

  it('counts and pages only the sessions a reader may see', async () => {
    // The second coach's sessions: three with a teacher of school A, three with one of school B.
    const personId = coach2Id;
    const mine = await page(coach2, 'limit=100');
    expect(mine.total).toBe(6);
    const byLeader = await walk(w.leader, `personId=${personId}`, 2);
    expect(byLeader.pages.every((p) => p.total === 3)).toBe(true);
    expect(byLeader.ids).toHaveLength(3);
    expect(byLeader.ids.some((id) => otherSchool.includes(id))).toBe(false);
    expect(byLeader.pages.map((p) => p.items.length)).toEqual([2, 1]);
    expect((await page(w.otherLeader, `personId=${personId}`)).total).toBe(3);
    expect((await page(w.admin, `personId=${personId}`)).total).toBe(6);
    // The peer sees only the sessions they attended; another district sees nothing.
    expect((await page(w.peer, `personId=${personId}`)).total).toBe(3);
    expect((await page(w.outsider, `personId=${personId}`)).total).toBe(0);
    expect((await page(w.otherLeader, `personId=${w.ids.coachee}`)).total).toBe(0);
  });

  it('counts the sessions the reader still has to rate across every page, not only the first', async () => {
    const first = (await page(w.coachee, 'limit=20')) as Page & { toRate: number };
    expect(first.items).toHaveLength(20);
    // 27 held sessions, one rated while seeding.
    expect(first.toRate).toBe(26);
    expect(((await page(w.coach, `personId=${w.ids.coachee}`)) as Page & { toRate: number }).toRate).toBe(0);
    await postOk(w.coachee, `/api/coaching/logs/${expected.at(-1)}/rating`, { helpfulness: 4 }, 200);
    expect(((await page(w.coachee, 'limit=5')) as Page & { toRate: number }).toRate).toBe(25);
    // A page past the last has no rows and still the totals.
    const past = Buffer.from(`2000-01-01T00:00:00.000000Z|${crypto.randomUUID()}`).toString('base64url');
    expect(await page(w.coachee, `cursor=${past}`)).toMatchObject({ items: [], total: 27, toRate: 25, nextCursor: null });
  });
});

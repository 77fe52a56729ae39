/**
 * Permission matrix: signed out -> 401; another person's notification (same district or another) -> 404;
 * everyone reads and marks only their own.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { notifications } from '../db/schema/index.ts';
import { notify } from '../services/notifications/notify.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { RequestMail } from '../services/mail/outlet.ts';

const t = useTestApp();
let districtId: string;
let teacher: Client;
let teacherPersonId: string;
let colleague: Client;
let colleaguePersonId: string;
let outsider: Client;

async function addNotification(db: Db, personId: string, minutesAgo: number, title: string) {
  const [row] = await db
    .insert(notifications)
    .values({
      districtId,
      personId,
      kind: 'action_step_assigned',
      entityType: 'action_step',
      entityId: randomUUID(),
      params: { title, due: '2026-12-01', path: '/observations' },
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    })
    .returning();
  return row!;
}

beforeAll(async () => {
  const db = t.database.db;
  districtId = (await buildDistrict(db)).id;
  const teacherUser = await buildUser(db, districtId, 'staff');
  teacher = await signIn(t.app, teacherUser.email);
  teacherPersonId = teacherUser.personId!;
  const colleagueUser = await buildUser(db, districtId, 'staff');
  colleague = await signIn(t.app, colleagueUser.email);
  colleaguePersonId = colleagueUser.personId!;
  outsider = await signIn(t.app, (await buildUser(db, (await buildDistrict(db, 'Other')).id, 'district_admin')).email);
});

describe('notifications', () => {
  it('lists mine newest first with the unread count and paging; marks one and all read', async () => {
    const db = t.database.db;
    for (const [i, title] of ['Oldest', 'Middle', 'Newest'].entries()) await addNotification(db, teacherPersonId, 30 - i * 10, title);
    await addNotification(db, colleaguePersonId, 1, 'Not yours');
    expect((await anonymous(t.app).get('/api/notifications')).statusCode).toBe(401);

    const list = (await teacher.get('/api/notifications')).json();
    expect(list.items.map((n: { params: { title: string } }) => n.params.title)).toEqual(['Newest', 'Middle', 'Oldest']);
    expect([list.total, list.unread]).toEqual([3, 3]);
    expect(list.items[0]).toMatchObject({
      kind: 'action_step_assigned',
      readAt: null,
      params: { path: '/observations', due: '2026-12-01' },
    });
    const page = (await teacher.get('/api/notifications?limit=2&offset=2')).json();
    expect(page.items.map((n: { params: { title: string } }) => n.params.title)).toEqual(['Oldest']);
    expect([page.total, page.unread]).toEqual([3, 3]);
    expect((await teacher.get('/api/notifications?limit=500')).statusCode).toBe(400);
    expect((await teacher.get('/api/notifications?offset=-1')).statusCode).toBe(400);

    const first = list.items[0];
    const read = await teacher.post(`/api/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    // Reading again keeps the first time.
    expect((await teacher.post(`/api/notifications/${first.id}/read`)).json().readAt).toBe(read.json().readAt);
    expect((await teacher.get('/api/notifications')).json().unread).toBe(2);
    expect((await teacher.get('/api/notifications?unread=true')).json().items).toHaveLength(2);

    const all = await teacher.post('/api/notifications/read-all');
    expect(all.json()).toEqual({ marked: 2, unread: 0 });
    expect((await teacher.get('/api/notifications')).json().unread).toBe(0);
    // The colleague's stays unread.
    expect((await colleague.get('/api/notifications')).json()).toMatchObject({ total: 1, unread: 1 });
  });

  it("another person's notification -> 404, in the district or outside it", async () => {
    const mine = await addNotification(t.database.db, teacherPersonId, 0, 'Private');
    expect((await colleague.post(`/api/notifications/${mine.id}/read`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/notifications/${mine.id}/read`)).statusCode).toBe(404);
    expect((await anonymous(t.app).post(`/api/notifications/${mine.id}/read`)).statusCode).toBe(401);
    expect((await teacher.post(`/api/notifications/${randomUUID()}/read`)).statusCode).toBe(404);
    expect((await outsider.get('/api/notifications')).json().total).toBe(0);
    // Marking all read as someone else leaves mine unread.
    await colleague.post('/api/notifications/read-all');
    const list = (await teacher.get('/api/notifications?unread=true')).json();
    expect(list.items.map((n: { id: string }) => n.id)).toEqual([mine.id]);
  });

  it('notify() from another service shows up in the recipient list with its path', async () => {
    const db = t.database.db;
    const ctx = {
      db,
      actor: { userId: randomUUID(), personId: colleaguePersonId, districtId },
      requestId: 'test',
      log: console,
      mail: new RequestMail('http://127.0.0.1:3000'),
    } as never;
    await notify(db, ctx, {
      personIds: [teacherPersonId, colleaguePersonId],
      kind: 'observation_published',
      entityType: 'observation',
      entityId: randomUUID(),
      params: { observer: 'Ana Ruiz', date: '2026-11-20' },
      path: '/observations/x',
    });
    const [latest] = (await teacher.get('/api/notifications?limit=1')).json().items;
    expect(latest).toMatchObject({ kind: 'observation_published', params: { observer: 'Ana Ruiz', path: '/observations/x' } });
    // The actor is not told about their own action.
    expect((await colleague.get('/api/notifications?unread=true')).json().total).toBe(0);
  });
});

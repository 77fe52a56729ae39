/**
 * Permission matrix: signed out -> 401 on every route; a user's own sessions only (another user's
 * session id -> 404); ending a person's or the district's sessions: district admins only (HR and
 * others 403), a person of another district -> 404. ASVS 5.0 V7.4.5 and V7.5.2.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildOrgUnit, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
type Users = Record<'teacher' | 'other' | 'hr' | 'admin' | 'outsider', Awaited<ReturnType<typeof buildUser>>>;
let u: Users;

const sessionsOf = async (c: Client) => {
  const res = await c.get('/api/sessions');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; current: boolean; userAgent: string | null }[];
};
const signedIn = async (c: Client) => (await c.get('/api/me')).statusCode === 200;

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  const school = (await buildOrgUnit(db, districtId)).id;
  u = {
    teacher: await buildUser(db, districtId, 'staff', { orgUnitId: school }),
    other: await buildUser(db, districtId, 'staff', { orgUnitId: school }),
    hr: await buildUser(db, districtId, 'hr'),
    admin: await buildUser(db, districtId, 'district_admin'),
    outsider: await buildUser(db, (await buildDistrict(db, 'Other')).id, 'district_admin'),
  };
});

describe('signed-in devices', () => {
  it('answers 401 signed out', async () => {
    const c = anonymous(t.app);
    expect((await c.get('/api/sessions')).statusCode).toBe(401);
    expect((await c.post('/api/sessions/end-others')).statusCode).toBe(401);
    expect((await c.post('/api/sessions/end-person', { personId: u.teacher.personId })).statusCode).toBe(401);
    expect((await c.post('/api/sessions/end-district')).statusCode).toBe(401);
    expect((await c.request('DELETE', '/api/sessions/aaaaaaaaaaaaaaaaaaaaaa')).statusCode).toBe(401);
  });

  it('lists my devices, ends one of them, and never one of somebody else', async () => {
    const laptop = await signIn(t.app, u.teacher.email);
    const phone = await signIn(t.app, u.teacher.email);
    const list = await sessionsOf(laptop);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const phoneId = (await sessionsOf(phone)).find((s) => s.current)!.id;
    // The id shown is not the cookie and not what the database finds a session by.
    expect(laptop.cookie).not.toContain(phoneId);
    const stranger = await signIn(t.app, u.other.email);
    expect((await stranger.request('DELETE', `/api/sessions/${phoneId}`)).statusCode).toBe(404);
    expect(await signedIn(phone)).toBe(true);

    const myOwn = list.find((s) => s.current)!.id;
    expect((await laptop.request('DELETE', `/api/sessions/${myOwn}`)).statusCode).toBe(409);
    expect((await laptop.request('DELETE', `/api/sessions/${phoneId}`)).statusCode).toBe(204);
    expect(await signedIn(phone)).toBe(false);
    expect(await signedIn(laptop)).toBe(true);
  });

  it('signs me out everywhere else', async () => {
    const here = await signIn(t.app, u.other.email);
    const there = [await signIn(t.app, u.other.email), await signIn(t.app, u.other.email)];
    const res = await here.post('/api/sessions/end-others');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ended).toBeGreaterThanOrEqual(2);
    for (const c of there) expect(await signedIn(c)).toBe(false);
    expect(await signedIn(here)).toBe(true);
    expect(await sessionsOf(here)).toHaveLength(1);
  });
});

describe("ending other people's sessions", () => {
  it("lets a district admin sign a person out everywhere; not HR, not another district's admin", async () => {
    const device = await signIn(t.app, u.teacher.email);
    const hr = await signIn(t.app, u.hr.email);
    const outsider = await signIn(t.app, u.outsider.email);
    const admin = await signIn(t.app, u.admin.email);
    expect((await hr.post('/api/sessions/end-person', { personId: u.teacher.personId })).statusCode).toBe(403);
    expect((await outsider.post('/api/sessions/end-person', { personId: u.teacher.personId })).statusCode).toBe(404);
    expect((await admin.post('/api/sessions/end-person', { personId: u.admin.personId })).statusCode).toBe(409);
    expect(await signedIn(device)).toBe(true);

    const res = await admin.post('/api/sessions/end-person', { personId: u.teacher.personId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ended).toBeGreaterThanOrEqual(1);
    expect(await signedIn(device)).toBe(false);
    const audit = (await admin.get(`/api/audit?entityId=${u.teacher.personId}&action=person.end_sessions`)).json().items;
    expect(audit).toHaveLength(1);
  });

  it("signs the whole district out but the admin's own session, and no other district", async () => {
    const devices = [await signIn(t.app, u.teacher.email), await signIn(t.app, u.hr.email), await signIn(t.app, u.other.email)];
    const outsider = await signIn(t.app, u.outsider.email);
    const admin = await signIn(t.app, u.admin.email);
    expect((await devices[1]!.post('/api/sessions/end-district')).statusCode).toBe(403);
    const res = await admin.post('/api/sessions/end-district');
    expect(res.statusCode, res.body).toBe(200);
    for (const c of devices) expect(await signedIn(c)).toBe(false);
    expect(await signedIn(admin)).toBe(true);
    expect(await signedIn(outsider)).toBe(true);
  });
});

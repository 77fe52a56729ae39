/**
 * A district requires two-factor sign-in of everyone (ASVS 5.0 V6.3.3). Permission matrix of the
 * setting (PUT /api/sso/settings): signed out -> 401; district admins only, HR and staff 403; it
 * changes the caller's district only. Password sign-in then asks everyone for a code or a setup;
 * SSO sign-ins follow it in routes/sso.test.ts.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.ts';
import { buildDistrict, buildUser, enrolTestFactor, TEST_PASSWORD } from '../test/factories.ts';
import { anonymous, signIn, signInEnrolling, useTestApp, type Client } from '../test/harness.ts';
import { nextTotpCode } from '../test/totp.ts';
import { challengeFor, passwordStep } from '../test/fixtures/mfa.ts';

const t = useTestApp();
const db = () => t.database.db;

let districtId: string;
let admin: Client;
let adminId: string;

/** Turns the district's "two-factor sign-in for everyone" on or off from the admin's session. */
async function requireEveryone(on: boolean, client = admin) {
  const { settingsVersion } = (await client.get('/api/sso')).json();
  return client.request('PUT', '/api/sso/settings', { version: settingsVersion, requireTwoFactor: on });
}

beforeAll(async () => {
  districtId = (await buildDistrict(db())).id;
  const adminUser = await buildUser(db(), districtId, 'district_admin');
  adminId = adminUser.id;
  admin = await signIn(t.app, adminUser.email);
});

describe('two-factor sign-in required of everyone in a district', () => {
  it('is off by default, and only a district admin turns it on (audited, optimistic version)', async () => {
    const overview = (await admin.get('/api/sso')).json();
    expect(overview).toMatchObject({ requireTwoFactor: false, passwordSignIn: true });
    expect((await anonymous(t.app).request('PUT', '/api/sso/settings', { version: 1, requireTwoFactor: true })).statusCode).toBe(401);
    for (const access of ['hr', 'staff'] as const) {
      const other = await signIn(t.app, (await buildUser(db(), districtId, access)).email);
      expect(
        (await other.request('PUT', '/api/sso/settings', { version: overview.settingsVersion, requireTwoFactor: true })).statusCode,
      ).toBe(403);
    }
    const on = await admin.request('PUT', '/api/sso/settings', { version: overview.settingsVersion, requireTwoFactor: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ requireTwoFactor: true, passwordSignIn: true, settingsVersion: overview.settingsVersion + 1 });
    // A second admin's page from before the change: the stale version is refused with the current state.
    const stale = await admin.request('PUT', '/api/sso/settings', { version: overview.settingsVersion, requireTwoFactor: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ requireTwoFactor: true });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, districtId), eq(auditLog.action, 'sign_in_settings.update')));
    expect(audit).toMatchObject({ actorUserId: adminId, before: { requireTwoFactor: false }, after: { requireTwoFactor: true } });
    // Another district is not affected.
    const elsewhere = await buildDistrict(db());
    const otherTeacher = await buildUser(db(), elsewhere.id, 'staff');
    expect((await passwordStep(t.app, otherTeacher.email)).json().secondFactor).toBeUndefined();
  });

  it('then every password sign-in goes on to a code, or to setting up an app first', async () => {
    expect((await requireEveryone(true)).statusCode).toBe(200);
    const teacher = await buildUser(db(), districtId, 'staff');
    expect((await challengeFor(t.app, teacher.email)).step).toBe('enroll');
    const { client } = await signInEnrolling(t.app, teacher.email);
    expect((await client.get('/api/me/two-factor')).json()).toMatchObject({
      enrolled: true,
      required: true,
      requiredBy: 'district',
      sessionVerified: true,
    });

    const coach = await buildUser(db(), districtId, 'coach');
    await enrolTestFactor(db(), coach);
    expect((await challengeFor(t.app, coach.email)).step).toBe('verify');
    // HR see on the person page that the district requires it.
    const hr = await signIn(t.app, (await buildUser(db(), districtId, 'hr')).email);
    expect((await hr.get(`/api/people/${coach.personId}/two-factor`)).json()).toMatchObject({ enrolled: true, required: true });
  });

  it('refuses turning one’s own factor off while the district requires it; allows it once the district no longer does', async () => {
    expect((await requireEveryone(true)).statusCode).toBe(200);
    const teacher = await buildUser(db(), districtId, 'staff');
    await enrolTestFactor(db(), teacher);
    const client = await signIn(t.app, teacher.email);
    const refused = await client.post('/api/me/two-factor/disable', { method: 'password', password: TEST_PASSWORD });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual({ reason: 'required' });

    expect((await requireEveryone(false)).statusCode).toBe(200);
    expect((await client.get('/api/me/two-factor')).json()).toMatchObject({ required: false, requiredBy: null });
    const off = await client.post('/api/me/two-factor/disable', { method: 'totp', code: await nextTotpCode(teacher.email) });
    expect(off.statusCode, off.body).toBe(200);
    expect((await passwordStep(t.app, teacher.email)).json().secondFactor).toBeUndefined();
  });
});

/**
 * Session lifetime, password strength, sign-out audit and invitations across districts
 * (ASVS 5.0 V6.2, V7.3, V16): each a finding of issue 10 with the behaviour a person relies on.
 */
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, sessions } from '../db/schema/index.ts';
import { buildDistrict, buildPerson, buildUser, TEST_PASSWORD } from '../test/factories.ts';
import { invalidateSessions } from '../lib/session-cache.ts';
import { anonymous, signIn, useTestApp } from '../test/harness.ts';
import { setPasswordLink } from '../test/mailbox.ts';

const t = useTestApp({ SESSION_TTL_HOURS: '12', SESSION_MAX_HOURS: '24' }, { smtp: true });

/** The set-password link of the latest e-mail to `email`, read from the mail server. */
async function linkToken(email: string) {
  await t.app.background.settled();
  await t.app.mailer.settled();
  const all = t.mailbox.to(email);
  const latest = all.length > 0 ? all.at(-1)! : await t.mailbox.take(email);
  return setPasswordLink(latest).searchParams.get('token')!;
}

describe('session lifetime', () => {
  it('ends a session SESSION_MAX_HOURS after sign-in, however active it stayed', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const client = await signIn(t.app, user.email);
    // 23 hours in, used a minute ago: still signed in.
    await t.database.db.execute(
      sql`update sessions set created_at = now() - interval '23 hours', last_seen_at = now() - interval '10 minutes' where user_id = ${user.id}`,
    );
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    const [slid] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(slid!.expiresAt.getTime() - slid!.createdAt.getTime()).toBeLessThanOrEqual(24 * 3600_000 + 1000);
    // 25 hours in: over, even though the idle expiry lies ahead.
    await t.database.db.execute(
      sql`update sessions set created_at = now() - interval '25 hours', expires_at = now() + interval '11 hours' where user_id = ${user.id}`,
    );
    invalidateSessions(); // sessions are remembered for 5 s between reads; the change is made behind the app's back
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });
});

describe('sign-out', () => {
  it('is audited with who and from which address', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const client = await signIn(t.app, user.email);
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(204);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, d.id), eq(auditLog.action, 'auth.sign_out')));
    expect(row).toMatchObject({ actorUserId: user.id, entityId: user.id, after: { ip: '127.0.0.1' } });
  });
});

describe('password strength', () => {
  it('refuses a weak or personal password when accepting an invitation, with feedback to show', async () => {
    const d = await buildDistrict(t.database.db);
    const admin = await signIn(t.app, (await buildUser(t.database.db, d.id, 'district_admin')).email);
    const person = await buildPerson(t.database.db, d.id, {
      givenName: 'Marisol',
      familyName: 'Quintanilla',
      email: 'marisol.quintanilla@x.test',
    });
    expect((await admin.post(`/api/people/${person.id}/invite`)).statusCode).toBe(200);
    const token = await linkToken('marisol.quintanilla@x.test');
    const confirm = (password: string) => anonymous(t.app).post('/api/auth/password-reset/confirm', { token, password });

    const repeated = await confirm('aaaaaaaaaaaa');
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.details).toEqual([
      { path: 'password', message: 'weak', feedback: { warning: 'simpleRepeat', suggestions: expect.arrayContaining(['repeated']) } },
    ]);
    const common = await confirm('password1234');
    expect(common.json().error.details[0].feedback.warning).toBe('similarToCommon');
    const personal = await confirm('QuintanillaMarisol');
    expect(personal.statusCode).toBe(400);
    expect(personal.json().error.details[0].feedback.warning).toBe('userInputs');
    expect((await confirm('plum galaxy over the ferry')).statusCode).toBe(204);
  });

  it('refuses a weak new password when changing it, and when resetting it', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const client = await signIn(t.app, user.email);
    const weak = await client.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'qwertyuiop12' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toMatchObject({ path: 'newPassword', message: 'weak' });
    expect((await signIn(t.app, user.email)).cookie).toBeTruthy();

    expect((await anonymous(t.app).post('/api/auth/password-reset/request', { email: user.email })).statusCode).toBe(202);
    const reset = await anonymous(t.app).post('/api/auth/password-reset/confirm', {
      token: await linkToken(user.email),
      password: 'abcdefghijkl',
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.details[0]).toMatchObject({ path: 'password', message: 'weak' });
  });
});

describe('long passphrases', () => {
  it('accepts a long passphrase, kept whole (ASVS V6.2.9: at least 64 characters)', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const client = await signIn(t.app, user.email);
    const long = 'the heron waits by the reedbed while the ferry crosses twice each hour, unhurried';
    expect(long.length).toBeGreaterThan(64);
    expect((await client.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: long })).statusCode).toBe(204);
    expect((await signIn(t.app, user.email, long)).cookie).toBeTruthy();
    // Not truncated: the same passphrase without its last word does not sign in.
    const shorter = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: user.email, password: long.slice(0, -10) },
      remoteAddress: '192.0.2.77',
    });
    expect(shorter.statusCode).toBe(401);
  });
});

describe('inviting someone whose e-mail has an account in another district', () => {
  it('answers as any invitation (nothing of the other district shows); the invitee learns it when choosing a password', async () => {
    const db = t.database.db;
    const home = await buildDistrict(db);
    const elsewhere = await buildDistrict(db);
    const existing = await buildUser(db, elsewhere.id, 'staff');
    const admin = await signIn(t.app, (await buildUser(db, home.id, 'district_admin')).email);
    const person = await buildPerson(db, home.id, { email: existing.email });
    const fresh = await buildPerson(db, home.id, { email: `fresh-${person.id.slice(0, 8)}@x.test` });

    const invited = await admin.post(`/api/people/${person.id}/invite`);
    const control = await admin.post(`/api/people/${fresh.id}/invite`);
    expect(invited.statusCode).toBe(200);
    expect(invited.json().account.status).toBe(control.json().account.status);

    const confirm = await anonymous(t.app).post('/api/auth/password-reset/confirm', {
      token: await linkToken(existing.email),
      password: 'plum galaxy over the ferry',
    });
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.details).toEqual({ code: 'email_in_use' });
    // The other district's account is untouched.
    expect((await signIn(t.app, existing.email)).cookie).toBeTruthy();
  });

  it('inside the district, a second person with the same e-mail is refused with a clear reason', async () => {
    const db = t.database.db;
    const d = await buildDistrict(db);
    const admin = await signIn(t.app, (await buildUser(db, d.id, 'district_admin')).email);
    const colleague = await buildUser(db, d.id, 'staff');
    const twin = await buildPerson(db, d.id, { email: colleague.email });
    const res = await admin.post(`/api/people/${twin.id}/invite`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { code: 'email_in_district' } });
  });
});

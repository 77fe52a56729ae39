/**
 * Permission matrix: sign-in and password reset are open; session, sign-out -> 401 signed out;
 * a session from another district's user sees none of this district's rows (404).
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { passwordResets, users } from '../db/schema/index.ts';
import { buildDistrict, buildPerson, buildUser, TEST_PASSWORD } from '../test/factories.ts';
import { anonymous, signIn, useTestApp } from '../test/harness.ts';
import { setPasswordLink } from '../test/mailbox.ts';

const t = useTestApp({}, { smtp: true });
const signInRequest = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });

describe('sign in and out', () => {
  it('opens a session with an HttpOnly SameSite cookie and returns the user', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const res = await signInRequest(user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'trellis_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user.email).toBe(user.email);
    expect(res.json().csrfToken).toMatch(/.{20,}/);
    expect(res.body).not.toContain('passwordHash');
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const wrong = await signInRequest(user.email, 'not the password');
    const unknown = await signInRequest('nobody@example.test', 'whatever123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
  });

  it('throttles an e-mail after five failures, even with the right password', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    for (let i = 0; i < 5; i++) expect((await signInRequest(user.email, `guess-${i}-xxxx`)).statusCode).toBe(401);
    const res = await signInRequest(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate_limited');
  });

  it('signs out: the old cookie no longer works', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const client = await signIn(t.app, user.email);
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('signing in again ends the session the browser held: a new token every time (ASVS V7.2.4)', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const first = await signIn(t.app, user.email);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: user.email, password: TEST_PASSWORD },
      headers: { cookie: first.cookie! },
    });
    expect(again.statusCode).toBe(200);
    const token = again.cookies.find((c) => c.name === 'trellis_session')!.value;
    expect(first.cookie).not.toBe(`trellis_session=${token}`);
    expect((await first.get('/api/auth/session')).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `trellis_session=${token}` } })).statusCode,
    ).toBe(200);
  });

  it("stores no language until the person picks one, so the browser's language stays in use", async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const client = await signIn(t.app, user.email);
    expect((await client.get('/api/auth/session')).json().user.locale).toBeNull();
    expect((await client.get('/api/me')).json().locale).toBeNull();
    expect((await client.patch('/api/me', { locale: 'es' })).json().locale).toBe('es');
    expect((await client.get('/api/auth/session')).json().user.locale).toBe('es');
    const [row] = await t.database.db.select({ locale: users.locale }).from(users).where(eq(users.id, user.id));
    expect(row!.locale).toBe('es');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const client = await signIn(t.app, user.email);
    const res = await client.request('PATCH', '/api/me', { locale: 'es' }, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect((await client.patch('/api/me', { locale: 'es' })).json().locale).toBe('es');
  });

  it('a session cookie from another district reads none of this district (404)', async () => {
    const db = t.database.db;
    const home = await buildDistrict(db);
    const away = await buildDistrict(db);
    const person = await buildPerson(db, home.id);
    const outsider = await buildUser(db, away.id, 'district_admin');
    const client = await signIn(t.app, outsider.email);
    expect((await client.get(`/api/people/${person.id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/org-units/${person.orgUnitId}`)).statusCode).toBe(404);
    const list = (await client.get('/api/people?limit=200')).json();
    expect(list.items.map((p: { id: string }) => p.id)).not.toContain(person.id);
  });

  it('a deactivated person cannot use their session', async () => {
    const db = t.database.db;
    const d = await buildDistrict(db);
    const admin = await signIn(t.app, (await buildUser(db, d.id, 'district_admin')).email);
    const user = await buildUser(db, d.id, 'staff');
    const client = await signIn(t.app, user.email);
    const person = (await admin.get(`/api/people/${user.personId}`)).json();
    expect((await admin.post(`/api/people/${user.personId}/deactivate`, { version: person.version })).statusCode).toBe(200);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });
});

describe('password reset', () => {
  /** Asks for a reset and reads the link from the e-mail the local SMTP server received (null: none came). */
  async function requestLink(email: string) {
    const res = await anonymous(t.app).post('/api/auth/password-reset/request', { email });
    expect(res.statusCode).toBe(202);
    await t.app.background.settled();
    await t.app.mailer.settled();
    const [mail] = t.mailbox.to(email).slice(-1);
    return mail ? setPasswordLink(mail).searchParams.get('token')! : null;
  }

  it('e-mails a link that sets a new password once and ends old sessions', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const oldSession = await signIn(t.app, user.email);
    const token = await requestLink(user.email);
    expect(token).toBeTruthy();
    const confirm = () => anonymous(t.app).post('/api/auth/password-reset/confirm', { token, password: 'a brand new password' });
    expect((await confirm()).statusCode).toBe(204);
    expect((await oldSession.get('/api/auth/session')).statusCode).toBe(401);
    expect((await signInRequest(user.email, 'a brand new password')).statusCode).toBe(200);
    const reused = await confirm();
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('invalid_state');
  });

  it('opens no session from a reset: the next sign-in of someone with two-factor still asks for the code (ASVS V6.4.3)', async () => {
    const d = await buildDistrict(t.database.db);
    const hr = await buildUser(t.database.db, d.id, 'hr');
    const token = await requestLink(hr.email);
    const confirmed = await anonymous(t.app).post('/api/auth/password-reset/confirm', { token, password: 'a brand new password' });
    expect(confirmed.statusCode).toBe(204);
    expect(confirmed.cookies.find((c) => c.name === 'trellis_session')).toBeUndefined();
    const next = await signInRequest(hr.email, 'a brand new password');
    expect(next.statusCode).toBe(200);
    expect(next.json().secondFactor).toMatchObject({ step: 'verify' });
    expect(next.cookies.find((c) => c.name === 'trellis_session')).toBeUndefined();
  });

  it('refuses an expired link', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const token = await requestLink(user.email);
    await t.database.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, user.id));
    const res = await anonymous(t.app).post('/api/auth/password-reset/confirm', { token, password: 'a brand new password' });
    expect(res.statusCode).toBe(409);
    expect((await signInRequest(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers 202 for an unknown address and sends nothing', async () => {
    expect(await requestLink('ghost@example.test')).toBeNull();
  });

  it('stores only hashes of passwords and tokens', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const token = await requestLink(user.email);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^scrypt\$/);
    const resets = await t.database.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(resets.every((r) => r.tokenHash !== token)).toBe(true);
  });
});

/**
 * Deactivated people (ASVS 5.0 V7.4.2): deactivation by hand or by a roster import ends every way
 * in (sessions, calendar feeds, set-password links); sign-in answers as for a wrong password; a
 * reset request sends nothing; reactivation revives none of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildUser, TEST_PASSWORD } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { setPasswordLink } from '../test/mailbox.ts';
import { oneRosterSet } from '../test/roster-fixtures.ts';

const t = useTestApp({}, { smtp: true });
let districtId: string;
let admin: Client;

beforeAll(async () => {
  districtId = (await buildDistrict(t.database.db)).id;
  admin = await signIn(t.app, (await buildUser(t.database.db, districtId, 'district_admin')).email);
});

const signInRequest = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: '192.0.2.40' });

async function setActive(personId: string, active: boolean) {
  const { version } = (await admin.get(`/api/people/${personId}`)).json();
  const res = await admin.post(`/api/people/${personId}/${active ? 'reactivate' : 'deactivate'}`, { version });
  expect(res.statusCode).toBe(200);
}

/** Asks for a reset link and reads it from the e-mail that arrives (null when none is sent). */
async function resetLinkToken(email: string) {
  const before = t.mailbox.to(email).length;
  expect((await anonymous(t.app).post('/api/auth/password-reset/request', { email })).statusCode).toBe(202);
  await t.app.background.settled();
  await t.app.mailer.settled();
  if (t.mailbox.to(email).length === before) return null;
  return setPasswordLink(await t.mailbox.take(email)).searchParams.get('token');
}

/** Everything a person holds: a session, a calendar feed URL and a pending reset link. */
async function holdings(email: string) {
  const client = await signIn(t.app, email);
  const feed = new URL((await client.post('/api/calendar/feed')).json().url);
  const token = await resetLinkToken(email);
  expect(token).toBeTruthy();
  return { client, feedPath: feed.pathname, token };
}

async function expectAllEnded(email: string, held: Awaited<ReturnType<typeof holdings>>) {
  expect((await held.client.get('/api/auth/session')).statusCode).toBe(401);
  expect((await anonymous(t.app).get(held.feedPath)).statusCode).toBe(404);
  const confirm = await anonymous(t.app).post('/api/auth/password-reset/confirm', {
    token: held.token,
    password: 'a fresh passphrase of mine',
  });
  expect(confirm.statusCode).toBe(409);
  expect((await signInRequest(email, 'a fresh passphrase of mine')).statusCode).toBe(401);
}

describe('a person deactivated by hand', () => {
  it('signs in with the right password to the same 401 as a wrong one', async () => {
    const user = await buildUser(t.database.db, districtId, 'staff');
    await setActive(user.personId, false);
    const right = await signInRequest(user.email, TEST_PASSWORD);
    const wrong = await signInRequest(user.email, 'not the password at all');
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(wrong.json());
  });

  it('loses sessions, calendar feed and reset links, and reactivation revives none of them', async () => {
    const user = await buildUser(t.database.db, districtId, 'coach');
    const held = await holdings(user.email);
    await setActive(user.personId, false);
    await expectAllEnded(user.email, held);
    await setActive(user.personId, true);
    await expectAllEnded(user.email, held);
    // Reactivated, they sign in again with their password as before.
    expect((await signInRequest(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('asking for a password reset answers 202 and sends nothing', async () => {
    const user = await buildUser(t.database.db, districtId, 'staff');
    await setActive(user.personId, false);
    expect(await resetLinkToken(user.email)).toBeNull();
  });
});

describe('a person deactivated by a roster import', () => {
  /** Uploads a OneRoster set and applies it, as the Import page does. */
  async function importRoster(files: { name: string; data: Buffer }[]) {
    const boundary = `----roster${Date.now()}`;
    const body = Buffer.concat([
      ...files.map((f) =>
        Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`,
          ),
          f.data,
          Buffer.from('\r\n'),
        ]),
      ),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const dry = await admin.request('POST', '/api/imports', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(dry.statusCode).toBe(201);
    expect((await admin.post(`/api/imports/${dry.json().id}/apply`)).statusCode).toBe(202);
    for (let i = 0; i < 200; i++) {
      const current = (await admin.get(`/api/imports/${dry.json().id}`)).json();
      if (current.status !== 'running') return current;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  }

  it('loses sessions, calendar feed and reset links like one deactivated by hand', async () => {
    expect((await importRoster(oneRosterSet(2, 1, 'deact'))).status).toBe('applied');
    const email = 'deact.user1@example.test';
    const person = (await admin.get(`/api/people?q=${encodeURIComponent('Given1 Family1')}`)).json().items[0];
    expect((await admin.post(`/api/people/${person.id}/invite`)).statusCode).toBe(200);
    const inviteToken = setPasswordLink(await t.mailbox.take(email)).searchParams.get('token');
    expect(
      (await anonymous(t.app).post('/api/auth/password-reset/confirm', { token: inviteToken, password: TEST_PASSWORD })).statusCode,
    ).toBe(204);
    const held = await holdings(email);

    // The next bulk set no longer lists user 1: the import deactivates them.
    expect((await importRoster(oneRosterSet(1, 1, 'deact'))).status).toBe('applied');
    expect((await admin.get(`/api/people/${person.id}`)).json().active).toBe(false);
    await expectAllEnded(email, held);
    expect((await signInRequest(email, TEST_PASSWORD)).statusCode).toBe(401);
  });
});

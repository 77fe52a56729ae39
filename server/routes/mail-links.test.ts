/**
 * Issue 10, findings 2, 4 and 8: links in e-mail come from configuration only (never from request
 * headers), nobody but the recipient ever sees a set-password link, a new link revokes the old
 * ones, and a reset request does no work that depends on whether the address has an account.
 * Permission matrix of the routes used: reset request/confirm open; invite HR and admins; outbox
 * district admins; calendar feed the caller's own.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxEmails, passwordResets, users } from '../db/schema/index.ts';
import { hashToken } from '../services/auth/tokens.ts';
import { buildDistrict, buildPerson, buildUser, TEST_PASSWORD } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type TestContext } from '../test/harness.ts';
import { setPasswordLink } from '../test/mailbox.ts';
import { coachingWorld, postOk, sessionBody } from '../test/fixtures/coaching.ts';

const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

/** The next e-mail to `to`, as its recipient reads it (from the local SMTP server). */
const mailTo = (t: TestContext, to: string) => t.mailbox.take(to);

/** The set-password link of the next e-mail to `to`. */
const linkTo = async (t: TestContext, to: string) => setPasswordLink(await mailTo(t, to));

const requestReset = (t: TestContext, email: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email }, headers });
const confirm = (t: TestContext, link: URL, password: string) =>
  anonymous(t.app).post('/api/auth/password-reset/confirm', { token: link.searchParams.get('token'), password });

const t = useTestApp({ HOST: '127.0.0.1', PORT: '4123' }, { smtp: true });

describe('finding 2: without PUBLIC_URL, links are built from HOST and PORT, never from request headers', () => {
  it('a signed-out reset request with a forged Host / X-Forwarded-Host gets a link to this server', async () => {
    const user = await buildUser(t.database.db, (await buildDistrict(t.database.db)).id, 'staff');
    expect((await requestReset(t, user.email, FORGED)).statusCode).toBe(202);
    const link = await linkTo(t, user.email);
    expect(link.origin).toBe('http://127.0.0.1:4123');
  });

  it('an invitation sent through a forged proxy header links to this server', async () => {
    const districtId = (await buildDistrict(t.database.db)).id;
    const admin = await signIn(t.app, (await buildUser(t.database.db, districtId, 'district_admin')).email);
    const person = await buildPerson(t.database.db, districtId, { email: `invitee-${districtId.slice(0, 8)}@x.test` });
    expect((await admin.request('POST', `/api/people/${person.id}/invite`, {}, FORGED)).statusCode).toBe(200);
    expect((await linkTo(t, person.email!)).origin).toBe('http://127.0.0.1:4123');
  });

  it('the calendar feed URL does not follow a forged Host header', async () => {
    const user = await buildUser(t.database.db, (await buildDistrict(t.database.db)).id, 'staff');
    const client = await signIn(t.app, user.email);
    const res = await client.request('POST', '/api/calendar/feed', {}, FORGED);
    expect(res.statusCode).toBe(201);
    expect(new URL(res.json().url).origin).toBe('http://127.0.0.1:4123');
  });
});

describe('finding 2: with PUBLIC_URL, every e-mailed link uses it', () => {
  const t = useTestApp({ PUBLIC_URL: 'https://trellis.district.example/' }, { smtp: true });

  it('a notification e-mail links to PUBLIC_URL (not to a default baked into the code)', async () => {
    const w = await coachingWorld(t);
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const log = await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.coachee], { status: 'scheduled', startsAt, notes: '' }));
    const [coachee] = await t.database.db.select().from(users).where(eq(users.personId, w.ids.coachee));
    const { text } = await mailTo(t, coachee!.email);
    expect(text).toContain(`https://trellis.district.example/coaching?log=${log.id}`);
  });
});

describe('finding 4: set-password links reach only their recipient, and the newest revokes the others', () => {
  it('a district admin who asks for a teacher’s reset cannot read the link in the outbox (API or table)', async () => {
    const districtId = (await buildDistrict(t.database.db)).id;
    const admin = await signIn(t.app, (await buildUser(t.database.db, districtId, 'district_admin')).email);
    const teacher = await buildUser(t.database.db, districtId, 'staff');
    expect((await requestReset(t, teacher.email)).statusCode).toBe(202);
    const token = (await linkTo(t, teacher.email)).searchParams.get('token')!;
    await t.app.mailer.settled();
    const outbox = await admin.get('/api/outbox');
    expect(outbox.statusCode).toBe(200);
    expect(outbox.body).not.toMatch(/reset-password\?token=/);
    expect(outbox.body).not.toContain(token);
    const [shown] = outbox.json().items.filter((e: { toAddress: string }) => e.toAddress === teacher.email);
    expect(shown).toMatchObject({ kind: 'password_reset', status: 'sent', linkWithheld: true, attempts: 1 });
    const rows = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, teacher.email));
    expect(rows.length).toBe(1);
    expect(rows[0]!.body).not.toContain(token);
    expect(rows[0]!.body).not.toMatch(/token=/);
  });

  it('a new reset request revokes the earlier link', async () => {
    const user = await buildUser(t.database.db, (await buildDistrict(t.database.db)).id, 'staff');
    await requestReset(t, user.email);
    const first = await linkTo(t, user.email);
    await requestReset(t, user.email);
    const second = await linkTo(t, user.email);
    expect(second.href).not.toBe(first.href);
    expect((await confirm(t, first, 'first link password 1')).statusCode).toBe(409);
    expect((await confirm(t, second, 'second link password 2')).statusCode).toBe(204);
  });

  it('changing one’s password revokes every open reset link', async () => {
    const user = await buildUser(t.database.db, (await buildDistrict(t.database.db)).id, 'staff');
    await requestReset(t, user.email);
    const link = await linkTo(t, user.email);
    const client = await signIn(t.app, user.email);
    expect(
      (await client.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'changed it myself 42' })).statusCode,
    ).toBe(204);
    expect((await confirm(t, link, 'attacker chosen password')).statusCode).toBe(409);
    expect((await signIn(t.app, user.email, 'changed it myself 42')).cookie).toBeTruthy();
  });

  it('resending an invitation revokes the earlier invitation link', async () => {
    const districtId = (await buildDistrict(t.database.db)).id;
    const hr = await signIn(t.app, (await buildUser(t.database.db, districtId, 'hr')).email);
    const person = await buildPerson(t.database.db, districtId, { email: `resend-${districtId.slice(0, 8)}@x.test` });
    expect((await hr.post(`/api/people/${person.id}/invite`)).statusCode).toBe(200);
    const first = await linkTo(t, person.email!);
    expect((await hr.post(`/api/people/${person.id}/invite`)).statusCode).toBe(200);
    const second = await linkTo(t, person.email!);
    expect((await confirm(t, first, 'from the first invitation')).statusCode).toBe(409);
    expect((await confirm(t, second, 'from the second invitation')).statusCode).toBe(204);
  });

  it('completing a reset revokes every other open link of that user (e.g. links made before an upgrade)', async () => {
    const user = await buildUser(t.database.db, (await buildDistrict(t.database.db)).id, 'staff');
    const expiresAt = new Date(Date.now() + 3600_000);
    const tokens = ['older-link-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'other-link-token-bbbbbbbbbbbbbbbbbbbbbbbbbbbb'];
    await t.database.db.insert(passwordResets).values(tokens.map((token) => ({ userId: user.id, tokenHash: hashToken(token), expiresAt })));
    const use = (token: string, password: string) => anonymous(t.app).post('/api/auth/password-reset/confirm', { token, password });
    expect((await use(tokens[0]!, 'the owner sets this one')).statusCode).toBe(204);
    expect((await use(tokens[1]!, 'the attacker tries this')).statusCode).toBe(409);
  });
});

describe('finding 8: a reset request does the same work whether or not the address has an account', () => {
  it('answers while the accounts table is locked: no lookup, no write on the request path', async () => {
    const user = await buildUser(t.database.db, (await buildDistrict(t.database.db)).id, 'staff');
    /** The request, answered while this test holds every table it could touch. */
    const answerUnderLock = (email: string) =>
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`LOCK TABLE users, password_resets, outbox_emails IN ACCESS EXCLUSIVE MODE`);
        const waited = new Promise<'waited for the database'>((resolve) => setTimeout(() => resolve('waited for the database'), 10_000));
        return Promise.race([requestReset(t, email).then((res) => res.statusCode), waited]);
      });
    for (const email of [user.email, 'nobody-here@example.test']) {
      // Earlier tests' e-mails may still be going out: the lock waits for none of their rows.
      await t.app.background.settled();
      await t.app.mailer.settled();
      let answer: number | string | undefined;
      for (let attempt = 0; answer === undefined; attempt++) {
        try {
          answer = await answerUnderLock(email);
        } catch (err) {
          // PostgreSQL broke a deadlock between taking the lock and the mail worker's own rows (40P01):
          // nothing of the request ran; take the lock again.
          const e = err as { code?: string; cause?: { code?: string } };
          const code = e.cause?.code ?? e.code;
          if (code !== '40P01' || attempt >= 3) throw err;
        }
      }
      expect(answer, email).toBe(202);
    }
    // Afterwards, off the request path: the account holder gets a link, the unknown address nothing.
    await t.app.background.settled();
    await t.app.mailer.settled();
    expect(setPasswordLink(await mailTo(t, user.email)).origin).toBe('http://127.0.0.1:4123');
    expect(t.mailbox.to('nobody-here@example.test')).toEqual([]);
  });
});

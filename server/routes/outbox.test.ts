/**
 * E-mail that leaves the server, read from a real local SMTP server: reset and invitation messages,
 * retries of transient refusals, permanent refusals, and what district admins read on the Outbox.
 * Permission matrix: GET /api/outbox -> signed out 401, every role but district admin 403
 * (server/policies/permissions.test.ts); another district's e-mails are never listed.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outboxEmails, users } from '../db/schema/index.ts';
import { buildDistrict, buildPerson, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { setPasswordLink } from '../test/mailbox.ts';
import { coachingWorld, postOk, sessionBody } from '../test/fixtures/coaching.ts';

/** SMTP replies the local server gives, in order, to an address before it accepts. */
const refusals = new Map<string, { code: number; message: string }[]>();
const t = useTestApp(
  { SMTP_FROM: 'Sunshine Trellis <trellis@sunshine.example>', PUBLIC_URL: 'https://trellis.sunshine.example' },
  { smtp: { refuse: (to) => refusals.get(to)?.shift() ?? null } },
);

let districtId: string;
let admin: Client;
beforeAll(async () => {
  districtId = (await buildDistrict(t.database.db)).id;
  admin = await signIn(t.app, (await buildUser(t.database.db, districtId, 'district_admin')).email);
});

const requestReset = (email: string) => anonymous(t.app).post('/api/auth/password-reset/request', { email });
const confirm = (token: string | null, password: string) => anonymous(t.app).post('/api/auth/password-reset/confirm', { token, password });
/** Waits until every e-mail under way has been sent, retried out or failed. */
const delivered = async () => {
  await t.app.background.settled();
  await t.app.mailer.settled();
};
async function outboxRow(to: string) {
  await delivered();
  const items = (await admin.get('/api/outbox')).json().items as { toAddress: string }[];
  return items.find((e) => e.toAddress === to) as Record<string, unknown>;
}

describe('set-password e-mails through SMTP', () => {
  it('a reset e-mail arrives from SMTP_FROM, marked automatic; its link sets the password', async () => {
    const user = await buildUser(t.database.db, districtId, 'staff');
    expect((await requestReset(user.email)).statusCode).toBe(202);
    const mail = await t.mailbox.take(user.email);
    expect(mail.headers.from).toBe('Sunshine Trellis <trellis@sunshine.example>');
    expect(mail.mailFrom).toBe('trellis@sunshine.example');
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    expect(mail.subject).toBe('Reset your Trellis password');
    const link = setPasswordLink(mail);
    expect(`${link.origin}${link.pathname}`).toBe('https://trellis.sunshine.example/reset-password');
    expect((await confirm(link.searchParams.get('token'), 'chosen from the e-mail 7')).statusCode).toBe(204);
    expect((await signIn(t.app, user.email, 'chosen from the e-mail 7')).cookie).toBeTruthy();
    expect(await outboxRow(user.email)).toMatchObject({
      kind: 'password_reset',
      status: 'sent',
      attempts: 1,
      linkWithheld: true,
      failureReason: null,
    });
  });

  it('a Spanish-speaking user gets the reset in Spanish, its subject decoded as written', async () => {
    const user = await buildUser(t.database.db, districtId, 'staff');
    await t.database.db.update(users).set({ locale: 'es' }).where(eq(users.id, user.id));
    await requestReset(user.email);
    const mail = await t.mailbox.take(user.email);
    expect(mail.subject).toBe('Restablezca su contraseña de Trellis');
    expect(mail.text).toContain('Abra este enlace antes de una hora');
    expect((await confirm(setPasswordLink(mail).searchParams.get('token'), 'contraseña nueva y larga')).statusCode).toBe(204);
  });

  it('an invitation arrives; the invitee follows its link, chooses a password and signs in', async () => {
    const hr = await signIn(t.app, (await buildUser(t.database.db, districtId, 'hr')).email);
    const person = await buildPerson(t.database.db, districtId, { email: 'lena.ortiz@sunshine.example', givenName: 'Lena' });
    expect((await hr.post(`/api/people/${person.id}/invite`)).statusCode).toBe(200);
    const mail = await t.mailbox.take('lena.ortiz@sunshine.example');
    expect(mail.subject).toBe('You are invited to Trellis');
    expect(mail.text).toMatch(/^Hello Lena,/);
    expect((await confirm(setPasswordLink(mail).searchParams.get('token'), 'lena picks her own')).statusCode).toBe(204);
    expect((await signIn(t.app, 'lena.ortiz@sunshine.example', 'lena picks her own')).cookie).toBeTruthy();
    const row = await outboxRow('lena.ortiz@sunshine.example');
    expect(row).toMatchObject({ kind: 'invitation', status: 'sent', linkWithheld: true });
    expect(row.body).toContain('[link sent only to the recipient; Trellis keeps no copy]');
  });
});

describe('retries and refusals', () => {
  it('a reset refused for now (451) is retried from memory and arrives; the outbox shows both attempts', async () => {
    const user = await buildUser(t.database.db, districtId, 'staff');
    refusals.set(user.email, [{ code: 451, message: 'Mailbox busy, try again later' }]);
    await requestReset(user.email);
    const mail = await t.mailbox.take(user.email);
    expect((await confirm(setPasswordLink(mail).searchParams.get('token'), 'after one retry 123')).statusCode).toBe(204);
    const row = await outboxRow(user.email);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, failureReason: null });
    expect(row.lastError).toContain('451');
  });

  it('a notification refused for now is retried by the worker from the stored outbox', async () => {
    const w = await coachingWorld(t);
    const [coachee] = await t.database.db.select().from(users).where(eq(users.personId, w.ids.coachee));
    refusals.set(coachee!.email, [{ code: 421, message: 'Service not available, closing channel' }]);
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    await postOk(w.coach, '/api/coaching/logs', sessionBody([w.ids.coachee], { status: 'scheduled', startsAt, notes: '' }));
    const mail = await t.mailbox.take(coachee!.email);
    expect(mail.text).toContain('https://trellis.sunshine.example/coaching?log=');
    await delivered();
    const [row] = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, coachee!.email));
    expect(row).toMatchObject({ kind: 'notification', status: 'sent', attempts: 2, linkWithheld: false });
  });

  it('a permanent refusal (550) fails at once and the admin reads the server’s answer', async () => {
    const user = await buildUser(t.database.db, districtId, 'staff');
    refusals.set(user.email, [{ code: 550, message: 'No such user here' }]);
    await requestReset(user.email);
    const row = await outboxRow(user.email);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, failureReason: 'rejected', sentAt: null });
    expect(row.lastError).toMatch(/550.*No such user here/);
    expect(t.mailbox.to(user.email)).toEqual([]);
  });

  it('a held e-mail whose process ended before sending it fails as interrupted', async () => {
    const [row] = await t.database.db
      .insert(outboxEmails)
      .values({
        districtId,
        kind: 'password_reset',
        toAddress: 'gone@sunshine.example',
        subject: 'Reset',
        body: '[…]',
        linkWithheld: true,
        leaseUntil: new Date(Date.now() - 1000),
      })
      .returning();
    t.app.mailer.nudge();
    expect(await outboxRow('gone@sunshine.example')).toMatchObject({
      id: row!.id,
      status: 'failed',
      failureReason: 'interrupted',
      attempts: 0,
    });
  });
});

describe('the Outbox page’s data', () => {
  it('lists this district’s e-mails with their state, filters by status, and audits each read', async () => {
    const other = await buildDistrict(t.database.db);
    const stranger = await buildUser(t.database.db, other.id, 'staff');
    await requestReset(stranger.email);
    await t.mailbox.take(stranger.email);
    const res = await admin.get('/api/outbox?status=failed');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ delivery: 'smtp', timeZone: 'America/New_York' });
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e: { status: string }) => e.status === 'failed')).toBe(true);
    const all = (await admin.get('/api/outbox')).json().items as { toAddress: string }[];
    expect(all.some((e) => e.toAddress === stranger.email)).toBe(false);
    const reads = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, districtId), eq(auditLog.action, 'outbox.read')));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.some((r) => (r.after as { status: string | null }).status === 'failed')).toBe(true);
  });
});

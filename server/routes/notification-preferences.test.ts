/**
 * Permission matrix: my preferences -> 401 signed out; each person reads and changes only their own
 * (no id in the URL: another district's user sees their own defaults, and no role is refused).
 * Unsubscribe is public: a token this server signed turns one kind (or the digest) off; any other -> 400.
 * E-mail as its reader gets it: a real local SMTP server (test/mailbox.ts).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../common/observation.ts';
import { nonSchoolDays, notifications, outboxEmails, users } from '../db/schema/index.ts';
import { digestJobId } from '../jobs/digest-schedule.ts';
import { secretKey } from '../lib/secret-key.ts';
import { RequestMail } from '../services/mail/outlet.ts';
import { notify } from '../services/notifications/notify.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp({ PUBLIC_URL: 'https://trellis.example' }, { smtp: true });
const PREFS = '/api/me/notification-preferences';

let districtId: string;
let actorPersonId: string;
type Reader = { client: Client; personId: string; email: string };

async function reader(locale: 'en' | 'es' | null = null): Promise<Reader> {
  const user = await buildUser(t.database.db, districtId, 'staff');
  if (locale) await t.database.db.update(users).set({ locale }).where(eq(users.id, user.id));
  return { client: await signIn(t.app, user.email), personId: user.personId!, email: user.email };
}

/** Another service notifying, as it does inside its own write, then the request's e-mail handed on. */
async function tell(to: Reader, kind: NotificationKind, params: Record<string, string>) {
  const mail = new RequestMail('https://trellis.example', secretKey(t.app.env, 'notification-unsubscribe'));
  const ctx = {
    db: t.database.db,
    actor: { userId: randomUUID(), personId: actorPersonId, districtId },
    requestId: 'test',
    log: console,
    mail,
  } as never;
  await t.database.db.transaction((tx) =>
    notify(tx, ctx, { personIds: [to.personId], kind, entityType: 'observation', entityId: randomUUID(), params, path: '/observations/x' }),
  );
  mail.finish(t.app.mailer, true);
  await t.app.mailer.settled();
}

async function choose(r: Reader, changes: Partial<Record<NotificationKind, string>>) {
  const current = (await r.client.get(PREFS)).json();
  const res = await r.client.request('PUT', PREFS, { deliveries: { ...current.deliveries, ...changes }, version: current.version });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const unsubscribeLink = (text: string) => new URL(/https:\/\/trellis\.example\/unsubscribe\?token=\S+/.exec(text)![0]);

async function runDigest(day: string) {
  await t.app.jobs.send('notification-digest', { districtId, day }, { id: digestJobId(districtId, day) });
  await t.app.jobs.settled();
  await t.app.mailer.settled();
}

beforeAll(async () => {
  districtId = (await buildDistrict(t.database.db)).id;
  actorPersonId = (await buildUser(t.database.db, districtId, 'school_leader')).personId!;
});

describe('notification preferences', () => {
  it('signed out -> 401; defaults first; saved with a version; a stale version -> 409 with the current ones', async () => {
    expect((await anonymous(t.app).get(PREFS)).statusCode).toBe(401);
    expect((await anonymous(t.app).request('PUT', PREFS, { deliveries: {}, version: 0 })).statusCode).toBe(401);
    const me = await reader();
    const first = (await me.client.get(PREFS)).json();
    expect(first).toMatchObject({
      version: 0,
      deliveries: { observation_published: 'immediately', coaching_session_scheduled: 'immediately' },
    });

    const saved = await choose(me, { observation_reply: 'digest', coaching_log_shared: 'off' });
    expect(saved).toMatchObject({
      version: 1,
      deliveries: { observation_reply: 'digest', coaching_log_shared: 'off', observation_published: 'immediately' },
    });
    const stale = await me.client.request('PUT', PREFS, { deliveries: first.deliveries, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.deliveries.observation_reply).toBe('digest');

    // Another district's user (and anyone else) sees their own, untouched.
    const outsider = await signIn(
      t.app,
      (await buildUser(t.database.db, (await buildDistrict(t.database.db, 'Other')).id, 'district_admin')).email,
    );
    expect((await outsider.get(PREFS)).json()).toMatchObject({ version: 0, deliveries: { observation_reply: 'immediately' } });
  });

  it('bad input -> 400 and the saved preferences stay', async () => {
    const me = await reader();
    const saved = await choose(me, { observation_reply: 'digest' });
    const bad = await me.client.request('PUT', PREFS, {
      deliveries: { ...saved.deliveries, observation_reply: 'weekly' },
      version: saved.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const missing = await me.client.request('PUT', PREFS, { deliveries: { observation_reply: 'off' }, version: saved.version });
    expect(missing.statusCode).toBe(400);
    expect((await me.client.get(PREFS)).json()).toEqual(saved);
  });
});

describe('e-mail of a notification', () => {
  it('immediately: arrives in Spanish for a Spanish reader, date in the district zone, with one-click unsubscribe headers', async () => {
    const ana = await reader('es');
    await tell(ana, 'observation_published', { observer: 'Luis Gómez', date: '2026-11-20' });
    const email = await t.mailbox.take(ana.email);
    expect(email.subject).toBe('Nueva observación de Luis Gómez');
    expect(email.text).toContain('Hola, ');
    expect(email.text).toContain('20 nov 2026');
    expect(email.text).toContain('https://trellis.example/observations/x');
    expect(email.text).toContain('Dejar de recibir estos correos');
    expect(email.headers['list-unsubscribe']).toMatch(/^<https:\/\/trellis\.example\/api\/notifications\/unsubscribe\?token=[\w.-]+>$/);
    expect(email.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(email.headers['auto-submitted']).toBe('auto-generated');
  });

  it('off: the in-app notification is there, no e-mail is queued', async () => {
    const bo = await reader();
    await choose(bo, { observation_published: 'off' });
    await tell(bo, 'observation_published', { observer: 'Luis', date: '2026-11-20' });
    expect((await bo.client.get('/api/notifications')).json().total).toBe(1);
    expect(await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, bo.email))).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('gathers the day’s digest notifications into one e-mail, not on a non-school day, and never twice', async () => {
    const cy = await reader();
    await choose(cy, { observation_reply: 'digest', action_step_assigned: 'digest' });
    await tell(cy, 'observation_reply', { author: 'Luis', date: '2026-11-20', excerpt: 'Thanks' });
    await tell(cy, 'action_step_assigned', { author: 'Luis', title: 'Wait time', due: '2026-12-01' });
    await tell(cy, 'observation_published', { observer: 'Luis', date: '2026-11-20' });
    // The immediate one came alone, at once.
    expect((await t.mailbox.take(cy.email)).subject).toBe('New observation from Luis');

    // Saturday, and a holiday on a Wednesday: nothing.
    await t.database.db.insert(nonSchoolDays).values({ districtId, day: '2026-11-25', kind: 'holiday', label: 'Thanksgiving break' });
    await runDigest('2026-11-21');
    await runDigest('2026-11-25');
    expect(t.mailbox.to(cy.email)).toHaveLength(1);

    // The next school day: one e-mail with both.
    await runDigest('2026-11-30');
    const digest = await t.mailbox.take(cy.email);
    expect(digest.subject).toBe('Trellis: 2 updates for you');
    expect(digest.text).toContain('Luis replied on the observation of Nov 20, 2026');
    expect(digest.text).toContain('A new action step: Wait time');
    expect(digest.text).not.toContain('New observation from Luis');
    expect(digest.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const rows = await t.database.db.select().from(notifications).where(eq(notifications.personId, cy.personId));
    expect(
      rows
        .filter((r) => r.digestedAt !== null)
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['action_step_assigned', 'observation_reply']);

    // The same day again, or the next: nothing new to send.
    await t.app.jobs.send('notification-digest', { districtId, day: '2026-11-30' }, { id: digestJobId(districtId, '2026-11-30') });
    await runDigest('2026-12-01');
    expect(t.mailbox.to(cy.email)).toHaveLength(2);
  });
});

describe('unsubscribe', () => {
  it('the link works signed out, once sets that kind off; a tampered token is refused', async () => {
    const di = await reader();
    await tell(di, 'coaching_session_scheduled', { coach: 'Luis', date: '2026-11-20', activity: 'modeling' });
    const email = await t.mailbox.take(di.email);
    const token = unsubscribeLink(email.text).searchParams.get('token')!;
    const header = new URL(email.headers['list-unsubscribe']!.slice(1, -1));
    expect(header.searchParams.get('token')).toBe(token);

    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const refused = await anonymous(t.app).post(`/api/notifications/unsubscribe?token=${tampered}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('validation_failed');
    expect((await anonymous(t.app).post('/api/notifications/unsubscribe')).statusCode).toBe(400);
    // Another person's claim with this signature is refused too.
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(`${districtId}:${actorPersonId}:coaching_session_scheduled`).toString('base64url')}.${signature}`;
    expect((await anonymous(t.app).post('/api/notifications/unsubscribe', { token: forged })).statusCode).toBe(400);
    expect((await di.client.get(PREFS)).json().deliveries.coaching_session_scheduled).toBe('immediately');

    // RFC 8058: the mail client posts the form to the header's URL, without a session.
    const res = await t.app.inject({
      method: 'POST',
      url: `${header.pathname}${header.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kind: 'coaching_session_scheduled', delivery: 'off' });
    // Again (the web page's button): still off, nothing else changed.
    expect((await anonymous(t.app).post('/api/notifications/unsubscribe', { token })).statusCode).toBe(200);
    const prefs = (await di.client.get(PREFS)).json();
    expect(prefs).toMatchObject({ version: 1, deliveries: { coaching_session_scheduled: 'off', observation_published: 'immediately' } });

    await tell(di, 'coaching_session_scheduled', { coach: 'Luis', date: '2026-11-21', activity: 'modeling' });
    expect(t.mailbox.to(di.email)).toHaveLength(1);
  });
});

describe('the digest schedule', () => {
  it('enqueues a district’s digest once its morning has come, once per day however often it looks', async () => {
    // Districts are in America/New_York by default: 06:00 there is too early, 08:00 is the morning.
    const early = await t.app.digestSchedule.tick(new Date('2026-12-02T11:00:00Z'));
    expect(early.find((d) => d.districtId === districtId)).toBeUndefined();
    const morning = await t.app.digestSchedule.tick(new Date('2026-12-02T13:00:00Z'));
    expect(morning.find((d) => d.districtId === districtId)).toEqual({ districtId, day: '2026-12-02' });
    await t.app.digestSchedule.tick(new Date('2026-12-02T15:00:00Z'));
    await t.app.jobs.settled();
    const { rows } = await t.app.jobs.sql.executeSql(`select state from pgboss.job where name = 'notification-digest' and id = $1`, [
      digestJobId(districtId, '2026-12-02'),
    ]);
    expect(rows).toEqual([{ state: 'completed' }]);
  });
});

describe('the district’s notification settings', () => {
  const SETTINGS = '/api/settings/notifications';

  it('everyone reads them; only district admins change them (stale -> 409, bad -> 400); the schedule keeps the hour', async () => {
    const own = (await buildDistrict(t.database.db, 'Early district')).id;
    expect((await anonymous(t.app).get(SETTINGS)).statusCode).toBe(401);
    expect((await anonymous(t.app).request('PUT', SETTINGS, { digestHour: 6, defaultLocale: 'es', version: 1 })).statusCode).toBe(401);
    const staff = await signIn(t.app, (await buildUser(t.database.db, own, 'staff')).email);
    const hr = await signIn(t.app, (await buildUser(t.database.db, own, 'hr')).email);
    const admin = await signIn(t.app, (await buildUser(t.database.db, own, 'district_admin')).email);
    const first = (await staff.get(SETTINGS)).json();
    expect(first).toMatchObject({ digestHour: 7, defaultLocale: 'en', abilities: { update: false } });
    expect((await admin.get(SETTINGS)).json().abilities.update).toBe(true);
    for (const other of [staff, hr]) {
      const refused = await other.request('PUT', SETTINGS, { digestHour: 5, defaultLocale: 'es', version: first.version });
      expect(refused.statusCode).toBe(403);
    }
    expect((await admin.request('PUT', SETTINGS, { digestHour: 24, defaultLocale: 'es', version: first.version })).statusCode).toBe(400);
    expect((await admin.request('PUT', SETTINGS, { digestHour: 5, defaultLocale: 'fr', version: first.version })).statusCode).toBe(400);
    const saved = await admin.request('PUT', SETTINGS, { digestHour: 5, defaultLocale: 'es', version: first.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ digestHour: 5, defaultLocale: 'es', version: first.version + 1 });
    const stale = await admin.request('PUT', SETTINGS, { digestHour: 9, defaultLocale: 'en', version: first.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ digestHour: 5, defaultLocale: 'es' });
    // Another district keeps its own.
    expect((await (await reader()).client.get(SETTINGS)).json()).toMatchObject({ digestHour: 7, defaultLocale: 'en' });

    // 05:30 in New York: this district's morning has come, the others' (07:00) not yet.
    const due = await t.app.digestSchedule.tick(new Date('2026-12-03T10:30:00Z'));
    expect(due.find((d) => d.districtId === own)).toEqual({ districtId: own, day: '2026-12-03' });
    expect(due.find((d) => d.districtId === districtId)).toBeUndefined();
    await t.app.jobs.settled();
  });
});

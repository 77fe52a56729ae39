/**
 * How e-mail leaves (or does not leave) the server in each configuration, and what survives a
 * restart: several Trellis processes in turn on one database, as an operator would run them.
 */
import net from 'node:net';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { outboxEmails } from '../../db/schema/index.ts';
import { loadEnv } from '../../env.ts';
import { buildDistrict, buildUser } from '../../test/factories.ts';
import { openTestDatabase } from '../../test/database.ts';
import { Mailbox, setPasswordLink } from '../../test/mailbox.ts';
import type { MailerOptions } from './mailer.ts';
import { recordEmails } from './outbox-store.ts';

let database: Database;
let districtId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  districtId = (await buildDistrict(database.db)).id;
}, 60_000);
afterAll(async () => {
  await database?.close();
});

/** A Trellis process on the shared database; `logs` collects everything it logs. */
async function startTrellis(env: Record<string, string>, mail: MailerOptions & { print?: (text: string) => void } = {}) {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({ database, env: loadEnv({ NODE_ENV: 'test', ...env }), logger: { level: 'debug', stream }, mail });
  await app.ready();
  return { app, logs };
}

const requestReset = (app: App, email: string) =>
  app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email } });
const rowsTo = (to: string) => database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, to));

/** A local port nothing listens on: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls the database until `check` holds for the rows to `to` (the worker runs on its own). */
async function until(to: string, check: (rows: (typeof outboxEmails.$inferSelect)[]) => boolean) {
  for (let i = 0; i < 300; i++) {
    const rows = await rowsTo(to);
    if (check(rows)) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`outbox rows to ${to} never reached the expected state: ${JSON.stringify(await rowsTo(to))}`);
}

describe('without an SMTP server', () => {
  it('in production, nothing is sent: each e-mail fails with "no SMTP server configured"', async () => {
    const { app } = await startTrellis({ NODE_ENV: 'production' });
    try {
      const user = await buildUser(database.db, districtId, 'staff');
      await requestReset(app, user.email);
      await recordEmails(database.db, [{ districtId, kind: 'notification', toAddress: user.email, subject: 'Note', body: 'Hello' }]);
      app.mailer.nudge();
      await app.background.settled();
      await app.mailer.settled();
      const rows = await rowsTo(user.email);
      expect(rows.map((r) => [r.kind, r.status, r.failureReason])).toEqual(
        expect.arrayContaining([
          ['password_reset', 'failed', 'no_smtp'],
          ['notification', 'failed', 'no_smtp'],
        ]),
      );
    } finally {
      await app.close();
    }
  });

  it('in development, each e-mail is printed to the console (link included) and sent nowhere', async () => {
    const printed: string[] = [];
    const { app } = await startTrellis({ NODE_ENV: 'development' }, { print: (text) => printed.push(text) });
    try {
      const user = await buildUser(database.db, districtId, 'staff');
      await requestReset(app, user.email);
      await app.background.settled();
      await app.mailer.settled();
      expect(printed).toHaveLength(1);
      expect(printed[0]).toContain(`To: ${user.email}`);
      expect(printed[0]).toContain('not sent');
      expect(setPasswordLink({ text: printed[0]! }).origin).toBe('http://127.0.0.1:3000');
      const [row] = await rowsTo(user.email);
      expect(row).toMatchObject({ status: 'printed', linkWithheld: true });
      expect(row!.body).not.toContain('token=');
    } finally {
      await app.close();
    }
  });
});

describe('SMTP credentials', () => {
  it('wrong credentials: retried, then given up; the admin reads the server’s answer; no log or row holds the password', async () => {
    const mailbox = await Mailbox.start({ auth: { user: 'trellis-relay', pass: 'right-password' } });
    const port = new URL(mailbox.url).port;
    const { app, logs } = await startTrellis(
      { SMTP_URL: `smtp://trellis-relay:Wr0ng%26Secret@127.0.0.1:${port}` },
      { heldRetryMs: [10, 10] },
    );
    try {
      const user = await buildUser(database.db, districtId, 'staff');
      await requestReset(app, user.email);
      await app.background.settled();
      await app.mailer.settled();
      const [row] = await rowsTo(user.email);
      expect(row).toMatchObject({ status: 'failed', failureReason: 'gave_up', attempts: 3 });
      expect(row!.lastError).toContain('535');
      const everything = `${logs.join('')}\n${JSON.stringify(row)}`;
      expect(everything).toContain('e-mail not delivered');
      expect(everything).not.toMatch(/Wr0ng|Secret/);
      expect(mailbox.received).toEqual([]);
    } finally {
      await app.close();
      await mailbox.close();
    }
  });

  it('right credentials: the e-mail is delivered', async () => {
    const mailbox = await Mailbox.start({ auth: { user: 'trellis-relay', pass: 'p@ss word/:' } });
    const { app } = await startTrellis({ SMTP_URL: mailbox.url });
    try {
      const user = await buildUser(database.db, districtId, 'staff');
      await requestReset(app, user.email);
      expect(setPasswordLink(await mailbox.take(user.email)).pathname).toBe('/reset-password');
    } finally {
      await app.close();
      await mailbox.close();
    }
  });
});

describe('the SMTP server down, then back', () => {
  it('a notification waits, retried with backoff, and is sent once the server answers again', async () => {
    const port = await closedPort();
    const { app } = await startTrellis(
      { SMTP_URL: `smtp://127.0.0.1:${port}` },
      { storedRetryMs: [100, 200, 400, 800, 1600, 3200], pollMs: 50 },
    );
    const to = `down-up-${districtId.slice(0, 8)}@sunshine.example`;
    let mailbox: Mailbox | undefined;
    try {
      await recordEmails(database.db, [
        { districtId, kind: 'notification', toAddress: to, subject: 'Feedback due', body: 'Your feedback meeting is due.' },
      ]);
      app.mailer.nudge();
      const [waiting] = await until(to, ([row]) => (row?.attempts ?? 0) >= 2);
      expect(waiting).toMatchObject({ status: 'pending', failureReason: null });
      expect(waiting!.lastError).toMatch(/ECONNREFUSED/);
      mailbox = await Mailbox.start({ port });
      expect((await mailbox.take(to)).subject).toBe('Feedback due');
      const [sent] = await until(to, ([row]) => row!.status === 'sent');
      // Attempts count when claimed: the attempt under way when the server came back may be the one
      // that delivered, so the count is at least what was seen failing, never a reset.
      expect(sent!.attempts).toBeGreaterThanOrEqual(Math.max(2, waiting!.attempts));
    } finally {
      await app.close();
      await mailbox?.close();
    }
  });
});

describe('restarts', () => {
  it('a stored notification the server could not send yet is sent by the next process', async () => {
    const down = await startTrellis({ SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` }, { storedRetryMs: [300], pollMs: 60_000 });
    const to = `restart-${districtId.slice(0, 8)}@sunshine.example`;
    try {
      await recordEmails(database.db, [
        { districtId, kind: 'notification', toAddress: to, subject: 'Observation shared', body: 'Hello, it is shared.' },
      ]);
      down.app.mailer.nudge();
      await until(to, ([row]) => row!.attempts === 1 && row!.lastError !== null);
    } finally {
      await down.app.close();
    }
    const [waiting] = await rowsTo(to);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting!.lastError).toMatch(/ECONNREFUSED/);

    const mailbox = await Mailbox.start();
    const up = await startTrellis({ SMTP_URL: mailbox.url }, { pollMs: 100 });
    try {
      const mail = await mailbox.take(to);
      expect(mail.subject).toBe('Observation shared');
      const [sent] = await until(to, ([row]) => row!.status === 'sent');
      expect(sent).toMatchObject({ attempts: 2, failureReason: null });
    } finally {
      await up.app.close();
      await mailbox.close();
    }
  });

  it('a reset e-mail still waiting to be retried when the server stops is marked failed (its link is gone)', async () => {
    const { app } = await startTrellis({ SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` }, { heldRetryMs: [60_000] });
    const user = await buildUser(database.db, districtId, 'staff');
    try {
      await requestReset(app, user.email);
      await until(user.email, (rows) => rows[0]?.attempts === 1 && rows[0].lastError !== null);
    } finally {
      await app.close();
    }
    const [row] = await rowsTo(user.email);
    expect(row).toMatchObject({ status: 'failed', failureReason: 'interrupted', attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
  });
});

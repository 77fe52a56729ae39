import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type App, type AppOptions } from '../app.ts';
import type { Database } from '../db/client.ts';
import { loadEnv } from '../env.ts';
import type { JobQueueOptions } from '../jobs/queue.ts';
import { LocalFileStorage } from '../services/files/storage-local.ts';
import type { MailerOptions } from '../services/mail/mailer.ts';
import { TEST_PASSWORD } from './factories.ts';
import { openTestDatabase } from './database.ts';
import { Mailbox, type MailboxOptions } from './mailbox.ts';
import { nextTotpCode, TEST_SECRET_KEY, TEST_TOTP_SECRET } from './totp.ts';

/** Job timings for tests: quick polls, retries without waiting. */
export const TEST_JOBS: JobQueueOptions = { pollMs: 50, retryDelaySeconds: 0 };

export interface TestContext {
  app: App;
  database: Database;
  /** The local SMTP server the app sends to (with `useTestApp(env, { smtp })`). */
  mailbox: Mailbox;
}

export interface TestAppOptions {
  /** Start a real local SMTP server and point SMTP_URL at it. */
  smtp?: boolean | MailboxOptions;
  /** E-mail worker timings; with `smtp`, retries wait milliseconds instead of minutes. */
  mail?: MailerOptions;
  /** Fastify's logger, e.g. `{ level: 'info', stream }` to read what the app logs. */
  logger?: AppOptions['logger'];
  /** Job queue settings; tests poll every 50 ms and retry at once unless they say otherwise. */
  jobs?: JobQueueOptions;
  /** Where attachments go; a fresh temporary folder of this test file's own when not given. */
  fileStorage?: LocalFileStorage;
  /** Live streams' timings (heartbeats, stream lifetime); the app's defaults otherwise. */
  live?: AppOptions['live'];
}

/** One app and database per test file; tests isolate themselves by building their own district. */
export function useTestApp(envOverrides: Record<string, string> = {}, opts: TestAppOptions = {}): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.database = await openTestDatabase();
    const env: Record<string, string> = { NODE_ENV: 'test', SECRET_KEY: TEST_SECRET_KEY, ...envOverrides };
    let mail = opts.mail;
    if (opts.smtp) {
      ctx.mailbox = await Mailbox.start(opts.smtp === true ? {} : opts.smtp);
      env.SMTP_URL = ctx.mailbox.url;
      mail = { pollMs: 200, storedRetryMs: [50, 50], heldRetryMs: [50, 50], ...opts.mail };
    }
    ctx.app = await buildApp({
      database: ctx.database,
      env: loadEnv(env),
      mail,
      logger: opts.logger,
      jobs: { ...TEST_JOBS, ...opts.jobs },
      live: opts.live,
      // Attachments go to a folder of this test file's own, never to ./data.
      fileStorage: opts.fileStorage ?? new LocalFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-test-files-'))),
    });
    await ctx.app.ready();
  }, 60_000);
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.mailbox?.close();
    await ctx.database?.close();
  });
  return ctx;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A signed-in browser: keeps the session cookie and sends the CSRF header. */
export class Client {
  constructor(
    private app: App,
    readonly cookie: string | null,
    readonly csrfToken: string | null,
  ) {}

  request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.app.inject({
      method,
      url,
      payload: body as never,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
    });
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
}

/**
 * Signs in through the real endpoints and returns a client holding the session: the password, then,
 * when asked for (HR and admins), a code from the authenticator with `totpSecret`.
 */
export async function signIn(app: App, email: string, password = TEST_PASSWORD, totpSecret = TEST_TOTP_SECRET): Promise<Client> {
  let res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const challenge = (res.json() as { secondFactor?: { challenge: string; step: string } }).secondFactor;
  if (challenge?.step === 'verify') {
    const code = await nextTotpCode(email, totpSecret);
    res = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      payload: { challenge: challenge.challenge, method: 'totp', code },
    });
    if (res.statusCode !== 200) throw new Error(`second factor failed for ${email}: ${res.statusCode} ${res.body}`);
  } else if (challenge) {
    throw new Error(`${email} must set up an authenticator first (build them with a factor)`);
  }
  const cookie = res.cookies.find((c) => c.name === 'trellis_session');
  return new Client(app, `trellis_session=${cookie!.value}`, res.json().csrfToken);
}

/**
 * Signs in someone who must set up an authenticator first (a new HR user or district admin): the
 * password, then the enrolment the sign-in asks for, confirmed with a code from the secret it shows.
 */
export async function signInEnrolling(
  app: App,
  email: string,
  password = TEST_PASSWORD,
): Promise<{ client: Client; secret: string; recoveryCodes: string[] }> {
  const first = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  const challenge = (first.json() as { secondFactor?: { challenge: string; step: string } }).secondFactor;
  if (first.statusCode !== 200 || challenge?.step !== 'enroll')
    throw new Error(`expected an enrolment for ${email}: ${first.statusCode} ${first.body}`);
  const details = await app.inject({ method: 'POST', url: '/api/auth/mfa/enrollment', payload: { challenge: challenge.challenge } });
  if (details.statusCode !== 200) throw new Error(`enrolment failed for ${email}: ${details.statusCode} ${details.body}`);
  const { secret } = details.json() as { secret: string };
  const code = await nextTotpCode(email, secret);
  const confirmed = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/enrollment/confirm',
    payload: { challenge: challenge.challenge, code },
  });
  if (confirmed.statusCode !== 200)
    throw new Error(`enrolment confirmation failed for ${email}: ${confirmed.statusCode} ${confirmed.body}`);
  const cookie = confirmed.cookies.find((c) => c.name === 'trellis_session');
  const body = confirmed.json() as { csrfToken: string; recoveryCodes: string[] };
  return { client: new Client(app, `trellis_session=${cookie!.value}`, body.csrfToken), secret, recoveryCodes: body.recoveryCodes };
}

export const anonymous = (app: App) => new Client(app, null, null);

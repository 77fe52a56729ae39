/**
 * The HTTP side of the benchmark: the real app (`buildApp`) driven with `app.inject`, a signed-in
 * client, and the roster import through the API (upload = dry run, then apply and poll).
 */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../server/app.ts';
import type { Database } from '../server/db/client.ts';
import { loadEnv } from '../server/env.ts';
import type { RosterInputFile } from '../server/services/roster/parse/index.ts';
import { TEST_PASSWORD } from '../server/test/factories.ts';
import { nextTotpCode, TEST_SECRET_KEY } from '../server/test/totp.ts';
import { now } from './stats.ts';

/** Builds the app on `database` as production would (no logging), ready for `inject`. */
export async function startApp(database: Database): Promise<App> {
  const env = loadEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'false', SECRET_KEY: TEST_SECRET_KEY });
  const app = await buildApp({ database, env });
  await app.ready();
  return app;
}

type Method = 'GET' | 'POST' | 'PUT';

/** A signed-in browser: sends the session cookie, and the CSRF header on writes. */
export interface Client {
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
}

/**
 * Signs in through `POST /api/auth/sign-in` (and, for HR and admins, the code step with the
 * factories' authenticator secret) and returns a client holding the session.
 */
export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<Client> {
  let res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  const second = res.statusCode === 200 ? (res.json() as { secondFactor?: { challenge: string } }).secondFactor : undefined;
  if (second) {
    const payload = { challenge: second.challenge, method: 'totp', code: await nextTotpCode(email) };
    res = await app.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload });
  }
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const token = res.cookies.find((c) => c.name === 'trellis_session')?.value;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const request: Client['request'] = (method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      payload: body as never,
      headers: { cookie: `trellis_session=${token}`, ...(method !== 'GET' ? { 'x-csrf-token': csrf } : {}), ...headers },
    });
  return { request, get: (url) => request('GET', url) };
}

/** A multipart/form-data body carrying the files as `file` fields, as the browser sends them. */
export function multipartBody(files: RosterInputFile[]): { body: Buffer; contentType: string } {
  const boundary = `----trellisbench${Date.now().toString(16)}`;
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`),
      f.data,
      Buffer.from('\r\n'),
    ]),
  );
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface HttpImportTiming {
  id: string;
  /** POST /api/imports: upload, parse, plan and store the dry run. */
  upload: number;
  /** POST /api/imports/:id/apply until GET /api/imports/:id no longer says `running`. */
  apply: number;
  total: number;
  status: string;
  counts: Record<string, Record<string, number>>;
}

/** Imports the files through the API, polling every `pollMs` (the web UI polls every 500 ms) until the apply has finished. */
export async function httpImport(client: Client, files: RosterInputFile[], pollMs = 500): Promise<HttpImportTiming> {
  const { body, contentType } = multipartBody(files);
  const t0 = now();
  const dry = await client.request('POST', '/api/imports', body, { 'content-type': contentType });
  if (dry.statusCode !== 201) throw new Error(`upload failed: ${dry.statusCode} ${dry.body.slice(0, 500)}`);
  const t1 = now();
  const id = (dry.json() as { id: string }).id;
  const started = await client.request('POST', `/api/imports/${id}/apply`, {});
  if (started.statusCode !== 202) throw new Error(`apply failed: ${started.statusCode} ${started.body.slice(0, 500)}`);
  let current: { status: string; report: { counts: HttpImportTiming['counts'] } };
  for (;;) {
    current = (await client.get(`/api/imports/${id}`)).json();
    if (current.status !== 'running') break;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  const t2 = now();
  return { id, upload: t1 - t0, apply: t2 - t1, total: t2 - t0, status: current.status, counts: current.report.counts };
}

/**
 * `npm run bench:load`: throughput under concurrent load (issue 11, "Throughput").
 *
 * Starts the real server (`server/main.ts`, production mode, demo district seeded) in a child
 * process on a fresh database, signs in through the API as HR and as the principal, then runs
 * autocannon over each list endpoint at each connection count, alternating with `GET /healthz` of
 * the same server, and prints req/s and p99 beside `/healthz`: the ratio is the figure (the machine
 * is shared). A benchmark, never a test: it never fails on its figures.
 *
 * `--district large` runs on the tracker bench's 25,000-staff district instead (load-large.ts,
 * seeded once and kept): each list endpoint's first page one request at a time (p50/p95/p99),
 * then the tracker of its 120-teacher school at each connection count, beside /healthz.
 *
 *   npm run bench:load -- [--db pglite|postgres] [--connections 10,50] [--duration 5] [--reps 2] [--only tracker,observations]
 *                         [--district demo|large] [--staff 25000] [--fresh]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { TOTP } from 'otpauth';
import pg from 'pg';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../server/seed/seed-data.ts';
import { TEST_PASSWORD } from '../server/test/factories.ts';
import { TEST_SECRET_KEY, TEST_TOTP_SECRET } from '../server/test/totp.ts';
import { DEFAULT_POSTGRES_URL } from './db.ts';
import { largeDistrict, type LargeDistrict } from './load-large.ts';
import { quantile } from './stats.ts';
import { BIG_SCHOOL_TEACHERS } from './tracker-seed.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    connections: { type: 'string', default: '10,50' },
    duration: { type: 'string', default: '5' },
    reps: { type: 'string', default: '2' },
    only: { type: 'string' },
    district: { type: 'string', default: 'demo' },
    staff: { type: 'string', default: '25000' },
    fresh: { type: 'boolean', default: false },
  },
});
const large = args.district === 'large';
const kind = args.db === 'pglite' ? 'pglite' : 'postgres';
const connectionCounts = args.connections!.split(',').map(Number);
const duration = Number(args.duration);
const reps = Number(args.reps);
const serverUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
const log = (message: string) => process.stderr.write(`${message}\n`);

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh database for the server: a new PostgreSQL database or an empty data directory. */
async function prepareDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'trellis-load-'));
    return { env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `trellis_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Starts `server/main.ts` and resolves with its base URL once it says it is running. */
function startServer(dbEnv: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const env = {
    ...process.env,
    ...dbEnv,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    // The large district's HR account has the factories' authenticator, sealed with the tests' key.
    SEED_DEMO: large ? 'false' : 'true',
    COOKIE_SECURE: 'false',
    SECRET_KEY: large ? TEST_SECRET_KEY : randomBytes(32).toString('base64'),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'server', 'main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Trellis is running at (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, base: match[1]!.replace('localhost', '127.0.0.1') });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)));
  });
}

/**
 * Signs in through the API (with the code step for HR) and returns the cookie header. A code signs
 * in once: a kept database may remember this step's code from the last run, so the next step's
 * code (which the server also takes) is tried after it.
 */
async function signIn(base: string, email: string): Promise<string> {
  const [password, secret] = large ? [TEST_PASSWORD, TEST_TOTP_SECRET] : [DEMO_PASSWORD, DEMO_TOTP_SECRET];
  let status = 0;
  for (const step of [0, 1]) {
    let res = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { secondFactor?: { challenge: string } };
    if (body.secondFactor) {
      const code = new TOTP({ secret }).generate({ timestamp: Date.now() + step * 30_000 });
      res = await fetch(`${base}/api/auth/mfa/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ challenge: body.secondFactor.challenge, method: 'totp', code }),
      });
    }
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('trellis_session='));
    if (res.ok && cookie) return cookie.split(';')[0]!;
    status = res.status;
  }
  throw new Error(`sign-in failed for ${email}: ${status}`);
}

async function getJson<T>(base: string, url: string, cookie: string): Promise<T> {
  const res = await fetch(`${base}${url}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Endpoint {
  name: string;
  url: string;
  cookie: string;
}

/** The endpoints of issue 11, with ids found through the API as a person would. */
async function endpoints(base: string): Promise<Endpoint[]> {
  const hr = await signIn(base, 'hr@sunshine.example');
  const principal = await signIn(base, 'principal@sunshine.example');
  const schools = await getJson<{ items: { id: string; name: string }[] }>(base, '/api/tracker/schools', principal);
  const people = await getJson<{ items: { id: string }[] }>(base, '/api/people?limit=1', hr);
  const frameworks = await getJson<{ items: { latestPublishedId: string | null }[] }>(base, '/api/frameworks', hr);
  const versionId = frameworks.items.find((f) => f.latestPublishedId)!.latestPublishedId!;
  const rubrics = await getJson<{ items: { id: string }[] }>(base, `/api/framework-versions/${versionId}/rubrics`, hr);
  const list: Endpoint[] = [
    { name: 'people search', url: '/api/people?q=smith&limit=50', cookie: hr },
    { name: 'people list', url: '/api/people?limit=50', cookie: hr },
    { name: 'person page', url: `/api/people/${people.items[0]!.id}`, cookie: hr },
    { name: 'school tracker', url: `/api/tracker/schools/${schools.items[0]!.id}`, cookie: principal },
    { name: 'district view', url: '/api/tracker/district', cookie: hr },
    { name: 'observations', url: '/api/observations?limit=50', cookie: hr },
    { name: 'coaching sessions', url: '/api/coaching/logs?limit=50', cookie: hr },
    { name: 'framework items', url: `/api/framework-versions/${versionId}/items`, cookie: hr },
    { name: 'rubric grid', url: `/api/rubrics/${rubrics.items[0]!.id}`, cookie: hr },
  ];
  const only = args.only?.split(',');
  return only ? list.filter((e) => only.some((o) => e.name.includes(o))) : list;
}

/** The large district's endpoints, first pages, with ids found through the API. */
async function largeEndpoints(base: string, district: LargeDistrict): Promise<Endpoint[]> {
  const hr = await signIn(base, district.hrEmail);
  const principal = await signIn(base, district.principalEmail);
  const people = await getJson<{ items: { id: string }[] }>(base, '/api/people?limit=1', hr);
  const frameworks = await getJson<{ items: { latestPublishedId: string | null }[] }>(base, '/api/frameworks', hr);
  const versionId = frameworks.items.find((f) => f.latestPublishedId)!.latestPublishedId!;
  const rubrics = await getJson<{ items: { id: string }[] }>(base, `/api/framework-versions/${versionId}/rubrics`, hr);
  const list: Endpoint[] = [
    { name: 'people search', url: '/api/people?q=family1234&limit=50', cookie: hr },
    { name: 'people list', url: '/api/people?limit=50', cookie: hr },
    { name: 'person page', url: `/api/people/${people.items[0]!.id}`, cookie: hr },
    { name: 'school tracker', url: `/api/tracker/schools/${district.bigSchoolId}`, cookie: principal },
    { name: 'district view', url: '/api/tracker/district', cookie: hr },
    { name: 'observations', url: '/api/observations?limit=50', cookie: hr },
    { name: 'coaching sessions', url: '/api/coaching/logs?limit=50', cookie: hr },
    { name: 'framework items', url: `/api/framework-versions/${versionId}/items`, cookie: hr },
    { name: 'rubric grid', url: `/api/rubrics/${rubrics.items[0]!.id}`, cookie: hr },
  ];
  const only = args.only?.split(',');
  return only ? list.filter((e) => only.some((o) => e.name.includes(o))) : list;
}

/** One request at a time for `duration` seconds: every latency (ms), and the failures. */
async function oneAtATime(base: string, url: string, cookie: string | undefined): Promise<{ ms: number[]; errors: number }> {
  const ms: number[] = [];
  let errors = 0;
  const end = performance.now() + duration * 1000;
  while (performance.now() < end) {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: cookie ? { cookie } : {} });
    await res.arrayBuffer();
    ms.push(performance.now() - t0);
    if (!res.ok) errors++;
  }
  return { ms, errors };
}

/** Waits until the district view has refreshed every stale school summary (a kept database's are old). */
async function summariesCurrent(base: string, cookie: string) {
  for (let i = 0; i < 600; i++) {
    const view = await getJson<{ refreshing: number }>(base, '/api/tracker/district', cookie);
    if (view.refreshing === 0) return;
    if (i % 10 === 0) log(`district view: ${view.refreshing} school summaries refreshing`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** `--district large`: first pages one at a time, then the 120-teacher tracker at each connection count. */
async function runLarge(base: string, district: LargeDistrict) {
  const list = await largeEndpoints(base, district);
  const hr = list.find((e) => e.cookie && e.url.startsWith('/api/people'))?.cookie;
  if (hr) await summariesCurrent(base, hr);
  for (const e of list)
    for (let i = 0; i < 20; i++) await fetch(`${base}${e.url}`, { headers: { cookie: e.cookie } }).then((r) => r.arrayBuffer());
  const rows = Object.entries(district.rows)
    .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
    .join(', ');
  console.log(
    `\nTrellis load bench (${kind}, large district: ${rows}; ${duration} s per run, median of ${reps}, node ${process.version}, ${new Date().toISOString().slice(0, 10)})`,
  );
  console.log('first pages one request at a time, beside GET /healthz of the same server one at a time, alternating\n');
  console.log(`${'endpoint'.padEnd(20)}   req/s  p50 ms  p95 ms  p99 ms  errors   healthz req/s  p95 ms   ratio`);
  for (const e of list) {
    const ours: { ms: number[]; errors: number }[] = [];
    const health: { ms: number[]; errors: number }[] = [];
    for (let i = 0; i < reps; i++) {
      health.push(await oneAtATime(base, '/healthz', undefined));
      ours.push(await oneAtATime(base, e.url, e.cookie));
    }
    const ms = ours.flatMap((r) => r.ms);
    const hms = health.flatMap((r) => r.ms);
    const rps = ms.length / (reps * duration);
    const hrps = hms.length / (reps * duration);
    const q = (xs: number[], p: number) => quantile(xs, p).toFixed(1).padStart(7);
    console.log(
      `${e.name.padEnd(20)} ${fmt(rps)} ${q(ms, 0.5)} ${q(ms, 0.95)} ${q(ms, 0.99)} ${fmt(ours.reduce((n, r) => n + r.errors, 0))}   ${fmt(hrps, 13)} ${q(hms, 0.95)}   ${(rps / hrps).toFixed(3)}`,
    );
  }
  const tracker = list.find((e) => e.name === 'school tracker');
  if (tracker) {
    console.log(`\nthe ${BIG_SCHOOL_TEACHERS}-teacher school tracker under concurrent load, beside GET /healthz (autocannon)\n`);
    console.log(`${'endpoint'.padEnd(20)} conns    req/s  p50 ms  p99 ms  errors   healthz req/s  p99 ms   ratio`);
    for (const connections of connectionCounts) printRun(tracker, connections, await alternate(base, tracker, connections));
  }
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  timeouts: number;
}

async function cannon(base: string, url: string, cookie: string | undefined, connections: number): Promise<Run> {
  const result = await autocannon({ url: `${base}${url}`, connections, duration, timeout: 10, headers: cookie ? { cookie } : {} });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, width = 7) => Math.round(n).toLocaleString('en-US').padStart(width);

/** `reps` runs of the endpoint, each after one of /healthz. */
async function alternate(base: string, e: Endpoint, connections: number): Promise<{ ours: Run[]; health: Run[] }> {
  const ours: Run[] = [];
  const health: Run[] = [];
  for (let i = 0; i < reps; i++) {
    health.push(await cannon(base, '/healthz', undefined, connections));
    ours.push(await cannon(base, e.url, e.cookie, connections));
  }
  return { ours, health };
}

function printRun(e: Endpoint, connections: number, { ours, health }: { ours: Run[]; health: Run[] }) {
  const rps = median(ours.map((r) => r.rps));
  const hrps = median(health.map((r) => r.rps));
  const errors = ours.reduce((n, r) => n + r.non2xx + r.timeouts, 0);
  console.log(
    `${e.name.padEnd(20)} ${String(connections).padStart(5)} ${fmt(rps, 8)} ${fmt(median(ours.map((r) => r.p50)))} ${fmt(median(ours.map((r) => r.p99)))} ${fmt(errors)}   ${fmt(hrps, 13)} ${fmt(median(health.map((r) => r.p99)))}   ${(rps / hrps).toFixed(3)}`,
  );
}

async function main() {
  if (large) return mainLarge();
  const database = await prepareDatabase();
  log(`starting the server on ${kind} (demo district seeded)...`);
  const { child, base } = await startServer(database.env);
  try {
    const list = await endpoints(base);
    // One warm-up pass: JIT, caches, the district view's first summary refresh.
    for (const e of list) await cannon(base, e.url, e.cookie, 4).catch(() => undefined);
    console.log(
      `\nTrellis load bench (${kind}, demo district, ${duration} s per run, median of ${reps}, node ${process.version}, ${new Date().toISOString().slice(0, 10)})`,
    );
    console.log('req/s and latency of each endpoint beside GET /healthz of the same server, alternating\n');
    console.log(`${'endpoint'.padEnd(20)} conns    req/s  p50 ms  p99 ms  errors   healthz req/s  p99 ms   ratio`);
    for (const connections of connectionCounts) {
      for (const e of list) printRun(e, connections, await alternate(base, e, connections));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await database.drop();
  }
}

/** The large district: kept between runs, so nothing is dropped at the end. */
async function mainLarge() {
  const { env, district } = await largeDistrict(kind, { staff: Number(args.staff), serverUrl, fresh: args.fresh! }, log);
  log(`starting the server on ${kind} (large district)...`);
  const { child, base } = await startServer(env);
  try {
    await runLarge(base, district);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

await main();

/**
 * `npm run bench:load`: throughput under concurrent load (issue 11, "Throughput").
 *
 * Starts the real server (`server/main.ts`, production mode, demo district seeded) in a child
 * process on a fresh database, signs in through the API as HR and as the principal, then runs
 * autocannon over each list endpoint at each connection count, alternating with `GET /healthz` of
 * the same server, and prints req/s and p99 beside `/healthz`: the ratio is the figure (the machine
 * is shared). A benchmark, never a test: it never fails on its figures.
 *
 *   npm run bench:load -- [--db pglite|postgres] [--connections 10,50] [--duration 5] [--reps 2] [--only tracker,observations]
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
import { DEFAULT_POSTGRES_URL } from './db.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    connections: { type: 'string', default: '10,50' },
    duration: { type: 'string', default: '5' },
    reps: { type: 'string', default: '2' },
    only: { type: 'string' },
  },
});
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
    SEED_DEMO: 'true',
    COOKIE_SECURE: 'false',
    SECRET_KEY: randomBytes(32).toString('base64'),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'server', 'main.ts')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
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

/** Signs in through the API (the demo's code step for HR) and returns the cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  let res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  const body = (await res.json()) as { secondFactor?: { challenge: string } };
  if (body.secondFactor) {
    const code = new TOTP({ secret: DEMO_TOTP_SECRET }).generate();
    res = await fetch(`${base}/api/auth/mfa/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ challenge: body.secondFactor.challenge, method: 'totp', code }),
    });
  }
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('trellis_session='));
  if (!res.ok || !cookie) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return cookie.split(';')[0]!;
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

interface Run {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  timeouts: number;
}

async function cannon(base: string, url: string, cookie: string | undefined, connections: number): Promise<Run> {
  const result = await autocannon({ url: `${base}${url}`, connections, duration, timeout: 10, headers: cookie ? { cookie } : {} });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, timeouts: result.timeouts };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, width = 7) => Math.round(n).toLocaleString('en-US').padStart(width);

async function main() {
  const database = await prepareDatabase();
  log(`starting the server on ${kind} (demo district seeded)...`);
  const { child, base } = await startServer(database.env);
  try {
    const list = await endpoints(base);
    // One warm-up pass: JIT, caches, the district view's first summary refresh.
    for (const e of list) await cannon(base, e.url, e.cookie, 4).catch(() => undefined);
    console.log(`\nTrellis load bench (${kind}, demo district, ${duration} s per run, median of ${reps}, node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
    console.log('req/s and latency of each endpoint beside GET /healthz of the same server, alternating\n');
    console.log(`${'endpoint'.padEnd(20)} conns    req/s  p50 ms  p99 ms  errors   healthz req/s  p99 ms   ratio`);
    for (const connections of connectionCounts) {
      for (const e of list) {
        const ours: Run[] = [];
        const health: Run[] = [];
        for (let i = 0; i < reps; i++) {
          health.push(await cannon(base, '/healthz', undefined, connections));
          ours.push(await cannon(base, e.url, e.cookie, connections));
        }
        const rps = median(ours.map((r) => r.rps));
        const hrps = median(health.map((r) => r.rps));
        const errors = ours.reduce((n, r) => n + r.non2xx + r.timeouts, 0);
        console.log(
          `${e.name.padEnd(20)} ${String(connections).padStart(5)} ${fmt(rps, 8)} ${fmt(median(ours.map((r) => r.p50)))} ${fmt(median(ours.map((r) => r.p99)))} ${fmt(errors)}   ${fmt(hrps, 13)} ${fmt(median(health.map((r) => r.p99)))}   ${(rps / hrps).toFixed(3)}`,
        );
      }
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await database.drop();
  }
}

await main();

/**
 * Live fan-out (`npx tsx bench/live-fanout.ts [--clients 30] [--rounds 60] [--db pglite|postgres] [--quick]`):
 * `--clients` real server-sent event clients (HTTP requests reading the stream, server/test/sse-client.ts)
 * follow one implementation meeting; a member saves its notes over HTTP, and each round times, from
 * the moment the save is sent, until every client has heard `meeting.changed` with the new revision
 * (what issue 15 asks of a reveal: every screen within 500 ms p95). The baseline, in the same rounds:
 * the save's own round trip (the writer's answer). On PostgreSQL the clients are split between two
 * apps with their own pools and LISTEN connections, as two processes would be; the save goes to the first.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import type { App } from '../server/app.ts';
import { openDatabase, type Database } from '../server/db/client.ts';
import { buildImplementationTeamsWorld } from '../server/test/fixtures/implementation-teams.ts';
import { TEST_PASSWORD } from '../server/test/factories.ts';
import { SseClient } from '../server/test/sse-client.ts';
import { DEFAULT_POSTGRES_URL, openBenchDatabase, type DbKind } from './db.ts';
import { startApp } from './http.ts';
import { millis, now, percentiles, ratio } from './stats.ts';

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

export interface LiveFanoutOptions {
  clients: number;
  rounds: number;
  warmup: number;
  db: DbKind;
  serverUrl?: string;
}

/** Signs in through the API; the session cookie and CSRF token for requests over the socket. */
async function session(app: App, email: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: TEST_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const token = res.cookies.find((c) => c.name === 'trellis_session')!.value;
  return { cookie: `trellis_session=${token}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

const originOf = async (app: App) => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
};

export async function benchLiveFanout(opts: LiveFanoutOptions): Promise<string[]> {
  const bench = await openBenchDatabase(opts.db, opts.serverUrl ?? DEFAULT_POSTGRES_URL);
  const w = await buildImplementationTeamsWorld(bench.database.db);
  const appA = await startApp(bench.database);
  let second: Database | null = null;
  let appB: App | null = null;
  if (bench.database.kind === 'postgres') {
    const url = (bench.database.db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
    second = await openDatabase({ url });
    appB = await startApp(second);
  }
  const origins = [await originOf(appA), ...(appB ? [await originOf(appB)] : [])];
  const writer = await session(appA, w.member.email);
  const reader = await session(appA, w.staff.email);
  const path = `/api/implementation-teams/${w.schoolTeam.id}/meetings/${w.meeting.id}`;
  log(`live fan-out: ${opts.clients} clients on ${origins.length} app(s), ${opts.db}`);
  const clients = await Promise.all(
    Array.from({ length: opts.clients }, (_, i) => SseClient.open(`${origins[i % origins.length]}${path}/live`, { cookie: reader.cookie })),
  );
  await Promise.all(clients.map((c) => c.nextEvent('meeting.changed')));

  let version = w.meeting.version;
  const everyone: number[] = [];
  const each: number[] = [];
  const save: number[] = [];
  for (let round = 0; round < opts.warmup + opts.rounds; round++) {
    const start = now();
    const res = await fetch(`${origins[0]}${path}`, {
      method: 'PATCH',
      headers: { cookie: writer.cookie, 'x-csrf-token': writer.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ version, notes: `Round ${round}` }),
    });
    const answered = now();
    if (res.status !== 200) throw new Error(`the save answered ${res.status}: ${await res.text()}`);
    const meeting = (await res.json()) as { version: number; revision: number };
    version = meeting.version;
    const id = String(meeting.revision);
    const heard = await Promise.all(clients.map((c) => c.until(() => c.events.find((e) => e.id === id), `revision ${id}`)));
    if (round < opts.warmup) continue;
    const times = heard.map((e) => e.at - start);
    everyone.push(Math.max(...times));
    each.push(...times);
    save.push(answered - start);
  }
  for (const c of clients) c.close();
  await appA.close();
  await appB?.close();
  await second?.close();
  await bench.close();

  const all = percentiles(everyone);
  const one = percentiles(each);
  const base = percentiles(save);
  const where = `${opts.clients} SSE clients, ${origins.length === 2 ? 'two apps on PostgreSQL' : `one app on ${opts.db === 'pglite' ? 'PGlite' : 'PostgreSQL'}`}, ${opts.rounds} saves`;
  return [
    `live fan-out, ${where}: every client heard it p50 ${millis(all.p50)} p95 ${millis(all.p95)} (target 500 ms); ` +
      `each client p50 ${millis(one.p50)} p95 ${millis(one.p95)}; the save's round trip p50 ${millis(base.p50)} p95 ${millis(base.p95)}; ` +
      `ratio p95 ${ratio(all.p95, base.p95)}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      rounds: { type: 'string' },
      db: { type: 'string' },
      quick: { type: 'boolean', default: false },
    },
  });
  const lines = await benchLiveFanout({
    clients: Number(values.clients ?? 30),
    rounds: Number(values.rounds ?? (values.quick ? 15 : 60)),
    warmup: values.quick ? 2 : 5,
    db: values.db === 'postgres' ? 'postgres' : 'pglite',
    serverUrl: process.env.BENCH_DATABASE_URL,
  });
  for (const l of lines) console.log(l);
}

/**
 * Live voting (`npx tsx bench/live-voting.ts [--voters 30] [--rounds 40] [--db pglite|postgres] [--quick]`):
 * `--voters` members each follow one administration with a real server-sent event client
 * (server/test/sse-client.ts) and sign in with their own session. Each round the facilitator opens
 * the next item, every member votes at once (each over HTTP, to the app that serves their stream),
 * and the facilitator reveals the votes; the round times, from the moment the reveal is sent, until
 * each member's stream has heard the reveal (`administration.changed` with the reveal's revision):
 * p50/p95 over every member's screen and over the last screen of each round (issue 15: every
 * screen within 500 ms p95). The baseline, in the same rounds and on the same streams: a bare
 * `live.publish` of the hub to the same topic, until each stream hears it (the fan-out without the
 * reveal's own reads and writes). On PostgreSQL the members are split between two apps with their
 * own pools and LISTEN connections, as two processes would be; the reveal goes to the first.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { SCALE_PRESETS } from '../common/assessments.ts';
import { ADMINISTRATION_EVENT, type VotingState } from '../common/schemas/assessment-voting.ts';
import type { App } from '../server/app.ts';
import { openDatabase, type Database, type Db } from '../server/db/client.ts';
import { assessmentInstruments, assessmentItems, assessmentSections, assessmentVersions } from '../server/db/schema/index.ts';
import { administrationTopic } from '../server/services/assessments/voting-state.ts';
import { buildAdministration, buildAssessmentWorld } from '../server/test/fixtures/assessments.ts';
import { buildUser, TEST_PASSWORD } from '../server/test/factories.ts';
import { SseClient } from '../server/test/sse-client.ts';
import { DEFAULT_POSTGRES_URL, openBenchDatabase, type DbKind } from './db.ts';
import { startApp } from './http.ts';
import { millis, now, percentiles, ratio } from './stats.ts';

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

export interface LiveVotingOptions {
  voters: number;
  rounds: number;
  warmup: number;
  db: DbKind;
  serverUrl?: string;
}

interface Session {
  cookie: string;
  csrf: string;
}

/**
 * Signs in through the API, from a phone of its own (its own address, as the sign-in rate limit
 * counts per address); the session cookie and CSRF token for requests over the socket.
 */
async function session(app: App, email: string, n: number): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: TEST_PASSWORD },
    remoteAddress: `10.1.${(n >> 8) & 255}.${n & 255}`,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const token = res.cookies.find((c) => c.name === 'trellis_session')!.value;
  return { cookie: `trellis_session=${token}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

const originOf = async (app: App) => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
};

/** A published one-section instrument of `items` items on the in-place scale (0-2), one item per round. */
async function benchVersion(db: Db, districtId: string, items: number) {
  const [instrument] = await db.insert(assessmentInstruments).values({ districtId, name: 'Bench review', kind: 'custom' }).returning();
  const [version] = await db
    .insert(assessmentVersions)
    .values({
      districtId,
      instrumentId: instrument!.id,
      versionNumber: 1,
      status: 'published',
      scalePoints: SCALE_PRESETS.in_place,
      publishedAt: new Date(),
    })
    .returning();
  const [section] = await db
    .insert(assessmentSections)
    .values({ districtId, versionId: version!.id, position: 1, title: 'Bench' })
    .returning();
  const rows = await db
    .insert(assessmentItems)
    .values(
      Array.from({ length: items }, (_, i) => ({
        districtId,
        versionId: version!.id,
        sectionId: section!.id,
        position: i + 1,
        text: `Bench item ${i + 1}`,
      })),
    )
    .returning({ id: assessmentItems.id, position: assessmentItems.position });
  rows.sort((x, y) => x.position - y.position);
  return { instrumentId: instrument!.id, versionId: version!.id, items: rows.map((r) => r.id) };
}

async function send(origin: string, who: Session, method: string, path: string, body: unknown): Promise<VotingState> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as VotingState;
}

/** Waits until every client has heard an event with `id`; each client's arrival time. */
const allHeard = (clients: SseClient[], id: string) =>
  Promise.all(clients.map((c) => c.until(() => c.events.find((e) => e.id === id), `event ${id}`)));

/** Waits until every client has heard an event whose revision is at least `revision`. */
const allCaughtUp = (clients: SseClient[], revision: number) =>
  Promise.all(clients.map((c) => c.until(() => c.events.some((e) => Number(e.id) >= revision), `revision ${revision}`)));

export async function benchLiveVoting(opts: LiveVotingOptions): Promise<string[]> {
  const bench = await openBenchDatabase(opts.db, opts.serverUrl ?? DEFAULT_POSTGRES_URL);
  const db = bench.database.db;
  const w = await buildAssessmentWorld(db);
  const version = await benchVersion(db, w.districtId, opts.warmup + opts.rounds);
  const voters = await Promise.all(
    Array.from({ length: opts.voters }, () => buildUser(db, w.districtId, 'staff', { orgUnitId: w.schoolA.id })),
  );
  const administration = await buildAdministration(db, w.districtId, {
    versionId: version.versionId,
    instrumentId: version.instrumentId,
    teamId: w.schoolTeam.id,
    orgUnitId: w.schoolA.id,
    attendees: [
      { personId: w.facilitatorA.personId, role: 'facilitator' },
      ...voters.map((v) => ({ personId: v.personId, role: 'voting_member' })),
    ],
  });
  const appA = await startApp(bench.database);
  let second: Database | null = null;
  let appB: App | null = null;
  if (bench.database.kind === 'postgres') {
    const url = (bench.database.db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
    second = await openDatabase({ url });
    appB = await startApp(second);
  }
  const origins = [await originOf(appA), ...(appB ? [await originOf(appB)] : [])];
  const facilitator = await session(appA, w.facilitatorA.email, 0);
  const members = await Promise.all(voters.map((v, i) => session(appA, v.email, i + 1)));
  const path = `/api/assessments/administrations/${administration.id}`;
  const originOfMember = (i: number) => origins[i % origins.length]!;
  log(`live voting: ${opts.voters} members on ${origins.length} app(s), ${opts.db}`);
  const clients = await Promise.all(members.map((m, i) => SseClient.open(`${originOfMember(i)}${path}/live`, { cookie: m.cookie })));
  await Promise.all(clients.map((c) => c.nextEvent(ADMINISTRATION_EVENT)));

  const everyone: number[] = [];
  const each: number[] = [];
  const hubEveryone: number[] = [];
  const hubEach: number[] = [];
  const voting: number[] = [];
  const revealAnswer: number[] = [];
  for (let round = 0; round < opts.warmup + opts.rounds; round++) {
    const itemId = version.items[round]!;
    const opened = await send(origins[0]!, facilitator, 'POST', `${path}/items/${itemId}/open`, {});
    await allHeard(clients, String(opened.revision));

    const voteStart = now();
    const votes = await Promise.all(
      members.map((m, i) => send(originOfMember(i), m, 'PUT', `${path}/items/${itemId}/vote`, { value: (round + i) % 3 })),
    );
    const voted = now() - voteStart;
    await allCaughtUp(clients, Math.max(...votes.map((v) => v.revision)));

    const start = now();
    const shown = await send(origins[0]!, facilitator, 'POST', `${path}/items/${itemId}/reveal`, { force: false });
    const answered = now();
    if (shown.state !== 'revealed' || shown.reveal?.voted !== opts.voters) throw new Error(`round ${round}: not every vote was counted`);
    const heard = await allHeard(clients, String(shown.revision));

    // The baseline: the hub alone, the same streams, the same topic.
    const id = `bench-${round}`;
    const hubStart = now();
    await appA.live.publish(w.districtId, administrationTopic(administration.id), {
      type: ADMINISTRATION_EVENT,
      id,
      data: { kind: 'bench' },
    });
    const hubHeard = await allHeard(clients, id);
    if (round < opts.warmup) continue;
    const times = heard.map((e) => e.at - start);
    everyone.push(Math.max(...times));
    each.push(...times);
    const hubTimes = hubHeard.map((e) => e.at - hubStart);
    hubEveryone.push(Math.max(...hubTimes));
    hubEach.push(...hubTimes);
    voting.push(voted);
    revealAnswer.push(answered - start);
  }
  for (const c of clients) c.close();
  await appA.close();
  await appB?.close();
  await second?.close();
  await bench.close();

  const one = percentiles(each);
  const all = percentiles(everyone);
  const hub = percentiles(hubEach);
  const hubAll = percentiles(hubEveryone);
  const votes = percentiles(voting);
  const answer = percentiles(revealAnswer);
  const where = `${opts.voters} members with their own SSE streams, ${origins.length === 2 ? 'two apps on PostgreSQL' : `one app on ${opts.db === 'pglite' ? 'PGlite' : 'PostgreSQL'}`}, ${opts.rounds} items`;
  return [
    `live voting, ${where}: each screen shows the reveal p50 ${millis(one.p50)} p95 ${millis(one.p95)} (target 500 ms); ` +
      `the last screen of each round p50 ${millis(all.p50)} p95 ${millis(all.p95)}; the reveal's own answer p50 ${millis(answer.p50)} p95 ${millis(answer.p95)}; ` +
      `baseline, a bare hub publish to the same streams: each p50 ${millis(hub.p50)} p95 ${millis(hub.p95)}, last p95 ${millis(hubAll.p95)}; ` +
      `ratio p95 ${ratio(one.p95, hub.p95)}; all ${opts.voters} votes at once answered in p50 ${millis(votes.p50)} p95 ${millis(votes.p95)}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      voters: { type: 'string' },
      rounds: { type: 'string' },
      db: { type: 'string' },
      quick: { type: 'boolean', default: false },
    },
  });
  const lines = await benchLiveVoting({
    voters: Number(values.voters ?? 30),
    rounds: Number(values.rounds ?? (values.quick ? 10 : 40)),
    warmup: values.quick ? 2 : 5,
    db: values.db === 'postgres' ? 'postgres' : 'pglite',
    serverUrl: process.env.BENCH_DATABASE_URL,
  });
  for (const l of lines) console.log(l);
}

/**
 * `npm run bench`: roster import throughput, people search / person page latency and process RSS,
 * each figure next to a baseline measured in the same run, then the page weight of the web app
 * (see bench/README.md).
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildDistrict, buildUser } from '../server/test/factories.ts';
import { printCaseReport, runCaseBench } from './case.ts';
import { openBenchDatabase, type BenchDatabase } from './db.ts';
import { httpImport, signIn, startApp, type HttpImportTiming } from './http.ts';
import { planFirstImport, rawInsert, serviceImport } from './roster.ts';
import { benchObservationDraft, printObservationDraft } from './observation-draft.ts';
import { benchPages, printPages } from './pages.ts';
import { benchPasswordReset, printPasswordReset } from './password-reset.ts';
import { benchFiles, printFiles } from './files.ts';
import { benchRubricGrid, printRubricGrid } from './rubric-grid.ts';
import { benchTracker, printTracker } from './tracker.ts';
import { benchOutbox, printOutbox } from './outbox.ts';
import { benchPerformanceOpen } from './performance-open.ts';
import { benchInitiativePage } from './initiative-page.ts';
import { benchLiveFanout } from './live-fanout.ts';
import { benchLiveVoting } from './live-voting.ts';
import { benchDashboard } from './dashboard.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import {
  apiPerson,
  apiSearch,
  checkSearchBaseline,
  measureImportStatus,
  measurePairs,
  rawPerson,
  rawSearch,
  searchCases,
  type LatencyPair,
  type Reader,
} from './people.ts';
import { printReport, type BenchResults } from './report.ts';
import { compareRls } from './rls.ts';
import { generateRosterSet } from './roster-set.ts';
import { count, megabytes, seconds, timed } from './stats.ts';
import { setReadLogForBenchmark } from '../server/services/record-reads/log.ts';

/** Progress on stderr, so stdout carries only the final table. */
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** A fresh database holding one district and its signed-in-able district admin. */
async function freshDistrict(opts: BenchOptions) {
  const bench = await openBenchDatabase(opts.db, opts.serverUrl);
  const district = await buildDistrict(bench.database.db, 'Bench Unified');
  const admin = await buildUser(bench.database.db, district.id, 'district_admin');
  return { bench, districtId: district.id, admin };
}

/** Node's `gc()`, obtained at run time since `npm run bench` cannot pass `--expose-gc`. */
const collectGarbage = (() => {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Records RSS now under `label`, after a full GC so closed databases' memory is not counted. */
function sampleRss(results: BenchResults, label: string) {
  collectGarbage();
  collectGarbage();
  results.rss.push({ label, bytes: process.memoryUsage().rss });
}

/** Service-level import + re-import on one fresh database. */
async function importOnce(opts: BenchOptions, files: Parameters<typeof serviceImport>[1]) {
  const { bench, districtId, admin } = await freshDistrict(opts);
  try {
    const actor = { districtId, userId: admin.id, protectedPersonIds: new Set([admin.personId]) };
    const first = await serviceImport(bench.database.db, files, actor);
    const again = await serviceImport(bench.database.db, files, actor);
    return { first, again };
  } finally {
    await bench.close();
  }
}

/** The raw INSERT baseline on one fresh database. */
async function rawOnce(opts: BenchOptions, plan: Awaited<ReturnType<typeof planFirstImport>>['plan']) {
  const bench = await openBenchDatabase(opts.db, opts.serverUrl);
  try {
    const district = await buildDistrict(bench.database.db, 'Bench Raw');
    return await rawInsert(bench.raw, plan, district.id);
  } finally {
    await bench.close();
  }
}

/** Latency of search (per kind of term) and of the person page against their raw SQL. */
async function measureLatency(
  opts: BenchOptions,
  results: BenchResults,
  bench: BenchDatabase,
  client: Awaited<ReturnType<typeof signIn>>,
  districtId: string,
  staff: ReturnType<typeof generateRosterSet>['staff'],
  reader: Reader,
  email: string,
) {
  const query = bench.raw.query;
  const cases = searchCases(staff);
  const all: LatencyPair = { api: [], raw: [] };
  for (const c of cases) {
    const check = await checkSearchBaseline(client, query, districtId, c.terms);
    if (check.mismatches.length > 0) log(`WARNING raw search SQL differs from the API for: ${check.mismatches.join(', ')}`);
    const pair = await measurePairs(
      c.terms,
      opts.samples,
      opts.warmup,
      (t) => apiSearch(client, t),
      (t) => rawSearch(query, districtId, t),
    );
    results.search.push({ label: c.label, example: c.terms[0]!, pair, totals: check.totals, mismatches: check.mismatches.length });
    all.api.push(...pair.api);
    all.raw.push(...pair.raw);
    log(`search "${c.label}" done`);
  }
  results.searchAll = all;
  const ids = (
    await query(`select id from people where district_id = $1 and sourced_id is not null order by random() limit 200`, [districtId])
  ).map((r) => r.id as string);
  results.person = await measurePairs(
    ids,
    opts.samples,
    opts.warmup,
    (id) => apiPerson(client, id),
    async (id) => {
      if (!(await rawPerson(query, districtId, id, reader))) throw new Error(`raw person ${id} not found`);
    },
  );
  // The cost of "who viewed my record": the same person page with its read-log insert and without.
  results.personReadLog = await measurePairs(
    ids,
    opts.samples,
    opts.warmup,
    (id) => apiPerson(client, id),
    async (id) => {
      setReadLogForBenchmark(false);
      try {
        await apiPerson(client, id);
      } finally {
        setReadLogForBenchmark(true);
      }
    },
  );
  // Diagnostic: the same searches once VACUUM has merged the trigram index's pending list
  // (PGlite has no autovacuum) and ANALYZE has given the planner statistics.
  const vacuum = await timed(() => query('vacuum analyze'));
  const mixed = cases[0]!.terms.flatMap((_, i) => cases.map((c) => c.terms[i]!));
  results.searchVacuumed = {
    vacuumMs: vacuum.ms,
    pair: await measurePairs(
      mixed,
      opts.samples,
      opts.warmup,
      (t) => apiSearch(client, t),
      (t) => rawSearch(query, districtId, t),
    ),
  };
  log('search after VACUUM ANALYZE done');

  // The same person pages and searches with and without row-level security (bench/rls.ts).
  results.rls = await compareRls(
    bench.database,
    email,
    [
      { label: 'person page', urls: ids.map((id) => `/api/people/${id}`) },
      { label: 'people search', urls: mixed.map((t) => `/api/people?q=${encodeURIComponent(t)}&limit=50`) },
    ],
    opts.samples,
    opts.warmup,
  );
  log('row-level security comparison done');

  // How many statements one request sends (session and actor lookups included), and its baseline.
  const statements = async (f: () => Promise<unknown>) => {
    const before = bench.raw.statements();
    await f();
    return bench.raw.statements() - before;
  };
  const term = cases[0]!.terms[0]!;
  results.statements = {
    search: await statements(() => apiSearch(client, term)),
    person: await statements(() => apiPerson(client, ids[0]!)),
    rawSearch: await statements(() => rawSearch(query, districtId, term)),
    rawPerson: await statements(() => rawPerson(query, districtId, ids[0]!, reader)),
  };
}

/** Roster import, people search and the person page on a district of `opts.staff` people. */
async function rosterAndPeople(opts: BenchOptions) {
  const results: BenchResults = {
    opts,
    startedAt: new Date(),
    set: undefined!,
    imports: [],
    reimports: [],
    raws: [],
    http: [],
    httpReimports: [],
    search: [],
    searchAll: { api: [], raw: [] },
    person: { api: [], raw: [] },
    personReadLog: { api: [], raw: [] },
    statements: { search: 0, person: 0, rawSearch: 0, rawPerson: 0 },
    rss: [],
  };
  sampleRss(results, 'start');
  log(`generating ${count(opts.staff)} staff across ${count(opts.schools)} schools`);
  const set = generateRosterSet({ staff: opts.staff, schools: opts.schools });
  const { plan } = await planFirstImport(set.files);
  const rows = plan.orgs.length + plan.people.length + plan.roles.length;
  results.set = { ...set.expected, rows, bytes: set.bytes };
  log(`set: ${count(rows)} rows to write, ${megabytes(set.bytes)} of CSV`);
  sampleRss(results, 'after generating the set');

  for (let rep = 0; rep < opts.reps; rep++) {
    // Alternate which goes first, so drift on a shared machine hits both alike.
    const runImport = async () => {
      const { first, again } = await importOnce(opts, set.files);
      results.imports.push(first);
      results.reimports.push(again);
      log(`import ${rep + 1}/${opts.reps}: ${seconds(first.total)} (re-import ${seconds(again.total)})`);
    };
    const runRaw = async () => {
      const raw = await rawOnce(opts, plan);
      results.raws.push(raw);
      log(`raw insert ${rep + 1}/${opts.reps}: ${seconds(raw.ms)}`);
    };
    if (rep % 2 === 0) await runImport().then(runRaw);
    else await runRaw().then(runImport);
  }
  sampleRss(results, 'after the service imports');

  let kept:
    | {
        bench: BenchDatabase;
        districtId: string;
        importId: string;
        app: Awaited<ReturnType<typeof startApp>>;
        client: Awaited<ReturnType<typeof signIn>>;
        reader: Reader;
        email: string;
      }
    | undefined;
  for (let rep = 0; rep < opts.httpReps; rep++) {
    const { bench, districtId, admin } = await freshDistrict(opts);
    const app = await startApp(bench.database);
    const client = await signIn(app, admin.email);
    const first: HttpImportTiming = await httpImport(client, set.files);
    const again: HttpImportTiming = await httpImport(client, set.files);
    results.http.push(first);
    results.httpReimports.push(again);
    log(`HTTP import ${rep + 1}/${opts.httpReps}: ${seconds(first.total)} ${first.status} (re-import ${seconds(again.total)})`);
    if (rep < opts.httpReps - 1) {
      await app.close();
      await bench.close();
    } else
      kept = {
        bench,
        districtId,
        importId: first.id,
        app,
        client,
        reader: { userId: admin.id, personId: admin.personId },
        email: admin.email,
      };
  }
  sampleRss(results, 'after loading the district (HTTP import)');

  const { bench, districtId, importId, app, client, reader, email } = kept!;
  results.importStatus = await measureImportStatus(client, bench.raw.query, districtId, importId, Math.min(opts.samples, 20));
  log('import status done');
  await measureLatency(opts, results, bench, client, districtId, set.staff, reader, email);
  sampleRss(results, 'after the latency runs');
  await app.close();
  await bench.close();
  results.peakRss = process.resourceUsage().maxRSS * 1024;
  printReport(results);
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  if (!opts.skipLarge) await rosterAndPeople(opts);
  // CASE 1.1 import/export of a generated 2,000-item package with 10 role rubrics (bench/case.ts).
  printCaseReport(
    await runCaseBench({ db: opts.db, serverUrl: opts.serverUrl, reps: opts.reps, items: 2000, rubrics: 10, criteriaPerRubric: 20 }),
  );
  // The rubric grid of a role (15 competencies x 4 levels, version of 2,000 items) against its SQL (bench/rubric-grid.ts).
  printRubricGrid(await benchRubricGrid(opts, log));
  // Saving an observation draft (30 notes, 10 scores) against the statements it runs (bench/observation-draft.ts).
  printObservationDraft(await benchObservationDraft(opts, log));
  // Reset requests for an address with an account vs one without: same path, same time (bench/password-reset.ts).
  printPasswordReset(await benchPasswordReset(opts, log));
  // A 10 MB attachment up and down through the API against a plain file copy (bench/files.ts).
  printFiles(await benchFiles(opts, log));
  // The 120-teacher school tracker vs its raw SQL, the district view, and a cheap request while
  // every school's summary refreshes (bench/tracker.ts), on a year of observations.
  // With it, a grade-level team's tracker against its raw SQL and a school's caseloads from CSV (bench/caseloads.ts).
  const trackerDb = opts.db === 'postgres' ? { kind: opts.db, url: opts.serverUrl } : { kind: opts.db };
  if (!opts.skipLarge)
    printTracker(
      await benchTracker(
        {
          staff: opts.staff,
          schools: Math.max(2, Math.round(opts.staff / 125)),
          reps: opts.quick ? 30 : 200,
          competencies: 10,
          scores: true,
          dbs: [trackerDb],
          caseloadReps: opts.quick ? 3 : 7,
        },
        log,
      ),
    );
  // 10,000 queued notifications drained by the e-mail worker to a local SMTP server, with the RSS (bench/outbox.ts).
  const outboxOpts = { messages: opts.messages, reps: 1, db: opts.db, serverUrl: opts.serverUrl, every: 2_000 };
  printOutbox(outboxOpts, await benchOutbox(outboxOpts, log));
  // Opening a performance cycle for --staff people against a raw INSERT ... SELECT (bench/performance-open.ts).
  if (!opts.skipLarge) console.log(await benchPerformanceOpen(opts.staff));
  // The initiative page and a school's fidelity trend against the statements they run (bench/initiative-page.ts).
  if (!opts.skipLarge) for (const line of await benchInitiativePage({ staff: opts.staff, initiatives: 20, reps: 100 })) console.log(line);
  // One save heard by 30 real SSE clients following the meeting, against the save's own round trip (bench/live-fanout.ts).
  const fanout = { clients: 30, rounds: opts.quick ? 15 : 60, warmup: opts.quick ? 2 : 5, db: opts.db, serverUrl: opts.serverUrl };
  for (const line of await benchLiveFanout(fanout)) console.log(line);
  // Thirty members voting on one item at once, each on their own SSE stream: the reveal reaching every screen,
  // against a bare hub publish to the same streams (bench/live-voting.ts).
  const voting = { voters: 30, rounds: opts.quick ? 10 : 40, warmup: opts.quick ? 2 : 5, db: opts.db, serverUrl: opts.serverUrl };
  for (const line of await benchLiveVoting(voting)) console.log(line);
  // The district dashboard (1,000 schools x 20 initiatives at 25,000 staff) against the statements it sends (bench/dashboard.ts).
  if (!opts.skipLarge)
    for (const line of await benchDashboard({ staff: opts.staff, initiatives: 20, reps: opts.quick ? 30 : 100 })) console.log(line);
  // Page weight: the JavaScript and CSS each route downloads in Chromium, raw, gzip and brotli (bench/pages.ts).
  printPages(await benchPages(log));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

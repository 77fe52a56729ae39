/**
 * The school tracker and the district view on a synthetic district (bench/tracker-seed.ts):
 * - GET /api/tracker/schools/:id for the 120-teacher school (p50/p95) against the statements it
 *   runs (the school with its teams, the term context, and server/services/tracker/query.ts
 *   `trackerSql`; same parameters, same driver; session and columns are cached): the ratio;
 * - GET /api/tracker/district (reads the stored school summaries) p50/p95;
 * - the latency of a cheap request (GET /healthz) while every school's summary is refreshed in the
 *   background (the district view's refresh), next to the same probe while one district-wide
 *   aggregate statement runs (what the district view would do without summaries);
 * - an observation draft autosave (bench/observation-draft.ts `measureDraftSave`) on this district.
 * On PGlite (in memory) and, when DATABASE_URL or BENCH_DATABASE_URL is set, on PostgreSQL.
 * Alone: `npx tsx bench/tracker.ts [--staff 25000] [--schools 200] [--reps 200] [--db pglite|postgres|both]`.
 */
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { loadTrackerContext, schoolUnitsQuery, trackerColumns, trackerContextSql } from '../server/services/tracker/context.ts';
import { trackerSql } from '../server/services/tracker/query.ts';
import { refreshAllSchoolSummaries, summariesIdle } from '../server/services/tracker/summary.ts';
import { measureTeamFilter, type TeamFilterTimings } from './tracker-team.ts';
import { caseloadLines, measureCaseloads, type CaseloadTimings } from './caseloads.ts';
import { openBenchDatabase, type DbKind, type Query } from './db.ts';
import { signIn, startApp, type Client } from './http.ts';
import { measurePairs } from './people.ts';
import { count, millis, now, percentiles, ratio } from './stats.ts';
import { BIG_SCHOOL_TEACHERS, seedTrackerDistrict } from './tracker-seed.ts';
import { measureDraftSave } from './observation-draft.ts';
import { compareRls, rlsReport, type RlsLine } from './rls.ts';

export interface TrackerBenchOptions {
  staff: number;
  schools: number;
  reps: number;
  competencies: number;
  scores: boolean;
  dbs: { kind: DbKind; url?: string }[];
  /** Caseload CSV imports measured (dry run + apply each). */
  caseloadReps: number;
}

export interface TrackerBenchResult {
  db: DbKind;
  seedMs: number;
  rows: Record<string, number>;
  teachers: number;
  schools: number;
  trackerRows: number;
  tracker: { api: number[]; raw: number[] };
  district: number[];
  refresh: { ms: number; probe: number[] };
  naive: { ms: number; probe: number[] };
  /** PUT /api/observations/:id/draft (30 notes, a score per competency) against its raw statements. */
  draft: { api: number[]; raw: number[] };
  /** The tracker and the district view with row-level security and through the owner's executor (bench/rls.ts). */
  rls: RlsLine[];
  /** The tracker filtered to one team: as served (shared reads warm) and cold, against its raw statements. */
  team: TeamFilterTimings;
  /** Assigning the 120-teacher school's caseload from a CSV (bench/caseloads.ts). */
  caseloads: CaseloadTimings;
}

const TARGETS = { trackerP95: 150, trackerRatio: 2, districtP95: 500, draftP95: 30 };

/** Probes GET /healthz back to back (one at a time) until `work` settles; returns the probe latencies and the work's duration. */
async function probeWhile(client: Client, work: () => Promise<unknown>) {
  const probe: number[] = [];
  let done = false;
  const start = now();
  const running = work().finally(() => (done = true));
  while (!done) {
    const t0 = now();
    await client.get('/healthz');
    probe.push(now() - t0);
    await new Promise((r) => setTimeout(r, 2));
  }
  await running;
  return { ms: now() - start, probe };
}

/** What the district view would run without summaries: one statement over every school's teachers. */
const naiveDistrictAggregate = (districtId: string): SQL => sql`
  select ra.org_unit_id, count(distinct ra.person_id) as teachers, count(o.id) as observations,
    count(o.id) filter (where o.feedback_held_at is null and o.feedback_due_on < current_date) as overdue,
    (select count(*) from competency_latest cl join role_assignments r2 on r2.person_id = cl.person_id
      where r2.org_unit_id = ra.org_unit_id and cl.proficient) as proficient
  from role_assignments ra
  left join observations o on o.observed_person_id = ra.person_id and o.status = 'published'
  where ra.district_id = ${districtId} and ra.role = 'teacher'
  group by ra.org_unit_id`;

async function benchOne(
  opts: TrackerBenchOptions,
  kind: DbKind,
  url: string | undefined,
  log: (m: string) => void,
): Promise<TrackerBenchResult> {
  const bench = await openBenchDatabase(kind, url);
  try {
    const db = bench.database.db as Db;
    const t0 = now();
    const seeded = await seedTrackerDistrict(
      db,
      { staff: opts.staff, schools: opts.schools, competencies: opts.competencies, scores: opts.scores },
      log,
    );
    const seedMs = now() - t0;
    log(`tracker bench (${kind}): seeded in ${(seedMs / 1000).toFixed(1)} s: ${JSON.stringify(seeded.rows)}`);
    const app = await startApp(bench.database);
    try {
      const principal = await signIn(app, seeded.principalEmail);
      const hr = await signIn(app, seeded.hrEmail);
      const url = `/api/tracker/schools/${seeded.bigSchoolId}`;
      const first = await principal.get(url);
      if (first.statusCode !== 200) throw new Error(`tracker: ${first.statusCode} ${first.body.slice(0, 300)}`);
      const trackerRows = (first.json() as { rows: unknown[] }).rows.length;
      // The raw statement, built exactly as the service builds it.
      const context = await loadTrackerContext(db, seeded.districtId);
      const itemIds = (await trackerColumns(db, seeded.districtId)).map((c) => c.itemId);
      const dialect = (db as unknown as { dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } } }).dialect;
      const rawQuery = dialect.sqlToQuery(
        trackerSql({
          districtId: seeded.districtId,
          schoolId: seeded.bigSchoolId,
          itemIds,
          purposes: ['evaluation', 'development'],
          personIds: null,
          termStartsOn: context.windowStartsOn,
          termEndsOn: context.windowEndsOn,
          today: context.today,
        }),
      );
      // The two small statements it sends first: the school with its teams, and the term context.
      const unitsQuery = schoolUnitsQuery(db, seeded.districtId, seeded.bigSchoolId).toSQL();
      const contextQuery = dialect.sqlToQuery(trackerContextSql(seeded.districtId));
      const query: Query = bench.raw.query;
      const tracker = await measurePairs(
        [url],
        opts.reps,
        Math.min(20, opts.reps),
        async () => {
          const res = await principal.get(url);
          if (res.statusCode !== 200) throw new Error(`tracker ${res.statusCode}`);
        },
        async () => {
          await query(unitsQuery.sql, unitsQuery.params);
          await query(contextQuery.sql, contextQuery.params);
          const rows = await query(rawQuery.sql, rawQuery.params);
          if (rows.length !== BIG_SCHOOL_TEACHERS) throw new Error(`raw tracker: ${rows.length} rows`);
        },
      );
      const team = await measureTeamFilter(principal, query, dialect, seeded, {
        unitsQuery,
        contextQuery,
        itemIds,
        context,
        reps: opts.reps,
      });
      log(`tracker bench (${kind}): team filter done`);
      // Draft autosave on this district (a year of observations behind it), as bench/observation-draft.ts measures it.
      const [observer] = await query(`select u.id, u.person_id, u.email from users u where u.email = $1`, [seeded.principalEmail]);
      const roles = await query(`select role, org_unit_id as "orgUnitId" from role_assignments where person_id = $1`, [
        observer!.person_id,
      ]);
      const [teacher] = await query(`select id from people where district_id = $1 and identifier = 'T0'`, [seeded.districtId]);
      const draft = await measureDraftSave(
        app,
        bench.raw,
        { samples: opts.reps, warmup: Math.min(20, opts.reps) },
        {
          db,
          districtId: seeded.districtId,
          observer: {
            id: String(observer!.id),
            personId: String(observer!.person_id),
            email: String(observer!.email),
            roles: roles as { role: string; orgUnitId: string }[],
          },
          observedPersonId: String(teacher!.id),
          typeId: seeded.world.scoredTypeId,
          rubric: { criteria: seeded.world.criteria, levels: seeded.world.scaleLevels },
        },
      );
      await summariesIdle(bench.database.forDistrict(seeded.districtId), seeded.districtId);
      log(`tracker bench (${kind}): refreshing ${seeded.schoolIds.length} school summaries while probing /healthz`);
      const refresh = await probeWhile(hr, () =>
        refreshAllSchoolSummaries(bench.database.forDistrict(seeded.districtId), seeded.districtId),
      );
      const naiveSql = dialect.sqlToQuery(naiveDistrictAggregate(seeded.districtId));
      const naive = await probeWhile(hr, () => query(naiveSql.sql, naiveSql.params));
      const district: number[] = [];
      for (let i = 0; i < Math.min(opts.reps, 100) + 5; i++) {
        const t = now();
        const res = await hr.get('/api/tracker/district');
        if (res.statusCode !== 200) throw new Error(`district ${res.statusCode}`);
        if (i >= 5) district.push(now() - t);
      }
      const rls = await compareRls(
        bench.database,
        seeded.hrEmail,
        [
          { label: `school tracker (${trackerRows} teachers)`, urls: [url] },
          { label: 'district view', urls: ['/api/tracker/district'] },
        ],
        opts.reps,
        Math.min(20, opts.reps),
      );
      const caseloads = await measureCaseloads(app, bench, seeded, opts.caseloadReps);
      log(`tracker bench (${kind}): caseloads from CSV done`);
      return {
        db: kind,
        team,
        caseloads,
        seedMs,
        rows: seeded.rows,
        teachers: seeded.teachers,
        schools: seeded.schoolIds.length,
        trackerRows,
        tracker,
        district,
        refresh,
        naive,
        draft: draft.pair,
        rls,
      };
    } finally {
      await app.close();
    }
  } finally {
    await bench.close();
  }
}

export async function benchTracker(opts: TrackerBenchOptions, log: (m: string) => void): Promise<TrackerBenchResult[]> {
  const results: TrackerBenchResult[] = [];
  for (const { kind, url } of opts.dbs) results.push(await benchOne(opts, kind, url, log));
  return results;
}

const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function printTracker(results: TrackerBenchResult[]): void {
  for (const r of results) {
    const api = percentiles(r.tracker.api);
    const raw = percentiles(r.tracker.raw);
    const district = percentiles(r.district);
    const refreshProbe = percentiles(r.refresh.probe);
    const naiveProbe = percentiles(r.naive.probe);
    console.log('');
    console.log(
      `School tracker and district view (${r.db}): ${count(r.teachers)} teachers in ${count(r.schools)} schools, ` +
        `${count(r.rows.observations ?? 0)} observations, ${count(r.rows.scores ?? 0)} scores, ${count(r.rows.competency_latest ?? 0)} latest levels (seeded in ${(r.seedMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  tracker, ${r.trackerRows}-teacher school  API p50 ${millis(api.p50).padStart(8)}  p95 ${millis(api.p95).padStart(8)}   target p95 < ${TARGETS.trackerP95} ms: ${pass(api.p95 < TARGETS.trackerP95)}   (n=${api.n})`,
    );
    console.log(
      `                              raw SQL p50 ${millis(raw.p50).padStart(8)}  p95 ${millis(raw.p95).padStart(8)}   (the 3 statements it runs: school+teams, term context, tracker; same driver)`,
    );
    console.log(
      `                              ratio   p50 ${ratio(api.p50, raw.p50)}  p95 ${ratio(api.p95, raw.p95)}   target < ${TARGETS.trackerRatio}x (p50): ${pass(api.p50 / raw.p50 < TARGETS.trackerRatio)}`,
    );
    const teamWarm = percentiles(r.team.warm);
    const teamCold = percentiles(r.team.cold);
    const teamRaw = percentiles(r.team.raw);
    console.log(
      `  tracker, one team (${r.team.members})  API p50 ${millis(teamWarm.p50).padStart(8)}  p95 ${millis(teamWarm.p95).padStart(8)}   as served (the school's rows shared for 5 s)`,
    );
    console.log(
      `                         API, cold p50 ${millis(teamCold.p50).padStart(8)}  p95 ${millis(teamCold.p95).padStart(8)}   (shared reads dropped before each request)`,
    );
    console.log(
      `                              raw SQL p50 ${millis(teamRaw.p50).padStart(8)}  p95 ${millis(teamRaw.p95).padStart(8)}   (school+teams, term context, the team's members, tracker for them)`,
    );
    console.log(
      `                              ratio   p50 ${ratio(teamWarm.p50, teamRaw.p50)} as served, ${ratio(teamCold.p50, teamRaw.p50)} cold   target < ${TARGETS.trackerRatio}x (p50, cold): ${pass(teamCold.p50 / teamRaw.p50 < TARGETS.trackerRatio)}`,
    );
    for (const line of caseloadLines(r.caseloads)) console.log(line);
    console.log(
      `  district view (summaries)   API p50 ${millis(district.p50).padStart(8)}  p95 ${millis(district.p95).padStart(8)}   target p95 < ${TARGETS.districtP95} ms: ${pass(district.p95 < TARGETS.districtP95)}`,
    );
    const draftApi = percentiles(r.draft.api);
    const draftRaw = percentiles(r.draft.raw);
    console.log(
      `  draft autosave (30 notes)   API p50 ${millis(draftApi.p50).padStart(8)}  p95 ${millis(draftApi.p95).padStart(8)}   target p95 < ${TARGETS.draftP95} ms: ${pass(draftApi.p95 < TARGETS.draftP95)}   (n=${draftApi.n})`,
    );
    console.log(
      `                              raw SQL p50 ${millis(draftRaw.p50).padStart(8)}  p95 ${millis(draftRaw.p95).padStart(8)}   ratio p50 ${ratio(draftApi.p50, draftRaw.p50)}  p95 ${ratio(draftApi.p95, draftRaw.p95)}   (the statements of saveDraft)`,
    );
    console.log(
      `  GET /healthz during the background refresh of all ${r.schools} summaries (${(r.refresh.ms / 1000).toFixed(1)} s): p50 ${millis(refreshProbe.p50)}  p95 ${millis(refreshProbe.p95)}  max ${millis(Math.max(...r.refresh.probe))}  (n=${refreshProbe.n})`,
    );
    console.log(`  row-level security: the same requests through the district-bound executor and through the owner's (bench/rls.ts)`);
    for (const line of rlsReport(r.rls, '    ')) console.log(line);
    console.log(
      `  GET /healthz during one district-wide aggregate statement (${millis(r.naive.ms)}, not used by the app): p50 ${millis(naiveProbe.p50)}  p95 ${millis(naiveProbe.p95)}  max ${millis(Math.max(...r.naive.probe))}  (n=${naiveProbe.n})`,
    );
  }
}

export function parseTrackerOptions(argv: string[]): TrackerBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      staff: { type: 'string', default: '25000' },
      schools: { type: 'string' },
      reps: { type: 'string', default: '200' },
      competencies: { type: 'string', default: '10' },
      'no-scores': { type: 'boolean', default: false },
      db: { type: 'string' },
      quick: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const staff = values.quick ? 2_000 : Number(values.staff);
  const schools = values.schools ? Number(values.schools) : Math.max(2, Math.round(staff / 125));
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const which = values.db ?? (url ? 'both' : 'pglite');
  const dbs: TrackerBenchOptions['dbs'] = [];
  if (which === 'pglite' || which === 'both') dbs.push({ kind: 'pglite' });
  if (which === 'postgres' || which === 'both') dbs.push({ kind: 'postgres', url });
  if (!Number.isInteger(staff) || !Number.isInteger(schools) || staff < schools + BIG_SCHOOL_TEACHERS || dbs.length === 0) {
    console.error(
      'usage: npx tsx bench/tracker.ts [--staff 25000] [--schools 200] [--reps 200] [--competencies 10] [--no-scores] [--db pglite|postgres|both] [--quick]',
    );
    process.exit(2);
  }
  return {
    staff,
    schools,
    reps: values.quick ? 30 : Number(values.reps),
    competencies: Number(values.competencies),
    scores: !values['no-scores'],
    dbs,
    caseloadReps: values.quick ? 3 : 7,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchTracker(parseTrackerOptions(process.argv.slice(2)), (m) => process.stderr.write(`[bench] ${m}\n`))
    .then(printTracker)
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

/**
 * Assigning a 120-teacher school's caseloads from a CSV (issue 12): `POST /api/caseloads/import`
 * (a dry run, then the apply: people looked up by staff number, every row checked against what the
 * coach already holds, inserts and audit rows in one transaction) as HR on the synthetic district
 * (bench/tracker-seed.ts), against the baseline: the same 120 rows inserted raw in one statement.
 * Each repetition assigns the school to a new coach, so every apply writes 120 rows. Target: the
 * apply under 2 s at 25,000 staff. `npm run bench` runs it on the tracker bench's district
 * (bench/tracker.ts).
 * Alone: `npx tsx bench/caseloads.ts [--staff 25000] [--schools 200] [--reps 5] [--db pglite|postgres]`.
 */
import { parseArgs } from 'node:util';
import type { Db } from '../server/db/client.ts';
import { buildPerson } from '../server/test/factories.ts';
import { openBenchDatabase, type BenchDatabase, type DbKind } from './db.ts';
import { signIn, startApp } from './http.ts';
import { millis, now, percentiles, ratio } from './stats.ts';
import { BIG_SCHOOL_TEACHERS, seedTrackerDistrict, type TrackerDistrict } from './tracker-seed.ts';

export interface CaseloadTimings {
  rows: number;
  dry: number[];
  apply: number[];
  raw: number[];
}

/** `reps` dry runs + applies of the big school's caseload CSV for a new coach each, and the raw INSERT of the same rows. */
export async function measureCaseloads(
  app: Awaited<ReturnType<typeof startApp>>,
  bench: BenchDatabase,
  seeded: Pick<TrackerDistrict, 'districtId' | 'bigSchoolId' | 'hrEmail'>,
  reps: number,
): Promise<CaseloadTimings> {
  const db = bench.database.db as Db;
  const hr = await signIn(app, seeded.hrEmail);
  const teachers = Array.from({ length: BIG_SCHOOL_TEACHERS }, (_, i) => `T${i}`);
  const ids = (
    await bench.raw.query(`select id from people where district_id = $1 and identifier = any($2::text[])`, [seeded.districtId, teachers])
  ).map((r) => r.id as string);
  const out: CaseloadTimings = { rows: BIG_SCHOOL_TEACHERS, dry: [], apply: [], raw: [] };
  // One unmeasured round first (plans, caches), then `reps` measured ones.
  for (let rep = 0; rep <= reps; rep++) {
    const tag = `C-bench-${rep}-${Date.now()}`;
    await buildPerson(db, seeded.districtId, { role: 'coach', orgUnitId: seeded.bigSchoolId, identifier: tag });
    const csv = `coach,coachee,starts_on\n${teachers.map((t) => `${tag},${t},2026-08-01`).join('\n')}\n`;
    const other = await buildPerson(db, seeded.districtId, { role: 'coach', orgUnitId: seeded.bigSchoolId });
    // Baseline: the same rows for another coach, one INSERT in a transaction (alternating which goes first).
    const raw = async () => {
      const t0 = now();
      await bench.raw.transaction(async (q) => {
        await q(
          `insert into caseload_members (district_id, coach_person_id, person_id, starts_on) select $1, $2, unnest($3::uuid[]), '2026-08-01'`,
          [seeded.districtId, other.id, ids],
        );
      });
      return now() - t0;
    };
    const rawFirst = rep % 2 === 1;
    const rawMs = rawFirst ? await raw() : 0;
    let t0 = now();
    const checked = await hr.request('POST', '/api/caseloads/import', { csv, dryRun: true });
    const dryMs = now() - t0;
    t0 = now();
    const applied = await hr.request('POST', '/api/caseloads/import', { csv, dryRun: false });
    const applyMs = now() - t0;
    const body = applied.json() as { applied: boolean; counts: { create: number } };
    if (checked.statusCode !== 200 || !body.applied || body.counts.create !== BIG_SCHOOL_TEACHERS)
      throw new Error(`caseload import: ${applied.statusCode} ${applied.body.slice(0, 300)}`);
    const rawAfter = rawFirst ? rawMs : await raw();
    if (rep === 0) continue;
    out.dry.push(dryMs);
    out.apply.push(applyMs);
    out.raw.push(rawAfter);
  }
  return out;
}

/** The report lines (p50/p95 and the ratio of the medians). */
export function caseloadLines(t: CaseloadTimings, indent = '  '): string[] {
  const [d, a, r] = [percentiles(t.dry), percentiles(t.apply), percentiles(t.raw)];
  return [
    `${indent}caseloads from CSV (${t.rows} rows, n=${a.n})  dry run p50 ${millis(d.p50)}  p95 ${millis(d.p95)}`,
    `${indent}                              apply   p50 ${millis(a.p50)}  p95 ${millis(a.p95)}   target < 2 s: ${a.p95 < 2000 ? 'PASS' : 'FAIL'}`,
    `${indent}                              raw     p50 ${millis(r.p50)}  p95 ${millis(r.p95)}   apply/raw p50 ${ratio(a.p50, r.p50)}  dry run/raw ${ratio(d.p50, r.p50)}   (one INSERT of the same rows)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      staff: { type: 'string', default: '25000' },
      schools: { type: 'string', default: '200' },
      reps: { type: 'string', default: '5' },
      db: { type: 'string', default: 'pglite' },
    },
  });
  const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
  const bench = await openBenchDatabase(values.db as DbKind, process.env.BENCH_DATABASE_URL);
  try {
    const seeded = await seedTrackerDistrict(
      bench.database.db as Db,
      { staff: Number(values.staff), schools: Number(values.schools), competencies: 6, scores: false },
      log,
    );
    const app = await startApp(bench.database);
    try {
      const timings = await measureCaseloads(app, bench, seeded, Number(values.reps));
      console.log(`caseload CSV (${values.db}, ${values.staff} staff):`);
      for (const line of caseloadLines(timings)) console.log(line);
    } finally {
      await app.close();
    }
  } finally {
    await bench.close();
  }
}

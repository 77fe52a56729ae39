/**
 * Assigning a 120-teacher school's caseloads from a CSV (issue 12): `POST /api/caseloads/import`
 * (a dry run, then the apply: people looked up by staff number, every row checked against what the
 * coach already holds, inserts and audit rows in one transaction) as HR on the synthetic district
 * (bench/tracker-seed.ts), against the baseline: the same 120 rows inserted raw in one statement.
 * Each repetition assigns the school to a new coach, so every apply writes 120 rows. Target: the
 * apply under 2 s at 25,000 staff.
 * Alone: `npx tsx bench/caseloads.ts [--staff 25000] [--schools 200] [--reps 5] [--db pglite|postgres]`.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { buildPerson } from '../server/test/factories.ts';
import { openBenchDatabase, type DbKind } from './db.ts';
import { signIn, startApp } from './http.ts';
import { millis, now, percentiles, ratio } from './stats.ts';
import { BIG_SCHOOL_TEACHERS, seedTrackerDistrict } from './tracker-seed.ts';

const { values } = parseArgs({
  options: {
    staff: { type: 'string', default: '25000' },
    schools: { type: 'string', default: '200' },
    reps: { type: 'string', default: '5' },
    db: { type: 'string', default: 'pglite' },
  },
});
const log = (m: string) => console.log(m);
const bench = await openBenchDatabase(values.db as DbKind);
try {
  const db = bench.database.db as Db;
  const seeded = await seedTrackerDistrict(
    db,
    { staff: Number(values.staff), schools: Number(values.schools), competencies: 6, scores: false },
    log,
  );
  const app = await startApp(bench.database);
  try {
    const hr = await signIn(app, seeded.hrEmail);
    const teachers = Array.from({ length: BIG_SCHOOL_TEACHERS }, (_, i) => `T${i}`);
    const ids = (
      await bench.raw.query(`select id from people where district_id = $1 and identifier = any($2::text[])`, [seeded.districtId, teachers])
    ).map((r) => r.id as string);
    const dry: number[] = [];
    const apply: number[] = [];
    const raw: number[] = [];
    for (let rep = 0; rep < Number(values.reps); rep++) {
      await buildPerson(db, seeded.districtId, { role: 'coach', orgUnitId: seeded.bigSchoolId, identifier: `C-bench-${rep}` });
      const csv = `coach,coachee,starts_on\n${teachers.map((t) => `C-bench-${rep},${t},2026-08-01`).join('\n')}\n`;
      let t0 = now();
      const checked = await hr.request('POST', '/api/caseloads/import', { csv, dryRun: true });
      dry.push(now() - t0);
      t0 = now();
      const applied = await hr.request('POST', '/api/caseloads/import', { csv, dryRun: false });
      apply.push(now() - t0);
      const body = applied.json() as { applied: boolean; counts: { create: number } };
      if (checked.statusCode !== 200 || !body.applied || body.counts.create !== BIG_SCHOOL_TEACHERS)
        throw new Error(`import: ${applied.statusCode} ${applied.body.slice(0, 300)}`);
      // Baseline: the same rows for another coach, one INSERT in a transaction.
      const other = await buildPerson(db, seeded.districtId, { role: 'coach', orgUnitId: seeded.bigSchoolId });
      t0 = now();
      await bench.raw.transaction(async (q) => {
        await q(
          `insert into caseload_members (district_id, coach_person_id, person_id, starts_on) select $1, $2, unnest($3::uuid[]), '2026-08-01'`,
          [seeded.districtId, other.id, ids],
        );
      });
      raw.push(now() - t0);
    }
    await db.execute(sql`select 1`);
    const [d, a, r] = [percentiles(dry), percentiles(apply), percentiles(raw)];
    log(`caseload CSV (${values.db}, ${values.staff} staff, ${BIG_SCHOOL_TEACHERS} rows, ${values.reps} reps):`);
    log(`  dry run  p50 ${millis(d.p50)}  p95 ${millis(d.p95)}`);
    log(`  apply    p50 ${millis(a.p50)}  p95 ${millis(a.p95)}  (target < 2 s)`);
    log(`  raw      p50 ${millis(r.p50)}  p95 ${millis(r.p95)}  apply/raw ${ratio(a.p50, r.p50)}`);
  } finally {
    await app.close();
  }
} finally {
  await bench.close();
}

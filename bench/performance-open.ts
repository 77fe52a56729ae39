/**
 * Opening a performance cycle for N staff (`npx tsx bench/performance-open.ts [--staff 25000] [--quick]`):
 * `populateCycle` (snapshots, plans in batches with step, rubric, school, evaluator, template,
 * completion summaries, audit) against the same people's plans made by one raw INSERT ... SELECT
 * (no lookups), on the embedded database. Prints the ratio.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { performanceCycles } from '../server/db/schema/index.ts';
import { populateCycle } from '../server/services/performance/cycles/populate.ts';
import { openBenchDatabase } from './db.ts';
import { seedTrackerDistrict } from './tracker-seed.ts';

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

/** Seeds a district of `staff` people, opens a cycle for everyone, and returns the line to print. */
export async function benchPerformanceOpen(staff: number): Promise<string> {
  const bench = await openBenchDatabase('pglite', '');
  const db = bench.database.db;
  const d = await seedTrackerDistrict(db, { staff, schools: Math.max(2, Math.round(staff / 125)), competencies: 10, scores: false }, log);
  const cycle = (populationKey: string, status: string) =>
    db
      .insert(performanceCycles)
      .values({
        districtId: d.districtId,
        title: populationKey,
        schoolYear: '2026-27',
        population: { roles: [], stepIds: [], orgUnitIds: [] },
        populationKey,
        ratingMethod: { overall: false, weights: {}, cutScores: [] },
        checkInDates: ['2026-11-15'],
        status,
      })
      .returning();
  const [a] = await cycle('service', 'opening');
  let started = performance.now();
  const outcome = await populateCycle(db, { requestId: 'bench', actor: { userId: null, districtId: d.districtId } }, a!.id, 'open');
  const serviceMs = performance.now() - started;
  const [b] = await cycle('raw', 'open');
  started = performance.now();
  await db.execute(sql`insert into performance_plans (district_id, cycle_id, person_id, template)
  select ${d.districtId}, ${b!.id}, p.id, '{}'::jsonb from people p where p.district_id = ${d.districtId} and p.active`);
  const rawMs = performance.now() - started;
  await bench.close();
  return `performance cycle open, ${staff} staff (PGlite): ${outcome?.added} plans in ${(serviceMs / 1000).toFixed(2)} s; raw INSERT ... SELECT ${(rawMs / 1000).toFixed(2)} s; ratio ${(serviceMs / rawMs).toFixed(1)}x`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { staff: { type: 'string' }, quick: { type: 'boolean', default: false } } });
  console.log(await benchPerformanceOpen(Number(values.staff ?? (values.quick ? 2_000 : 25_000))));
}

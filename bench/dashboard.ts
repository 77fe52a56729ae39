/**
 * The district dashboard on a synthetic district (`npx tsx bench/dashboard.ts [--staff 25000]
 * [--initiatives 20] [--reps 100] [--quick]`): the initiative bench's district (`--staff` people in
 * `staff / 25` schools, 1,000 at 25,000, dealt between `--initiatives` initiatives, each with a year
 * of fidelity summaries, stages, training, coaching, PDSA cycles and action items), plus a plan for
 * every driver, two outcome measures per initiative over six periods with a value per school (one
 * cell in eight under the minimum count). Prints p50/p95 of GET /api/dashboards/district against
 * the statements it sends (the district's zone and minimum count, then the initiatives with their
 * stored summaries, services/dashboards/summary.ts) sent raw on the same driver, and their ratio;
 * for context, every figure computed from the records (statements.ts) instead. Then a school's
 * dashboard (GET /api/dashboards/schools/:id, computed from the records for that school, on the
 * SCHOOLS schools covered by the most initiatives) against its statements sent raw as the app sends
 * them (the district's executor). Targets (issue 15): the district dashboard under 200 ms p95,
 * within 2x of its raw SQL. `--quick`: 2,500 staff (100 schools), 20 initiatives, 30 reps.
 */
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { DRIVERS } from '../common/implementation.ts';
import type { Db } from '../server/db/client.ts';
import { dashboardScope, scopeStatement } from '../server/services/dashboards/scope.ts';
import { initiativesWithSummaries } from '../server/services/dashboards/summary.ts';
import { dashboardStatements, type DashboardScope } from '../server/services/dashboards/statements.ts';
import { openBenchDatabase } from './db.ts';
import { signIn, startApp, type Client } from './http.ts';
import { seedInitiatives } from './initiative-page.ts';
import { measurePairs } from './people.ts';
import { millis, percentiles, ratio } from './stats.ts';

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

/** Schools whose dashboards are read in turn: those covered by the most initiatives. */
const SCHOOLS = 10;

export interface DashboardBenchOptions {
  staff: number;
  initiatives: number;
  reps: number;
}

/** Driver plans and outcome data on top of the initiative bench's district. */
async function seedOutcomes(db: Db, districtId: string) {
  const exec = (q: SQL) => db.execute(q);
  const drivers = sql.raw(`array[${DRIVERS.map((d) => `'${d}'`).join(',')}]`);
  await exec(sql`insert into driver_plans (district_id, initiative_id, driver, owner_person_id, plan, details)
    select ${districtId}, i.id, d, (select id from people where district_id = ${districtId} limit 1), 'Plan', '{"nextStep":"Review","nextStepOn":"2026-01-01"}'::jsonb
    from initiatives i cross join unnest(${drivers}::text[]) d where i.district_id = ${districtId}`);
  await exec(sql`insert into outcome_measures (district_id, key, name, unit)
    select ${districtId}, 'measure_' || i.id || '_' || g, 'Measure ' || i.name || ' ' || g, '%'
    from initiatives i cross join generate_series(1, 2) g where i.district_id = ${districtId}`);
  await exec(sql`insert into initiative_measures (district_id, initiative_id, measure_id)
    select ${districtId}, i.id, m.id from initiatives i join outcome_measures m on m.key like 'measure_' || i.id || '_%'
    where i.district_id = ${districtId}`);
  await exec(sql`insert into outcome_periods (district_id, label, starts_on, ends_on)
    select ${districtId}, 'Period ' || g, (current_date - (g * 120))::date, (current_date - (g * 120) + 100)::date from generate_series(1, 6) g`);
  await exec(sql`insert into outcome_values (district_id, measure_id, period_id, org_unit_id, value, count)
    select ${districtId}, im.measure_id, p.id, s.org_unit_id, 40 + abs(hashtext(s.org_unit_id::text || p.id::text)) % 50,
      case when abs(hashtext(s.org_unit_id::text || p.id::text || im.measure_id::text)) % 8 = 0 then 6 else 20 + abs(hashtext(p.id::text || s.org_unit_id::text)) % 200 end
    from initiative_measures im join initiative_schools s on s.initiative_id = im.initiative_id
    cross join outcome_periods p where im.district_id = ${districtId} and p.district_id = ${districtId}`);
  await exec(sql`analyze`);
  const [n] = (
    (await db.execute(sql`select count(*)::int as n from outcome_values where district_id = ${districtId}`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  return n!.n;
}

export async function benchDashboard(opts: DashboardBenchOptions): Promise<string[]> {
  const bench = await openBenchDatabase('pglite', '');
  const db = bench.database.db;
  const seeded = await seedInitiatives(db, opts);
  const values = await seedOutcomes(db, seeded.districtId);
  const [counted] = (
    (await db.execute(
      sql`select count(*)::int as n from org_units where district_id = ${seeded.districtId} and type = 'school'`,
    )) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  const schools = counted!.n;
  log(`seeded ${schools} schools, ${opts.initiatives} initiatives, ${values} outcome values`);
  const app = await startApp(bench.database);
  const client = await signIn(app, seeded.d.hrEmail);
  const check = await client.get('/api/dashboards/district');
  if (check.statusCode !== 200) throw new Error(`district dashboard answered ${check.statusCode}: ${check.body}`);
  const initiatives = (check.json() as { initiatives: unknown[] }).initiatives.length;
  const scope = await dashboardScope(db, seeded.districtId);
  // What a request sends once signed in as HR (services/dashboards/dashboards.ts): the district's
  // time zone and minimum count, then its initiatives with their stored summaries; raw, in turn.
  const requestStatements = [scopeStatement(seeded.districtId), initiativesWithSummaries(seeded.districtId)];
  const pair = await measurePairs(
    [scope],
    opts.reps,
    Math.min(20, opts.reps),
    () => client.get('/api/dashboards/district'),
    async () => {
      for (const q of requestStatements) await db.execute(q);
    },
  );
  // Context: the same figures computed from the records on each request (what the summaries save).
  const live = await measurePairs(
    [scope],
    Math.max(5, Math.round(opts.reps / 5)),
    2,
    () => Promise.all(Object.values(dashboardStatements(scope)).map((q) => db.execute(q))),
    () => Promise.all(requestStatements.map((q) => db.execute(q))),
  );
  const refresh = percentiles(live.api);
  const school = await benchSchoolDashboard(db, bench.database.forDistrict(seeded.districtId), client, seeded.districtId, opts.reps);
  await app.close();
  await bench.close();
  const a = percentiles(pair.api);
  const r = percentiles(pair.raw);
  const verdict = a.p95 < 200 && a.p50 <= 2 * r.p50 ? 'targets met' : 'over a target (200 ms p95, 2x raw)';
  return [
    `district dashboard, ${opts.staff} staff, ${schools} schools, ${initiatives} initiatives, ${values} outcome values (PGlite): p50 ${millis(a.p50)} p95 ${millis(a.p95)}; raw SQL (${requestStatements.length} statements) p50 ${millis(r.p50)} p95 ${millis(r.p95)}; ratio p50 ${ratio(a.p50, r.p50)} p95 ${ratio(a.p95, r.p95)}; ${verdict}`,
    `  (context) every initiative's figures from the records instead of the summaries: p50 ${millis(refresh.p50)} p95 ${millis(refresh.p95)}`,
    ...school,
  ];
}

/**
 * A school's dashboard as HR reads it, against what it sends (the district's zone and minimum
 * count, then every figure's statement narrowed to the school: services/dashboards/dashboards.ts)
 * sent raw on the same driver as the app sends them (the district's executor, row-level security
 * on), on the SCHOOLS schools covered by the most initiatives in turn; for context, the same raw
 * statements as the owner (no row-level security) against the district's executor.
 */
async function benchSchoolDashboard(db: Db, tenant: Db, client: Client, districtId: string, reps: number): Promise<string[]> {
  const busiest = (
    (await db.execute(sql`select s.org_unit_id as id, count(*)::int as n from initiative_schools s where s.district_id = ${districtId}
      group by s.org_unit_id order by count(*) desc, s.org_unit_id limit ${SCHOOLS}`)) as unknown as { rows: { id: string; n: number }[] }
  ).rows;
  const first = await client.get(`/api/dashboards/schools/${busiest[0]!.id}`);
  if (first.statusCode !== 200) throw new Error(`school dashboard answered ${first.statusCode}: ${first.body}`);
  const scopes = await Promise.all(busiest.map((b) => dashboardScope(db, districtId, b.id)));
  const raw = (on: Db) => async (scope: DashboardScope) => {
    await on.execute(scopeStatement(districtId));
    await Promise.all(Object.values(dashboardStatements(scope)).map((q) => on.execute(q)));
  };
  const pair = await measurePairs(
    scopes,
    reps,
    Math.min(20, reps),
    (scope) => client.get(`/api/dashboards/schools/${scope.orgUnitId!}`),
    raw(tenant),
  );
  const roles = await measurePairs(scopes, Math.max(5, Math.round(reps / 5)), 2, raw(tenant), raw(db));
  const a = percentiles(pair.api);
  const r = percentiles(pair.raw);
  const t = percentiles(roles.api);
  const o = percentiles(roles.raw);
  const initiatives = Math.round(busiest.reduce((sum, b) => sum + b.n, 0) / busiest.length);
  const statements = 1 + Object.keys(dashboardStatements(scopes[0]!)).length;
  return [
    `school dashboard, ${busiest.length} schools of ~${initiatives} initiatives each, read in turn: p50 ${millis(a.p50)} p95 ${millis(a.p95)}; raw SQL (${statements} statements, the district's executor) p50 ${millis(r.p50)} p95 ${millis(r.p95)}; ratio p50 ${ratio(a.p50, r.p50)} p95 ${ratio(a.p95, r.p95)}`,
    `  (context) the same raw SQL as the district's executor p50 ${millis(t.p50)} p95 ${millis(t.p95)}, as the owner (no row-level security) p50 ${millis(o.p50)} p95 ${millis(o.p95)}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      staff: { type: 'string' },
      initiatives: { type: 'string' },
      reps: { type: 'string' },
      quick: { type: 'boolean', default: false },
    },
  });
  const lines = await benchDashboard({
    staff: Number(values.staff ?? (values.quick ? 2_500 : 25_000)),
    initiatives: Number(values.initiatives ?? 20),
    reps: Number(values.reps ?? (values.quick ? 30 : 100)),
  });
  for (const l of lines) console.log(l);
}

/**
 * The initiative page and a school's fidelity trend on a synthetic district
 * (`npx tsx bench/initiative-page.ts [--staff 25000] [--initiatives 20] [--reps 100] [--quick]`):
 * `--staff` people in `staff / 25` schools (1,000 at 25,000), `--initiatives` initiatives splitting the
 * schools between them (the measured one covers its share), a year of fidelity (a latest check per
 * covered teacher, monthly sums per school, component and month), stages, training, coaching, PDSA
 * cycles and action items. Prints p50/p95 of
 * - GET /api/initiatives/:id/overview against the statements it runs, sent raw on the same driver (driver
 *   health's own reads are left out of the raw side, so its ratio is an upper bound);
 * - GET /api/initiatives/:id/fidelity/schools/:orgUnitId against its statements (the monthly read, coaching and
 *   training beside it, the school and component checks) sent raw one after another;
 * each with its ratio, on the embedded database.
 */
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { openBenchDatabase } from './db.ts';
import { signIn, startApp } from './http.ts';
import { measurePairs } from './people.ts';
import { millis, percentiles, ratio } from './stats.ts';
import { seedTrackerDistrict } from './tracker-seed.ts';

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const rows = async <T>(db: Db, q: SQL) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

export interface InitiativeBenchOptions {
  staff: number;
  initiatives: number;
  reps: number;
}

/** Seeds the district and its initiatives; returns the measured initiative and one of its schools. */
export async function seedInitiatives(db: Db, opts: InitiativeBenchOptions) {
  const schools = Math.max(4, Math.round(opts.staff / 25));
  const d = await seedTrackerDistrict(db, { staff: opts.staff, schools, competencies: 5, scores: false }, log);
  const { districtId, world } = d;
  const exec = (q: SQL) => db.execute(q);
  const [version] = await rows<{ version_id: string }>(db, sql`select version_id from rubrics where id = ${world.rubricId}`);
  const [districtUnit] = await rows<{ id: string }>(
    db,
    sql`insert into org_units (district_id, name, type) values (${districtId}, 'Bench district office', 'district') returning id`,
  );
  await exec(sql`insert into initiatives (district_id, name, profile_version_id, fidelity_rubric_id, covered_roles)
    select ${districtId}, 'Initiative ' || g, ${version!.version_id}, ${world.rubricId}, '["teacher"]'::jsonb from generate_series(0, ${opts.initiatives - 1}) g`);
  const initiatives = await rows<{ id: string; name: string }>(
    db,
    sql`select id, name from initiatives where district_id = ${districtId} order by name`,
  );
  const measured = initiatives[0]!.id;
  // Schools dealt round-robin between the initiatives; the big school goes to the measured one.
  await exec(sql`insert into initiative_schools (district_id, initiative_id, org_unit_id)
    select ${districtId}, i.id, s.id
    from (select id, row_number() over (order by (identifier <> 'S0'), name) - 1 as n from org_units where district_id = ${districtId} and type = 'school') s
    join (select id, row_number() over (order by name) - 1 as n from initiatives where district_id = ${districtId}) i on i.n = s.n % ${opts.initiatives}`);
  await exec(sql`insert into initiative_stages (district_id, initiative_id, org_unit_id, stage)
    select ${districtId}, initiative_id, org_unit_id, (array['exploration','installation','initial_implementation','full_implementation'])[1 + abs(hashtext(org_unit_id::text)) % 4]
    from initiative_schools where district_id = ${districtId}`);
  await exec(sql`insert into initiative_stages (district_id, initiative_id, org_unit_id, stage)
    select ${districtId}, id, ${districtUnit!.id}, 'installation' from initiatives where district_id = ${districtId}`);
  // A year of fidelity: one published check per covered teacher (its latest), and monthly sums per school and component.
  await exec(sql`insert into observations (district_id, type_id, kind, purpose, observed_person_id, observer_person_id, org_unit_id, rubric_id, observed_on, status, revision)
    select ${districtId}, ${world.scoredTypeId}, 'fidelity', 'development', ra.person_id, ra.person_id, ra.org_unit_id, ${world.rubricId}, current_date - 10, 'published', 1
    from role_assignments ra join initiative_schools s on s.org_unit_id = ra.org_unit_id
    where ra.district_id = ${districtId} and ra.role = 'teacher'`);
  await exec(sql`insert into fidelity_checks (district_id, observation_id, initiative_id, rubric_id, person_id, org_unit_id, checked_on, score_pct, at_fidelity)
    select ${districtId}, o.id, s.initiative_id, ${world.rubricId}, o.observed_person_id, o.org_unit_id, o.observed_on, 50 + abs(hashtext(o.id::text)) % 50, abs(hashtext(o.id::text)) % 50 >= 30
    from observations o join initiative_schools s on s.org_unit_id = o.org_unit_id
    where o.district_id = ${districtId} and o.kind = 'fidelity'`);
  await exec(sql`insert into fidelity_latest (district_id, initiative_id, person_id, org_unit_id, check_id, checked_on, score_pct, at_fidelity)
    select district_id, initiative_id, person_id, org_unit_id, id, checked_on, score_pct, at_fidelity from fidelity_checks where district_id = ${districtId}`);
  await exec(sql`insert into fidelity_monthly (district_id, initiative_id, org_unit_id, item_id, month, checks, sum_pct, present)
    select ${districtId}, s.initiative_id, s.org_unit_id, c.item_id, (date_trunc('month', current_date) - make_interval(months => m))::date, 10, 10 * (50 + m * 3), 5
    from initiative_schools s cross join rubric_criteria c cross join generate_series(0, 11) m
    where s.district_id = ${districtId} and c.rubric_id = ${world.rubricId}`);
  // Training, coaching, PDSA and action items on every initiative.
  await exec(sql`insert into training_sessions (district_id, initiative_id, topic, trainer_name, starts_at)
    select ${districtId}, i.id, 'Session ' || g, 'Trainer', now() + make_interval(days => g * 20 - 100) from initiatives i cross join generate_series(0, 9) g where i.district_id = ${districtId}`);
  await exec(sql`insert into training_attendance (district_id, session_id, person_id, attended)
    select ${districtId}, t.id, fl.person_id, true from training_sessions t join fidelity_latest fl on fl.initiative_id = t.initiative_id
    where t.district_id = ${districtId} and t.starts_at < now() and abs(hashtext(fl.person_id::text || t.id::text)) % 3 = 0`);
  await exec(sql`insert into initiative_coaching (district_id, initiative_id, coach_person_id, person_id, starts_on)
    select ${districtId}, initiative_id, person_id, person_id, current_date - 30 from fidelity_latest where district_id = ${districtId} and abs(hashtext(person_id::text)) % 4 = 0`);
  await exec(sql`insert into implementation_teams (district_id, kind, name, org_unit_id, initiative_id)
    select ${districtId}, 'district', 'Team ' || name, ${districtUnit!.id}, id from initiatives where district_id = ${districtId}`);
  await exec(sql`insert into implementation_action_items (district_id, team_id, text, owner_person_id, due_on)
    select ${districtId}, t.id, 'Action ' || g, (select id from people where district_id = ${districtId} limit 1), current_date + g - 10
    from implementation_teams t cross join generate_series(0, 29) g where t.district_id = ${districtId}`);
  await exec(sql`insert into pdsa_cycles (district_id, initiative_id, org_unit_id, item_id, title, status)
    select ${districtId}, s.initiative_id, s.org_unit_id, ${world.criteria[0]!.itemId}, 'Cycle', (array['plan','do','study','act','closed'])[1 + abs(hashtext(s.org_unit_id::text)) % 5]
    from initiative_schools s where s.district_id = ${districtId}`);
  await exec(sql`analyze`);
  const [school] = await rows<{ id: string }>(
    db,
    sql`select org_unit_id as id from initiative_schools where initiative_id = ${measured} order by org_unit_id limit 1`,
  );
  const [covered] = await rows<{ n: number }>(db, sql`select count(*)::int as n from initiative_schools where initiative_id = ${measured}`);
  return { d, districtId, initiativeId: measured, schoolId: school!.id, districtUnitId: districtUnit!.id, coveredSchools: covered!.n };
}

/** The overview's statements (services/implementation/overview.ts), sent raw, without driver health. */
function overviewRaw(db: Db, districtId: string, id: string) {
  return Promise.all([
    db.execute(
      sql`select s.org_unit_id, o.name from initiative_schools s join org_units o on o.id = s.org_unit_id where s.district_id = ${districtId} and s.initiative_id = ${id} order by o.name`,
    ),
    db.execute(
      sql`select st.org_unit_id, o.name, o.type, st.stage, st.entered_at from initiative_stages st join org_units o on o.id = st.org_unit_id where st.district_id = ${districtId} and st.initiative_id = ${id}`,
    ),
    db.execute(
      sql`select count(*)::int, (count(*) filter (where at_fidelity))::int from fidelity_latest where district_id = ${districtId} and initiative_id = ${id}`,
    ),
    db.execute(sql`select m.item_id, coalesce(i.abbreviated_statement, i.full_statement), i.position, m.month, sum(m.checks)::int, sum(m.sum_pct)::float8
      from fidelity_monthly m join framework_items i on i.id = m.item_id
      where m.district_id = ${districtId} and m.initiative_id = ${id} and m.month >= (date_trunc('month', current_date) - interval '11 months')::date
      group by m.item_id, i.abbreviated_statement, i.full_statement, i.position, m.month order by i.position, m.month`),
    db.execute(
      sql`select count(distinct person_id)::int from initiative_coaching where district_id = ${districtId} and initiative_id = ${id} and (ends_on is null or ends_on > current_date)`,
    ),
    db.execute(
      sql`select count(distinct a.person_id)::int from training_attendance a join training_sessions t on t.id = a.session_id where t.district_id = ${districtId} and t.initiative_id = ${id} and a.attended`,
    ),
    db.execute(
      sql`select count(*)::int, (count(*) filter (where starts_at >= now()))::int from training_sessions where district_id = ${districtId} and initiative_id = ${id}`,
    ),
    db.execute(sql`select p.id, p.title, p.status, o.name from pdsa_cycles p join org_units o on o.id = p.org_unit_id left join framework_items i on i.id = p.item_id
      where p.district_id = ${districtId} and p.initiative_id = ${id} and p.status <> 'closed' order by p.created_at limit 10`),
    db.execute(
      sql`select count(*)::int from pdsa_cycles where district_id = ${districtId} and initiative_id = ${id} and status <> 'closed'`,
    ),
    db.execute(sql`select a.id, a.text, t.id, t.name, p.given_name, p.family_name, a.due_on from implementation_action_items a
      join implementation_teams t on t.id = a.team_id join people p on p.id = a.owner_person_id
      where a.district_id = ${districtId} and t.initiative_id = ${id} and a.done_at is null order by a.due_on limit 10`),
    db.execute(sql`select count(*)::int from implementation_action_items a join implementation_teams t on t.id = a.team_id
      where a.district_id = ${districtId} and t.initiative_id = ${id} and a.done_at is null`),
  ]);
}

/** A school's trend (services/fidelity/summary.ts schoolFidelityTrend): its statements, raw, one after another. */
async function trendRaw(db: Db, districtId: string, initiativeId: string, school: string) {
  await db.execute(sql`select * from initiatives where id = ${initiativeId} and district_id = ${districtId}`);
  await db.execute(sql`select o.id, o.name from initiative_schools s join org_units o on o.id = s.org_unit_id
    where s.district_id = ${districtId} and s.initiative_id = ${initiativeId} and s.org_unit_id = ${school}`);
  await db.execute(sql`select month, item_id, checks, sum_pct, present from fidelity_monthly
    where initiative_id = ${initiativeId} and org_unit_id = ${school} order by month, item_id`);
  const atSchool = (person: SQL) => sql`exists (select 1 from role_assignments ra where ra.person_id = ${person}
    and ra.org_unit_id = ${school} and ra.active and (ra.begin_date is null or ra.begin_date <= current_date)
    and (ra.end_date is null or ra.end_date >= current_date))`;
  await db.execute(sql`select (date_trunc('month', l.starts_at at time zone 'UTC'))::date::text as month, ic.item_id, count(distinct l.id)::int as n
    from initiative_coaching ic
    join coaching_logs l on l.coach_person_id = ic.coach_person_id and l.district_id = ic.district_id and l.status = 'held'
      and (l.starts_at at time zone 'UTC')::date >= ic.starts_on and (ic.ends_on is null or (l.starts_at at time zone 'UTC')::date <= ic.ends_on)
    join coaching_log_attendees a on a.log_id = l.id and a.person_id = ic.person_id
    where ic.district_id = ${districtId} and ic.initiative_id = ${initiativeId} and ic.item_id is not null and ${atSchool(sql`ic.person_id`)}
    group by 1, 2`);
  await db.execute(sql`select (date_trunc('month', ts.starts_at at time zone 'UTC'))::date::text as month, ts.item_id, count(*)::int as n
    from training_sessions ts join training_attendance ta on ta.session_id = ts.id and ta.attended
    where ts.district_id = ${districtId} and ts.initiative_id = ${initiativeId} and ts.item_id is not null and ${atSchool(sql`ta.person_id`)}
    group by 1, 2`);
  await db.execute(sql`select c.item_id, coalesce(i.abbreviated_statement, i.full_statement) from rubric_criteria c
    join framework_items i on i.id = c.item_id join initiatives n on n.fidelity_rubric_id = c.rubric_id where n.id = ${initiativeId} order by c.position`);
}

export async function benchInitiativePage(opts: InitiativeBenchOptions): Promise<string[]> {
  const bench = await openBenchDatabase('pglite', '');
  const db = bench.database.db;
  const seeded = await seedInitiatives(db, opts);
  const app = await startApp(bench.database);
  const client = await signIn(app, seeded.d.hrEmail);
  const check = await client.get(`/api/initiatives/${seeded.initiativeId}/overview`);
  if (check.statusCode !== 200) throw new Error(`overview answered ${check.statusCode}: ${check.body}`);
  const warmup = Math.min(20, opts.reps);
  const overview = await measurePairs(
    [seeded.initiativeId],
    opts.reps,
    warmup,
    (id) => client.get(`/api/initiatives/${id}/overview`),
    (id) => overviewRaw(db, seeded.districtId, id),
  );
  const trend = await measurePairs(
    [seeded.schoolId],
    opts.reps,
    warmup,
    (school) => client.get(`/api/initiatives/${seeded.initiativeId}/fidelity/schools/${school}`),
    (school) => trendRaw(db, seeded.districtId, seeded.initiativeId, school),
  );
  await app.close();
  await bench.close();
  const line = (label: string, pair: { api: number[]; raw: number[] }) => {
    const a = percentiles(pair.api);
    const r = percentiles(pair.raw);
    return `${label}: p50 ${millis(a.p50)} p95 ${millis(a.p95)}; raw SQL p50 ${millis(r.p50)} p95 ${millis(r.p95)}; ratio p50 ${ratio(a.p50, r.p50)}`;
  };
  const scope = `${opts.staff} staff, ${opts.initiatives} initiatives, ${seeded.coveredSchools} schools on the measured one (PGlite)`;
  return [line(`initiative page, ${scope}`, overview), line('school fidelity trend', trend)];
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
  const lines = await benchInitiativePage({
    staff: Number(values.staff ?? (values.quick ? 2_000 : 25_000)),
    initiatives: Number(values.initiatives ?? (values.quick ? 4 : 20)),
    reps: Number(values.reps ?? (values.quick ? 40 : 100)),
  });
  for (const l of lines) console.log(l);
}

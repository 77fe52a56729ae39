/**
 * The synthetic district of the tracker bench, seeded with bulk INSERT ... SELECT generate_series:
 * `schools` schools (school 0 holds exactly 120 teachers, the others share the rest), one principal
 * each, a year of observations (8 per teacher, 45 days apart, alternating evaluation and development,
 * one score per rubric competency), competency_latest for the newest of each purpose, 3 action steps
 * per teacher and 4 held coaching sessions for every third teacher, and 6 grade-level teams in every
 * school with each teacher a member of one. A few recent observations have
 * feedback overdue.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { buildObservationWorld, type ObservationWorld } from '../server/test/fixtures/tracker.ts';
import { buildDistrict, buildUser } from '../server/test/factories.ts';

export const BIG_SCHOOL_TEACHERS = 120;
export const OBSERVATIONS_PER_TEACHER = 8;
export const TEAMS_PER_SCHOOL = 6;

export interface TrackerDistrict {
  districtId: string;
  world: ObservationWorld;
  bigSchoolId: string;
  schoolIds: string[];
  principalEmail: string;
  hrEmail: string;
  teachers: number;
  rows: Record<string, number>;
}

export async function seedTrackerDistrict(
  db: Db,
  opts: { staff: number; schools: number; competencies: number; scores: boolean },
  log: (m: string) => void,
): Promise<TrackerDistrict> {
  const districtId = (await buildDistrict(db, 'Bench Tracker')).id;
  const world = await buildObservationWorld(db, districtId, { competencies: opts.competencies });
  const S = opts.schools;
  const teachers = opts.staff - S;
  const exec = (q: ReturnType<typeof sql>) => db.execute(q);
  await exec(sql`insert into org_units (district_id, name, type, identifier)
    select ${districtId}, 'School ' || lpad(g::text, 4, '0'), 'school', 'S' || g from generate_series(0, ${S - 1}) g`);
  const schools = (await exec(
    sql`select id, identifier from org_units where district_id = ${districtId} and type = 'school' order by name`,
  )) as unknown as {
    rows: { id: string; identifier: string }[];
  };
  const bigSchoolId = schools.rows.find((s) => s.identifier === 'S0')!.id;
  const principal = await buildUser(db, districtId, 'school_leader', { orgUnitId: bigSchoolId });
  const hr = await buildUser(db, districtId, 'hr');
  await exec(sql`insert into people (district_id, given_name, family_name, identifier, search_text)
    select ${districtId}, 'Given' || g, 'Family' || g, 'T' || g, 'given' || g || ' family' || g || ' t' || g from generate_series(0, ${teachers - 1}) g`);
  await exec(sql`insert into people (district_id, given_name, family_name, identifier, search_text)
    select ${districtId}, 'Principal' || g, 'School' || g, 'P' || g, 'principal' || g || ' school' || g || ' p' || g from generate_series(1, ${S - 2}) g`);
  await exec(sql`insert into role_assignments (district_id, person_id, org_unit_id, role, is_primary)
    select ${districtId}, p.id, o.id, 'teacher', true
    from people p
    join org_units o on o.district_id = ${districtId} and o.identifier = 'S' || (case when substr(p.identifier, 2)::int < ${BIG_SCHOOL_TEACHERS} then 0
      else 1 + (substr(p.identifier, 2)::int - ${BIG_SCHOOL_TEACHERS}) % ${Math.max(1, S - 1)} end)
    where p.district_id = ${districtId} and p.identifier like 'T%'`);
  await exec(sql`insert into role_assignments (district_id, person_id, org_unit_id, role, is_primary)
    select ${districtId}, p.id, o.id, 'principal', true
    from people p join org_units o on o.district_id = ${districtId} and o.identifier = 'S' || substr(p.identifier, 2)
    where p.district_id = ${districtId} and p.identifier like 'P%'`);
  // Teams: every school has TEAMS_PER_SCHOOL grade-level teams (since last year), each teacher a
  // current member of one (teacher n in team n % TEAMS_PER_SCHOOL), a quarter of them since this week.
  await exec(sql`insert into teams (district_id, school_id, kind, name, starts_on)
    select ${districtId}, o.id, 'grade_level', 'Grade ' || g, current_date - 365
    from org_units o cross join generate_series(1, ${TEAMS_PER_SCHOOL}) g where o.district_id = ${districtId} and o.type = 'school'`);
  await exec(sql`insert into team_members (district_id, team_id, person_id, role, starts_on)
    select ${districtId}, t.id, p.id, case when n % 25 = 0 then 'lead' else 'member' end,
      case when n % 4 = 0 then current_date - 3 else current_date - 300 end
    from (select p.id, substr(p.identifier, 2)::int as n, ra.org_unit_id from people p
          join role_assignments ra on ra.person_id = p.id and ra.role = 'teacher'
          where p.district_id = ${districtId} and p.identifier like 'T%') p
    join teams t on t.district_id = ${districtId} and t.school_id = p.org_unit_id and t.name = 'Grade ' || (1 + n % ${TEAMS_PER_SCHOOL})`);
  log(`tracker bench: ${S} schools, ${teachers} teachers, seeding observations`);
  // k = 0 is the newest (an evaluation), k = 1 the newest development observation; class_label keeps k.
  await exec(sql`insert into observations (district_id, type_id, kind, purpose, observed_person_id, observer_person_id, org_unit_id,
      rubric_id, scale_id, observed_on, class_label, status, revision, published_at, feedback_due_on, feedback_held_at)
    select ${districtId}, ${world.scoredTypeId}, 'scored', case when k % 2 = 0 then 'evaluation' else 'development' end,
      t.id, ${principal.personId}, t.org_unit_id, ${world.rubricId}, null, d.day, 'k' || k, 'published', 1, d.day::timestamptz,
      d.day + 3, case when k = 0 and t.n % 20 = 0 then null else d.day::timestamptz + interval '2 days' end
    from (select p.id, substr(p.identifier, 2)::int as n, ra.org_unit_id from people p join role_assignments ra on ra.person_id = p.id
          where p.district_id = ${districtId} and p.identifier like 'T%') t
    cross join generate_series(0, ${OBSERVATIONS_PER_TEACHER - 1}) k
    cross join lateral (select (current_date - (k * 45 + t.n % 30 + 1))::date as day) d`);
  const level = sql`sl.position = abs(hashtext(o.id::text || c.id::text)) % 4`;
  if (opts.scores) {
    await exec(sql`insert into observation_scores (district_id, observation_id, criterion_id, item_id, scale_level_id, level_score)
      select ${districtId}, o.id, c.id, c.item_id, sl.id, sl.level_score
      from observations o join rubric_criteria c on c.rubric_id = ${world.rubricId}
      join scale_levels sl on sl.scale_id = (select scale_id from rubrics where id = ${world.rubricId}) and ${level}
      where o.district_id = ${districtId}`);
  }
  await exec(sql`insert into competency_latest (district_id, person_id, item_id, purpose, observation_id, scale_level_id, level_score, proficient, observed_on)
    select ${districtId}, o.observed_person_id, c.item_id, o.purpose, o.id, sl.id, sl.level_score, sl.proficient, o.observed_on
    from observations o join rubric_criteria c on c.rubric_id = ${world.rubricId}
    join scale_levels sl on sl.scale_id = (select scale_id from rubrics where id = ${world.rubricId}) and ${level}
    where o.district_id = ${districtId} and o.class_label in ('k0', 'k1')`);
  await exec(sql`insert into action_steps (district_id, person_id, title, status, due_on)
    select ${districtId}, p.id, 'Step ' || j, (array['assigned', 'practicing', 'mastered'])[1 + (substr(p.identifier, 2)::int + j) % 3], current_date + j * 7
    from people p cross join generate_series(1, 3) j where p.district_id = ${districtId} and p.identifier like 'T%'`);
  // Coaching: every third teacher, 4 held sessions in the last 40 days (notes carry the coachee to join the attendee).
  await exec(sql`insert into coaching_logs (district_id, coach_person_id, status, starts_at, duration_minutes, activity, notes)
    select ${districtId}, ${principal.personId}, 'held', now() - (j * 10 || ' days')::interval, 30, 'feedback', p.id::text
    from people p cross join generate_series(1, 4) j
    where p.district_id = ${districtId} and p.identifier like 'T%' and substr(p.identifier, 2)::int % 3 = 0`);
  await exec(sql`insert into coaching_log_attendees (district_id, log_id, person_id)
    select ${districtId}, l.id, l.notes::uuid from coaching_logs l where l.district_id = ${districtId}`);
  await exec(sql`analyze`);
  const counts = (await exec(sql`select
      (select count(*) from people where district_id = ${districtId})::int as people,
      (select count(*) from observations where district_id = ${districtId})::int as observations,
      (select count(*) from observation_scores where district_id = ${districtId})::int as scores,
      (select count(*) from competency_latest where district_id = ${districtId})::int as competency_latest,
      (select count(*) from team_members where district_id = ${districtId})::int as team_members,
      (select count(*) from action_steps where district_id = ${districtId})::int as action_steps,
      (select count(*) from coaching_logs where district_id = ${districtId})::int as coaching_logs`)) as unknown as {
    rows: Record<string, number>[];
  };
  return {
    districtId,
    world,
    bigSchoolId,
    schoolIds: schools.rows.map((s) => s.id),
    principalEmail: principal.email,
    hrEmail: hr.email,
    teachers,
    rows: counts.rows[0]!,
  };
}

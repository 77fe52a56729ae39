import { sql, type SQL } from 'drizzle-orm';

/**
 * The statements behind the district and school dashboards, one per figure and each grouped by
 * initiative, so the district dashboard sends the same dozen statements at 1 school or 1,000. They
 * read summaries kept on write (initiative_stages, fidelity_latest, fidelity_monthly), indexed
 * counts, `exists` probes for driver health, and the imported outcome aggregates. With a school,
 * every figure is narrowed to it (people by their current assignment there). The benchmark
 * (bench/dashboard.ts) sends these same statements raw.
 */

export interface DashboardScope {
  districtId: string;
  /** The district's today (YYYY-MM-DD). */
  today: string;
  /** First month of the fidelity trend (YYYY-MM-01). */
  since: string;
  /** Weeks of coaching counted as dosage. */
  dosageWeeks: number;
  minCount: number;
  /** Narrow every figure to this school. */
  orgUnitId?: string;
  /** Narrow every figure to this initiative (a summary's refresh). */
  initiativeId?: string;
}

/**
 * People currently assigned at the scope's school (no narrowing without one), as a set the planner
 * can start from: a school's few dozen people, then their rows by the person indexes.
 */
function atSchool(s: DashboardScope, person: SQL): SQL {
  if (!s.orgUnitId) return sql``;
  return sql`and ${person} in (select ra.person_id from role_assignments ra where ra.district_id = ${s.districtId}
    and ra.org_unit_id = ${s.orgUnitId} and ra.active and (ra.begin_date is null or ra.begin_date <= ${s.today})
    and (ra.end_date is null or ra.end_date >= ${s.today}))`;
}
const unit = (s: DashboardScope, column: SQL) => (s.orgUnitId ? sql`and ${column} = ${s.orgUnitId}` : sql``);
/** One initiative (a summary's refresh), or on a school's dashboard the initiatives covering the school. */
const only = (s: DashboardScope, column: SQL) => {
  if (s.initiativeId) return sql`and ${column} = ${s.initiativeId}`;
  if (s.orgUnitId)
    return sql`and ${column} in (select x.initiative_id from initiative_schools x where x.district_id = ${s.districtId} and x.org_unit_id = ${s.orgUnitId})`;
  return sql``;
};
const windowStart = (driver: string) =>
  sql`now() - make_interval(weeks => coalesce((select dp.data_window_weeks from driver_plans dp where dp.initiative_id = i.id and dp.driver = ${driver}), 8))`;

/** Every figure's statement. The district dashboard reads `implementation` from stored summaries and sends `outcomes` itself. */
export function dashboardStatements(s: DashboardScope) {
  return { ...implementationStatements(s), ...outcomeStatements(s) };
}

/** Stage, drivers, training, coaching and fidelity, per initiative. */
export function implementationStatements(s: DashboardScope) {
  const d = s.districtId;
  return {
    initiatives: sql`select i.id, i.name, i.status from initiatives i where i.district_id = ${d}
      ${s.orgUnitId ? sql`and exists (select 1 from initiative_schools x where x.initiative_id = i.id and x.org_unit_id = ${s.orgUnitId})` : sql``}
      ${only(s, sql`i.id`)}
      order by i.name, i.id`,
    stages: sql`select s.initiative_id, coalesce(st.stage, 'exploration') as stage, count(*)::int as n
      from initiative_schools s left join initiative_stages st on st.initiative_id = s.initiative_id and st.org_unit_id = s.org_unit_id
      where s.district_id = ${d} ${unit(s, sql`s.org_unit_id`)} ${only(s, sql`s.initiative_id`)} group by 1, 2`,
    plans: sql`select dp.initiative_id, dp.driver, dp.owner_person_id, dp.plan, dp.details, dp.data_window_weeks
      from driver_plans dp where dp.district_id = ${d} ${only(s, sql`dp.initiative_id`)}`,
    // Driver health asks only whether each kind of record exists: an index probe each, per initiative.
    records: sql`select i.id as initiative_id,
      exists (select 1 from training_sessions t where t.initiative_id = i.id) as sessions,
      exists (select 1 from training_sessions t join training_attendance a on a.session_id = t.id
        where t.initiative_id = i.id and a.attended and t.starts_at >= ${windowStart('training')} and t.starts_at <= now()) as attendance,
      exists (select 1 from initiative_coaching c where c.initiative_id = i.id) as assignments,
      exists (select 1 from initiative_coaching c join coaching_logs l on l.coach_person_id = c.coach_person_id and l.district_id = c.district_id
        join coaching_log_attendees la on la.log_id = l.id and la.person_id = c.person_id
        where c.initiative_id = i.id and l.status = 'held' and l.starts_at >= ${windowStart('coaching')} and l.starts_at <= now()) as logs,
      exists (select 1 from fidelity_checks f where f.initiative_id = i.id) as checks,
      exists (select 1 from fidelity_checks f where f.initiative_id = i.id and f.checked_on <= ${s.today}::date
        and f.checked_on >= (now() - make_interval(weeks => coalesce((select dp.data_window_weeks from driver_plans dp where dp.initiative_id = i.id and dp.driver = 'fidelity'), 8)))::date) as recent_checks
      from initiatives i where i.district_id = ${d} ${only(s, sql`i.id`)}`,
    sessions: sql`select t.initiative_id, count(*)::int as total, (count(*) filter (where t.starts_at >= now()))::int as upcoming
      from training_sessions t where t.district_id = ${d} ${only(s, sql`t.initiative_id`)} group by 1`,
    attendance: sql`select t.initiative_id, count(distinct a.person_id)::int as marked,
      (count(distinct a.person_id) filter (where a.attended))::int as trained,
      (count(*) filter (where a.attended))::int as present, count(*)::int as marks
      from training_attendance a join training_sessions t on t.id = a.session_id
      where a.district_id = ${d} ${only(s, sql`t.initiative_id`)} ${atSchool(s, sql`a.person_id`)} group by 1`,
    coached: sql`select ic.initiative_id, count(distinct ic.person_id)::int as n from initiative_coaching ic
      where ic.district_id = ${d} and (ic.ends_on is null or ic.ends_on > ${s.today}) ${only(s, sql`ic.initiative_id`)} ${atSchool(s, sql`ic.person_id`)} group by 1`,
    dosage: sql`select ic.initiative_id, count(distinct l.id)::int as n
      from coaching_logs l join coaching_log_attendees la on la.log_id = l.id
      join initiative_coaching ic on ic.coach_person_id = l.coach_person_id and ic.person_id = la.person_id and ic.district_id = l.district_id
      where l.district_id = ${d} and l.status = 'held' and l.starts_at >= now() - make_interval(weeks => ${s.dosageWeeks}) and l.starts_at <= now()
        ${only(s, sql`ic.initiative_id`)} ${atSchool(s, sql`ic.person_id`)}
      group by 1`,
    latest: sql`select l.initiative_id, count(*)::int as people, (count(*) filter (where l.at_fidelity))::int as at
      from fidelity_latest l where l.district_id = ${d} ${only(s, sql`l.initiative_id`)} ${unit(s, sql`l.org_unit_id`)} group by 1`,
    monthly: sql`select m.initiative_id, m.item_id, coalesce(i.abbreviated_statement, i.full_statement) as title, i.position,
      m.month::text as month, sum(m.checks)::int as checks, sum(m.sum_pct)::float8 as sum_pct
      from fidelity_monthly m join framework_items i on i.id = m.item_id
      where m.district_id = ${d} and m.month >= ${s.since}::date ${only(s, sql`m.initiative_id`)} ${unit(s, sql`m.org_unit_id`)}
      group by m.initiative_id, m.item_id, i.abbreviated_statement, i.full_statement, i.position, m.month
      order by i.position, m.month`,
  };
}

/** The measures each initiative watches and their figures per period (cells under the minimum left out of sums). */
export function outcomeStatements(s: DashboardScope) {
  const d = s.districtId;
  return {
    measures: sql`select im.initiative_id, om.id, om.key, om.name, om.unit, om.higher_is_better
      from initiative_measures im join outcome_measures om on om.id = im.measure_id
      where im.district_id = ${d} ${only(s, sql`im.initiative_id`)} order by om.name, om.id`,
    // Cells under the minimum stay out of every sum: a total minus the shown schools would reveal them.
    outcomes: sql`select im.initiative_id, v.measure_id, v.period_id, p.label, p.starts_on::text as starts_on, p.ends_on::text as ends_on,
      (sum(v.value * v.count) filter (where v.count >= ${s.minCount}) / nullif(sum(v.count) filter (where v.count >= ${s.minCount}), 0))::float8 as value,
      coalesce(sum(v.count) filter (where v.count >= ${s.minCount}), 0)::int as count
      from initiative_measures im
      join initiative_schools s on s.initiative_id = im.initiative_id
      join outcome_values v on v.measure_id = im.measure_id and v.org_unit_id = s.org_unit_id and v.person_id is null
      join outcome_periods p on p.id = v.period_id
      where im.district_id = ${d} ${only(s, sql`im.initiative_id`)} ${unit(s, sql`s.org_unit_id`)}
      group by im.initiative_id, v.measure_id, v.period_id, p.label, p.starts_on, p.ends_on
      order by p.starts_on, p.label`,
  };
}
export type DashboardStatements = ReturnType<typeof dashboardStatements>;

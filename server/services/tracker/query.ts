import { sql, type SQL } from 'drizzle-orm';
import { OBSERVED_ROLES, type ObservationPurpose } from '../../../common/observation.ts';
import { TRACKER_ROW_CAP } from '../../../common/schemas/tracker.ts';
import type { Executor } from '../../db/client.ts';

/**
 * The one query behind a school tracker (and a school's summary): a row per person holding a current
 * observed role (common/observation.ts OBSERVED_ROLES) in the school or a unit under it (their team),
 * with their latest level per rubric competency (competency_latest, newest first among the allowed
 * purposes), open action steps, published observations (last date, this term, feedback state) and
 * coaching sessions held this term. Every part is keyed by person through indexes; nothing scans the
 * district. The bench runs this same SQL raw to compare with the API.
 */
export interface TrackerSqlParams {
  districtId: string;
  schoolId: string;
  itemIds: string[];
  /** Observation purposes whose levels and observations count (a coach: development only). */
  purposes: ObservationPurpose[];
  /** Only these people (a coach's caseload); null for everyone in the school. */
  personIds: string[] | null;
  termStartsOn: string;
  termEndsOn: string;
  today: string;
}

export interface TrackerSqlRow {
  person_id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  role: string;
  team_id: string | null;
  team_name: string | null;
  /** itemId -> [label, levelScore, proficient, observedOn] */
  levels: Record<string, [string | null, number | string | null, boolean, string]> | null;
  open_action_steps: number;
  last_observed_on: string | null;
  observed_this_term: number;
  scored_this_term: number;
  last_feedback_held_on: string | null;
  latest_pending_on: string | null;
  overdue: boolean | null;
  coaching_this_term: number;
}

const uuidArray = (ids: string[]) => sql`array[${sql.join(ids.length ? ids.map((id) => sql`${id}`) : [sql`null`], sql`, `)}]::uuid[]`;
const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** The school's units (itself and the units under it), as the CTE `school_units`. */
const schoolUnitsCte = (p: Pick<TrackerSqlParams, 'districtId' | 'schoolId'>) => sql`school_units as (
  select id, name from org_units where district_id = ${p.districtId} and (id = ${p.schoolId} or parent_id = ${p.schoolId})
)`;

/** Who the tracker lists: current observed roles in the school's units, of active people (`ra`, `su`, `pp`). */
function rosterFrom(p: Pick<TrackerSqlParams, 'districtId' | 'personIds' | 'today'>): SQL {
  const personFilter = p.personIds ? sql`and ra.person_id = any(${uuidArray(p.personIds)})` : sql``;
  return sql`from role_assignments ra
  join school_units su on su.id = ra.org_unit_id
  join people pp on pp.id = ra.person_id and pp.active
  where ra.district_id = ${p.districtId} and ra.role = any(${textArray(OBSERVED_ROLES)}) and ra.active
    and (ra.begin_date is null or ra.begin_date <= ${p.today}::date)
    and (ra.end_date is null or ra.end_date >= ${p.today}::date)
    ${personFilter}`;
}

/** How many people the school's tracker lists (for "20 of 120" when only a team's rows are loaded). */
export async function countTrackerRoster(db: Executor, p: Pick<TrackerSqlParams, 'districtId' | 'schoolId' | 'personIds' | 'today'>) {
  const result = (await db.execute(
    sql`with ${schoolUnitsCte(p)} select count(distinct ra.person_id)::int as n ${rosterFrom(p)}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? 0;
}

export function trackerSql(p: TrackerSqlParams): SQL {
  return sql`
with ${schoolUnitsCte(p)},
roster as (
  select ra.person_id, pp.given_name, pp.family_name, pp.preferred_name,
    (array_agg(ra.role order by ra.is_primary desc, ra.role))[1] as role,
    (array_agg(su.id order by su.name) filter (where su.id <> ${p.schoolId}))[1] as team_id
  ${rosterFrom(p)}
  group by ra.person_id, pp.id
  order by ra.person_id
  limit ${TRACKER_ROW_CAP + 1}
)
select r.person_id, r.given_name, r.family_name, r.preferred_name, r.role, r.team_id, su.name as team_name,
  lv.levels, coalesce(steps.n, 0) as open_action_steps,
  obs.last_observed_on::text, coalesce(obs.observed_this_term, 0) as observed_this_term,
  coalesce(obs.scored_this_term, 0) as scored_this_term, obs.last_feedback_held_on::text,
  obs.latest_pending_on::text, obs.overdue, coalesce(coached.n, 0) as coaching_this_term
from roster r
left join school_units su on su.id = r.team_id
left join lateral (
  select jsonb_object_agg(x.item_id, jsonb_build_array(x.label, x.level_score, x.proficient, x.observed_on)) as levels
  from (
    select distinct on (cl.item_id) cl.item_id, sl.label, cl.level_score, cl.proficient, cl.observed_on
    from competency_latest cl
    left join scale_levels sl on sl.id = cl.scale_level_id
    where cl.person_id = r.person_id and cl.item_id = any(${uuidArray(p.itemIds)}) and cl.purpose = any(${textArray(p.purposes)})
    order by cl.item_id, cl.observed_on desc
  ) x
) lv on true
left join lateral (
  select max(o.observed_on) as last_observed_on,
    count(*) filter (where o.observed_on between ${p.termStartsOn}::date and ${p.termEndsOn}::date)::int as observed_this_term,
    count(*) filter (where o.observed_on between ${p.termStartsOn}::date and ${p.termEndsOn}::date and t.counts_toward_requirement)::int as scored_this_term,
    max(o.feedback_held_at)::date as last_feedback_held_on,
    (array_agg(case when o.feedback_held_at is null then o.observed_on end order by o.observed_on desc, o.published_at desc))[1] as latest_pending_on,
    bool_or(o.feedback_held_at is null and o.feedback_due_on < ${p.today}::date) as overdue
  from observations o
  join observation_types t on t.id = o.type_id
  where o.district_id = ${p.districtId} and o.observed_person_id = r.person_id and o.status = 'published' and o.purpose = any(${textArray(p.purposes)})
    and o.kind <> 'fidelity'
) obs on true
left join lateral (
  select count(*)::int as n from action_steps a
  where a.district_id = ${p.districtId} and a.person_id = r.person_id and a.status <> 'mastered'
) steps on true
left join lateral (
  select count(*)::int as n
  from coaching_log_attendees a
  join coaching_logs l on l.id = a.log_id
  where a.person_id = r.person_id and l.district_id = ${p.districtId} and l.status = 'held'
    and l.starts_at >= ${p.termStartsOn}::date and l.starts_at < ${p.termEndsOn}::date + 1
) coached on true
order by r.person_id`;
}

export async function runTrackerSql(db: Executor, params: TrackerSqlParams): Promise<TrackerSqlRow[]> {
  const result = (await db.execute(trackerSql(params))) as unknown as { rows: TrackerSqlRow[] };
  return result.rows;
}

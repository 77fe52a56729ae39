import { sql, type SQL } from 'drizzle-orm';

/**
 * Who a person coaches today, as SQL over a person id expression (the session query passes
 * `qualified(users.personId)`). Two parts, kept apart so each rule reads on its own:
 * - `caseloadScope`: the coachees of their current caseload rows (caseload_members, dated);
 * - `teamLeadScope`: the current members of the teams they currently lead (team_members).
 * Ended rows are history and give no access. Dates: `starts_on` inclusive, `ends_on` exclusive;
 * `today` is the district's day (the session query passes it from the district's time zone).
 */
export const caseloadScope = (coach: SQL, today: SQL): SQL => sql`select cm.person_id from caseload_members cm
  where cm.coach_person_id = ${coach} and cm.active and cm.starts_on <= ${today} and (cm.ends_on is null or cm.ends_on > ${today})`;

/** The team lead scope: members of every current team the person leads today (themselves excluded). */
export const teamLeadScope = (lead: SQL, today: SQL): SQL => sql`select tm.person_id from team_members lm
  join teams t on t.id = lm.team_id and t.district_id = lm.district_id and t.starts_on <= ${today} and (t.ends_on is null or t.ends_on > ${today})
  join team_members tm on tm.team_id = lm.team_id and tm.district_id = lm.district_id
    and tm.starts_on <= ${today} and (tm.ends_on is null or tm.ends_on > ${today})
  where lm.person_id = ${lead} and lm.role = 'lead' and lm.starts_on <= ${today} and (lm.ends_on is null or lm.ends_on > ${today})
    and tm.person_id <> lm.person_id`;

/** Both scopes as one JSON array of distinct person ids (the actor's `caseloadPersonIds`). */
export const coachingScopeJson = (person: SQL, today: SQL): SQL =>
  sql`(select coalesce(json_agg(distinct s.person_id), '[]'::json) from (${caseloadScope(person, today)} union ${teamLeadScope(person, today)}) s)`;

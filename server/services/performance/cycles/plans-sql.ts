import { sql, type SQL } from 'drizzle-orm';

/** `alias` is a role assignment current today (as services/auth/current-assignment.ts). */
const current = (alias: string) =>
  sql.raw(`${alias}.active and (${alias}.begin_date is null or ${alias}.begin_date <= current_date)
    and (${alias}.end_date is null or ${alias}.end_date >= current_date)`);

/** A Postgres array literal of ids, sent as one parameter (not one per id). */
export const uuidList = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** The leader of unit `unit` holding `role`, not the person themselves (by name, as computedEvaluators). */
const leader = (unit: string, role: string) => sql`(select l.person_id from role_assignments l
    join people lp on lp.id = l.person_id and lp.active
    where l.org_unit_id = ${sql.raw(unit)} and l.role = ${role} and ${current('l')} and l.person_id <> pop.id
    order by lp.family_name, lp.given_name, lp.id limit 1)`;

export interface PlanInsertParams {
  districtId: string;
  cycleId: string;
  schoolYear: string;
  personIds: string[];
  /** Roster role -> step id of the rubric people of that role without a step are held to. */
  roleSteps: Record<string, string>;
  /** Step id -> the cycle's snapshot of its rubric. */
  snapshots: Record<string, string>;
  /** Step id -> plan template (JSON); `fallbackTemplate` for any other step or none. */
  templates: Record<string, unknown>;
  fallbackTemplate: unknown;
  nextCheckInOn: string | null;
}

/**
 * One statement that makes the plans of a batch of people (INSERT ... SELECT, no round trip per
 * person), skipping anyone who already has one in the cycle:
 * - step: their open step placement, else the step whose rubric their roster role maps to
 *   (primary role first), else none; the rubric: that step's snapshot in the cycle, else none;
 * - school: the school of their primary current role (else of any current role), else their
 *   primary org unit (a department);
 * - evaluator: HR's assignment for the school year, else the principal of that school (for a
 *   principal, or a school without one, the network's instructional superintendent), as
 *   services/evaluators/computed.ts computes it one person at a time;
 * - template: their step's, else the district default, else DEFAULT_PLAN_TEMPLATE.
 */
export function insertPlansSql(p: PlanInsertParams): SQL {
  const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
  return sql`insert into performance_plans (district_id, cycle_id, person_id, step_id, cycle_rubric_id, org_unit_id,
      evaluator_person_id, template, next_check_in_on)
    select ${p.districtId}, ${p.cycleId}, x.person_id, x.step_id, x.cycle_rubric_id, x.org_unit_id, x.evaluator_person_id,
      coalesce(${json(p.templates)} -> x.step_id::text, ${json(p.fallbackTemplate)}), ${p.nextCheckInOn}::date
    from (
      select pop.id as person_id,
        coalesce(pl.step_id, rs.step_id) as step_id,
        coalesce(${json(p.snapshots)} ->> pl.step_id::text, ${json(p.snapshots)} ->> rs.step_id::text)::uuid as cycle_rubric_id,
        coalesce(sc.org_unit_id, un.org_unit_id) as org_unit_id,
        coalesce(ea.evaluator_person_id,
          case when sc.role <> 'principal' then ${leader('sc.org_unit_id', 'principal')} end,
          ${leader('sc.parent_id', 'instructional_superintendent')}) as evaluator_person_id
      from unnest(${uuidList(p.personIds)}) as pop(id)
      left join lateral (select sp.step_id from step_placements sp
        where sp.person_id = pop.id and sp.district_id = ${p.districtId} and sp.start_date <= current_date
          and (sp.end_date is null or sp.end_date >= current_date)
        order by sp.start_date desc limit 1) pl on true
      left join lateral (select (${json(p.roleSteps)} ->> ra.role)::uuid as step_id from role_assignments ra
        where ra.person_id = pop.id and ${current('ra')} and (${json(p.roleSteps)} ->> ra.role) is not null
        order by ra.is_primary desc limit 1) rs on true
      left join lateral (select ra.org_unit_id, ra.role, o.parent_id from role_assignments ra
        join org_units o on o.id = ra.org_unit_id and o.type = 'school'
        where ra.person_id = pop.id and ${current('ra')}
        order by ra.is_primary desc, o.name limit 1) sc on true
      left join lateral (select ra.org_unit_id from role_assignments ra join org_units o on o.id = ra.org_unit_id
        where ra.person_id = pop.id and ${current('ra')}
        order by ra.is_primary desc, o.name limit 1) un on true
      left join evaluator_assignments ea on ea.person_id = pop.id and ea.district_id = ${p.districtId}
        and ea.school_year = ${p.schoolYear}
    ) x
    on conflict (cycle_id, person_id) do nothing`;
}

import { sql, type SQL } from 'drizzle-orm';
import type { CyclePopulation } from '../../../db/schema/performance.ts';

/**
 * The canonical form of a population: the same people asked for in any order or with repeats give
 * the same key, so a second cycle for them in the same school year is refused (unique index).
 * @example populationKey({ roles: ['teacher'], stepIds: [], orgUnitIds: [] }) // 'roles=teacher'
 */
export function populationKey(p: CyclePopulation): string {
  const part = (name: string, values: string[]) => (values.length ? `${name}=${[...new Set(values)].sort().join(',')}` : null);
  const parts = [part('roles', p.roles), part('steps', p.stepIds), part('units', p.orgUnitIds)].filter(Boolean);
  return parts.length ? parts.join(';') : 'everyone';
}

/** The population with its lists sorted and deduplicated (what is stored). */
export const canonicalPopulation = (p: CyclePopulation): CyclePopulation => ({
  roles: [...new Set(p.roles)].sort(),
  stepIds: [...new Set(p.stepIds)].sort(),
  orgUnitIds: [...new Set(p.orgUnitIds)].sort(),
});

const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** A role assignment of person `p` current today (as services/auth/current-assignment.ts). */
const currentRole = (extra: SQL) => sql`exists (select 1 from role_assignments ra where ra.person_id = p.id and ra.active
  and (ra.begin_date is null or ra.begin_date <= current_date) and (ra.end_date is null or ra.end_date >= current_date) and ${extra})`;

/**
 * SQL condition on `people p`: an active person of the district with a current role, matching
 * every non-empty list of the population (any value within a list). Lists are ANDed: teachers
 * (role) at Palm Grove (org unit) means teachers there, not every teacher and everyone there.
 */
export function inPopulation(districtId: string, p: CyclePopulation): SQL {
  const conditions = [sql`p.district_id = ${districtId}`, sql`p.active`, currentRole(sql`true`)];
  if (p.roles.length) conditions.push(currentRole(sql`ra.role in (${list(p.roles)})`));
  if (p.orgUnitIds.length) conditions.push(currentRole(sql`ra.org_unit_id in (${list(p.orgUnitIds)})`));
  if (p.stepIds.length)
    conditions.push(sql`exists (select 1 from step_placements sp where sp.person_id = p.id and sp.start_date <= current_date
      and (sp.end_date is null or sp.end_date >= current_date) and sp.step_id in (${list(p.stepIds)}))`);
  return sql.join(conditions, sql` and `);
}

/**
 * SQL condition on `people p`: no current plan (not left) in another cycle of the same school year.
 * One plan per person and year: when two cycles' populations overlap ("everyone" and "teachers"),
 * the cycle opened first keeps the people in both and the other one counts them as planned elsewhere.
 */
export function notPlannedElsewhere(districtId: string, cycleId: string, schoolYear: string): SQL {
  return sql`not exists (select 1 from performance_plans other_pp join performance_cycles other_c on other_c.id = other_pp.cycle_id
    where other_pp.person_id = p.id and other_pp.left_on is null and other_pp.cycle_id <> ${cycleId}
      and other_c.district_id = ${districtId} and other_c.school_year = ${schoolYear})`;
}

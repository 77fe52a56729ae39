import { and, eq, sql } from 'drizzle-orm';
import type { OutcomeMeasureValues } from '../../../common/schemas/outcomes.ts';
import { orgUnits } from '../../db/schema/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { canPlanFromSchoolOutcomes, canReadDistrictDashboard, canReadSchoolDashboard } from '../../policies/outcomes.ts';
import { dashboardReach, loadOutcomeSettings } from './access.ts';
import { loadMeasure, measureView } from './measures.ts';
import { figure } from './suppress.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** A school (type `school`) of the caller's district, else 404. */
export async function loadSchool(ctx: Ctx, orgUnitId: string, db: Executor = ctx.db) {
  const [row] = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, orgUnitId), eq(orgUnits.districtId, ctx.actor.districtId), eq(orgUnits.type, 'school')));
  if (!row) throw notFound('School');
  return row;
}

/**
 * GET /api/outcomes/measures/:id/values[?orgUnitId=]: the records behind an outcome figure, school
 * by school and period by period. Every school for whoever reads the district dashboard; one school
 * for its leaders and implementation team (never a list of schools to compare). Cells under the
 * minimum count arrive suppressed. Per-teacher values are never listed here.
 */
export async function measureValues(ctx: Ctx, measureId: string, query: { orgUnitId?: string }): Promise<OutcomeMeasureValues> {
  const measure = await loadMeasure(ctx, measureId);
  const reach = await dashboardReach(ctx);
  if (query.orgUnitId) {
    await loadSchool(ctx, query.orgUnitId);
    if (!canReadSchoolDashboard(ctx.actor, query.orgUnitId, reach))
      throw forbidden('Only this school’s leaders and teams read its outcomes');
  } else if (!canReadDistrictDashboard(ctx.actor, reach))
    throw forbidden('Only HR, admins and district teams read every school’s outcomes');
  const { minCount } = await loadOutcomeSettings(ctx.db, ctx.actor.districtId);
  const school = query.orgUnitId ? sql`and v.org_unit_id = ${query.orgUnitId}` : sql``;
  const rows = rowsOf<{ org_unit_id: string; name: string; period_id: string; value: number; count: number }>(
    await ctx.db.execute(sql`
      select v.org_unit_id, o.name, v.period_id, v.value::float8 as value, v.count
      from outcome_values v join org_units o on o.id = v.org_unit_id
      where v.district_id = ${ctx.actor.districtId} and v.measure_id = ${measure.id} and v.person_id is null ${school}
      order by o.name, o.id`),
  );
  const periods = rowsOf<{ id: string; label: string; starts_on: string; ends_on: string }>(
    await ctx.db.execute(sql`
      select p.id, p.label, p.starts_on::text as starts_on, p.ends_on::text as ends_on from outcome_periods p
      where p.district_id = ${ctx.actor.districtId}
        and exists (select 1 from outcome_values v where v.period_id = p.id and v.measure_id = ${measure.id} and v.person_id is null ${school})
      order by p.starts_on, p.label`),
  );
  const schools = new Map<string, OutcomeMeasureValues['schools'][number]>();
  for (const r of rows) {
    const s = schools.get(r.org_unit_id) ?? {
      orgUnitId: r.org_unit_id,
      name: r.name,
      figures: [],
      planActions: canPlanFromSchoolOutcomes(ctx.actor, r.org_unit_id, reach),
    };
    s.figures.push({ periodId: r.period_id, ...figure(Number(r.value), Number(r.count), minCount) });
    schools.set(r.org_unit_id, s);
  }
  return {
    measure: await measureView(ctx, measure.id),
    minCount,
    periods: periods.map((p) => ({ id: p.id, label: p.label, startsOn: p.starts_on, endsOn: p.ends_on })),
    schools: [...schools.values()],
  };
}

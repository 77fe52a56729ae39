import type { DistrictDashboard, SchoolDashboard } from '../../../common/schemas/dashboards.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canReadDistrictDashboard, canReadSchoolDashboard } from '../../policies/outcomes.ts';
import { districtToday } from '../coaching/refs.ts';
import { dashboardReach, loadOutcomeSettings } from '../outcomes/access.ts';
import { loadSchool } from '../outcomes/values.ts';
import { dashboardInitiatives } from './assemble.ts';
import type { DashboardScope } from './statements.ts';

const TREND_MONTHS = 12;
const DOSAGE_WEEKS = 12;

/** The first day of the month `months` before `today`'s month (YYYY-MM-DD). */
function monthsBack(today: string, months: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

async function scopeOf(ctx: Ctx, orgUnitId?: string): Promise<DashboardScope> {
  const districtId = ctx.actor.districtId;
  const { today } = await districtToday(ctx.db, districtId);
  const { minCount } = await loadOutcomeSettings(ctx.db, districtId);
  return { districtId, today, since: monthsBack(today, TREND_MONTHS - 1), dosageWeeks: DOSAGE_WEEKS, minCount, orgUnitId };
}

/** GET /api/dashboards/district: HR, admins and district implementation teams; every initiative, every school together. */
export async function districtDashboard(ctx: Ctx): Promise<DistrictDashboard> {
  if (!canReadDistrictDashboard(ctx.actor, await dashboardReach(ctx)))
    throw forbidden('Only HR, admins and district implementation teams read the district dashboard');
  const scope = await scopeOf(ctx);
  return { today: scope.today, minCount: scope.minCount, initiatives: await dashboardInitiatives(ctx.db, scope) };
}

/**
 * GET /api/dashboards/schools/:orgUnitId: one school's figures for the initiatives covering it, read
 * by whoever reads the district dashboard, the school's leaders and its implementation team. It
 * holds that school only: never a ranking or another school's figure.
 */
export async function schoolDashboard(ctx: Ctx, orgUnitId: string): Promise<SchoolDashboard> {
  const school = await loadSchool(ctx, orgUnitId);
  if (!canReadSchoolDashboard(ctx.actor, school.id, await dashboardReach(ctx)))
    throw forbidden('Only this school’s leaders, its implementation team, HR and admins read its dashboard');
  const scope = await scopeOf(ctx, school.id);
  return { today: scope.today, minCount: scope.minCount, school, initiatives: await dashboardInitiatives(ctx.db, scope) };
}

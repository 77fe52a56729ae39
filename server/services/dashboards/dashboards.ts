import { and, asc, eq } from 'drizzle-orm';
import type { DashboardInitiative, DistrictDashboard, SchoolDashboard } from '../../../common/schemas/dashboards.ts';
import { initiatives } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canReadDistrictDashboard, canReadSchoolDashboard } from '../../policies/outcomes.ts';
import { districtToday } from '../coaching/refs.ts';
import { dashboardReach, loadOutcomeSettings } from '../outcomes/access.ts';
import { loadSchool } from '../outcomes/values.ts';
import { implementationFigures, outcomeSeries, type ImplementationFigures } from './assemble.ts';
import { refreshInitiativeSummary, scheduleDashboardRefresh, STALE_AFTER_MS, storedSummaries } from './summary.ts';
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

/**
 * GET /api/dashboards/district: HR, admins and district implementation teams; every initiative
 * side by side. Stage, drivers, training, coaching and fidelity come from the stored summaries
 * (summary.ts: stale ones refresh in the background, the response says "as of"); outcomes are read
 * live from the imported aggregates.
 */
export async function districtDashboard(ctx: Ctx): Promise<DistrictDashboard> {
  if (!canReadDistrictDashboard(ctx.actor, await dashboardReach(ctx)))
    throw forbidden('Only HR, admins and district implementation teams read the district dashboard');
  const scope = await scopeOf(ctx);
  const list = await ctx.db
    .select({ id: initiatives.id, name: initiatives.name, status: initiatives.status })
    .from(initiatives)
    .where(and(eq(initiatives.districtId, scope.districtId)))
    .orderBy(asc(initiatives.name), asc(initiatives.id));
  const [stored, outcomes] = await Promise.all([
    storedSummaries(
      ctx.db,
      scope.districtId,
      list.map((i) => i.id),
    ),
    outcomeSeries(ctx.db, scope),
  ]);
  const now = Date.now();
  const stale: string[] = [];
  const rows: DashboardInitiative[] = [];
  for (const i of list) {
    const s = stored.get(i.id);
    let figures: ImplementationFigures | null = s?.figures ?? null;
    let asOf = s?.refreshedAt.toISOString() ?? null;
    if (!s) {
      // Never computed (a new initiative): once, for this response.
      figures = await refreshInitiativeSummary(ctx.db, scope, i.id);
      asOf = new Date().toISOString();
    } else if (now - s.refreshedAt.getTime() > STALE_AFTER_MS) stale.push(i.id);
    if (!figures) continue;
    rows.push({ ...figures, id: i.id, name: i.name, status: i.status, asOf, outcomes: outcomes.get(i.id) ?? [] });
  }
  const refreshing = stale.length
    ? scheduleDashboardRefresh(ctx.db, scope, stale, (err) => ctx.log.warn({ err }, 'dashboard summary refresh failed'))
    : 0;
  return { today: scope.today, minCount: scope.minCount, refreshing, initiatives: rows };
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
  const [figures, outcomes] = await Promise.all([implementationFigures(ctx.db, scope), outcomeSeries(ctx.db, scope)]);
  return {
    today: scope.today,
    minCount: scope.minCount,
    school,
    initiatives: figures.map((f) => ({ ...f, outcomes: outcomes.get(f.id) ?? [] })),
  };
}

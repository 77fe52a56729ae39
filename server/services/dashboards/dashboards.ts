import type { DashboardInitiative, DistrictDashboard, SchoolDashboard } from '../../../common/schemas/dashboards.ts';
import { and, eq, inArray } from 'drizzle-orm';
import { initiatives } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { isGuest } from '../../policies/implementation.ts';
import { canReadDistrictDashboard, canReadSchoolDashboard, type DashboardReach } from '../../policies/outcomes.ts';
import { dashboardReach } from '../outcomes/access.ts';
import { loadSchool } from '../outcomes/values.ts';
import { implementationFigures, outcomeSeries } from './assemble.ts';
import { dashboardScope } from './scope.ts';
import { fidelityWithholding } from '../fidelity/suppress.ts';
import { refreshInitiativeSummary, scheduleDashboardRefresh, STALE_AFTER_MS, storedSummaries } from './summary.ts';

type Figures = Omit<DashboardInitiative, 'outcomes'>;
const NO_TEAMS: DashboardReach = { districtTeam: false, schoolTeamIds: [] };

/** Each initiative's switch: may principals read their teachers' individual fidelity? */
async function individualFidelitySwitches(ctx: Ctx, ids: string[]): Promise<Map<string, boolean>> {
  if (ids.length === 0) return new Map();
  const flags = await ctx.db
    .select({ id: initiatives.id, principalsSeeIndividualFidelity: initiatives.principalsSeeIndividualFidelity })
    .from(initiatives)
    .where(and(eq(initiatives.districtId, ctx.actor.districtId), inArray(initiatives.id, ids)));
  return new Map(flags.map((f) => [f.id, f.principalsSeeIndividualFidelity]));
}

/**
 * The reader's view of fidelity figures: one over fewer than FIDELITY_MIN_GROUP people or checks is
 * withheld from who may not read individuals there (services/fidelity/suppress.ts), as on the
 * initiative's own pages. Stored summaries hold every figure; this runs on each response.
 */
function withholdSmallFidelity<T extends Figures>(ctx: Ctx, rows: T[], switchOn: Map<string, boolean>, orgUnitId?: string): T[] {
  return rows.map((row) => {
    const withheld = fidelityWithholding(ctx.actor, {
      districtId: ctx.actor.districtId,
      principalsSeeIndividualFidelity: switchOn.get(row.id) ?? false,
    });
    const people = withheld(row.fidelity.people, orgUnitId);
    return {
      ...row,
      fidelity: {
        ...row.fidelity,
        atFidelity: people ? 0 : row.fidelity.atFidelity,
        suppressed: people,
        components: row.fidelity.components.map((c) => ({
          ...c,
          points: c.points.map((p) => {
            const suppressed = withheld(p.checks, orgUnitId);
            return { ...p, averagePct: suppressed ? null : p.averagePct, suppressed };
          }),
        })),
      },
    };
  });
}

/**
 * GET /api/dashboards/district: HR, admins and district implementation teams; every initiative
 * side by side, read from the stored summaries (summary.ts; the response says "as of"). A summary a
 * write marked stale is computed afresh for this response (freshness.ts), an old one refreshes in
 * the background; outcomes are rewritten on every import and change of minimum count.
 */
export async function districtDashboard(ctx: Ctx): Promise<DistrictDashboard> {
  // HR and admins pass without their team memberships being loaded.
  const allowed = isHrOrAdmin(ctx.actor) || canReadDistrictDashboard(ctx.actor, await dashboardReach(ctx));
  if (isGuest(ctx.actor) || !allowed) throw forbidden('Only HR, admins and district implementation teams read the district dashboard');
  const scope = await dashboardScope(ctx.db, ctx.actor.districtId);
  const list = await storedSummaries(ctx.db, scope.districtId);
  const now = Date.now();
  const stale: string[] = [];
  const rows: DashboardInitiative[] = [];
  for (const i of list) {
    let figures = i.figures;
    let asOf = i.refreshedAt?.toISOString() ?? null;
    if (!figures || i.stale || figures.minCount !== scope.minCount) {
      // Never computed (a new initiative), changed since, or suppressed under another minimum: for this response.
      const fresh = await refreshInitiativeSummary(ctx.db, scope, i.id);
      figures = fresh?.figures ?? null;
      asOf = fresh?.refreshedAt.toISOString() ?? null;
    } else if (i.refreshedAt && now - i.refreshedAt.getTime() > STALE_AFTER_MS) stale.push(i.id);
    if (!figures) continue;
    const { minCount: _stored, ...shown } = figures;
    rows.push({ ...shown, id: i.id, name: i.name, status: i.status, asOf });
  }
  const refreshing = stale.length
    ? scheduleDashboardRefresh(ctx.db, scope, stale, (err) => ctx.log.warn({ err }, 'dashboard summary refresh failed'))
    : 0;
  const switches = new Map(list.map((i) => [i.id, i.principalsSeeIndividualFidelity]));
  return { today: scope.today, minCount: scope.minCount, refreshing, initiatives: withholdSmallFidelity(ctx, rows, switches) };
}

/**
 * GET /api/dashboards/schools/:orgUnitId: one school's figures for the initiatives covering it, read
 * by whoever reads the district dashboard, the school's leaders and its implementation team. It
 * holds that school only: never a ranking or another school's figure.
 */
export async function schoolDashboard(ctx: Ctx, orgUnitId: string): Promise<SchoolDashboard> {
  const school = await loadSchool(ctx, orgUnitId);
  // HR, admins and the school's leaders pass without their team memberships being loaded.
  const allowed =
    canReadSchoolDashboard(ctx.actor, school.id, NO_TEAMS) || canReadSchoolDashboard(ctx.actor, school.id, await dashboardReach(ctx));
  if (!allowed) throw forbidden('Only this school’s leaders, its implementation team, HR and admins read its dashboard');
  const scope = await dashboardScope(ctx.db, ctx.actor.districtId, school.id);
  const [figures, outcomes] = await Promise.all([implementationFigures(ctx.db, scope), outcomeSeries(ctx.db, scope)]);
  return {
    today: scope.today,
    minCount: scope.minCount,
    school,
    initiatives: withholdSmallFidelity(
      ctx,
      figures,
      await individualFidelitySwitches(
        ctx,
        figures.map((f) => f.id),
      ),
      school.id,
    ).map((f) => ({
      ...f,
      outcomes: outcomes.get(f.id) ?? [],
    })),
  };
}

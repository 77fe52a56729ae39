import { eq } from 'drizzle-orm';
import { DEFAULT_MIN_COUNT, FLOOR_MIN_COUNT } from '../../../common/outcomes.ts';
import type { OutcomeSettings } from '../../../common/schemas/outcomes.ts';
import type { Executor } from '../../db/client.ts';
import { outcomeSettings } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { canManageOutcomes, type DashboardReach } from '../../policies/outcomes.ts';
import { isGuest } from '../../policies/implementation.ts';
import { currentTeamMemberships } from '../implementation/teams/memberships.ts';

/** The district's outcome rules; the defaults (10, no per-teacher values) until it saves its own. */
export async function loadOutcomeSettings(db: Executor, districtId: string): Promise<OutcomeSettings> {
  const [row] = await db.select().from(outcomeSettings).where(eq(outcomeSettings.districtId, districtId));
  if (!row) return { minCount: DEFAULT_MIN_COUNT, perTeacherAllowed: false, version: 1 };
  return { minCount: Math.max(row.minCount, FLOOR_MIN_COUNT), perTeacherAllowed: row.perTeacherAllowed, version: row.version };
}

/** 404 for a guest, 403 unless HR or an admin. */
export function requireManageOutcomes(ctx: Ctx) {
  if (isGuest(ctx.actor)) throw notFound('Outcomes');
  if (!canManageOutcomes(ctx.actor)) throw forbidden('Only HR and admins manage outcome data');
}

/** The caller's current memberships of active district teams and of school teams (any initiative). */
export async function dashboardReach(ctx: Ctx, db: Executor = ctx.db): Promise<DashboardReach> {
  const rows = await currentTeamMemberships(ctx, db);
  return {
    districtTeam: rows.some((r) => r.kind === 'district'),
    schoolTeamIds: [...new Set(rows.filter((r) => r.kind === 'school').map((r) => r.orgUnitId))],
  };
}

import { sql } from 'drizzle-orm';
import type { OutcomeSettings, OutcomeSettingsInput } from '../../../common/schemas/outcomes.ts';
import { outcomeSettings } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { dashboardScope } from '../dashboards/scope.ts';
import { refreshDistrictOutcomes } from '../dashboards/summary.ts';
import { loadOutcomeSettings, requireManageOutcomes } from './access.ts';

/** GET /api/outcomes/settings (HR and admins). */
export async function getOutcomeSettings(ctx: Ctx): Promise<OutcomeSettings> {
  requireManageOutcomes(ctx);
  return loadOutcomeSettings(ctx.db, ctx.actor.districtId);
}

/**
 * PUT /api/outcomes/settings: the minimum count (never below 5) and whether per-teacher values are
 * kept. Turning per-teacher values off does not delete those already kept; they stay unread. Audited.
 */
export async function saveOutcomeSettings(ctx: Ctx, input: OutcomeSettingsInput): Promise<OutcomeSettings> {
  requireManageOutcomes(ctx);
  const districtId = ctx.actor.districtId;
  return ctx.db.transaction(async (tx) => {
    const before = await loadOutcomeSettings(tx, districtId);
    if (before.version !== input.version) throw conflict(before);
    const values = { minCount: input.minCount, perTeacherAllowed: input.perTeacherAllowed };
    await tx
      .insert(outcomeSettings)
      .values({ districtId, ...values, version: before.version + 1 })
      .onConflictDoUpdate({
        target: outcomeSettings.districtId,
        set: { ...values, version: sql`${outcomeSettings.version} + 1`, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx, {
      action: 'outcome_settings.update',
      entityType: 'outcome_settings',
      entityId: districtId,
      before,
      after: values,
    });
    // The dashboards' stored outcomes follow the new minimum at once.
    await refreshDistrictOutcomes(tx, await dashboardScope(tx, districtId));
    return loadOutcomeSettings(tx, districtId);
  });
}

import { and, eq, sql } from 'drizzle-orm';
import type { AssessmentSettingsInput, AssessmentSettingsView } from '../../../common/schemas/assessments.ts';
import { assessmentSettings } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { canEditAssessmentSettings, canReadAssessments } from '../../policies/assessments.ts';
import { recordAudit } from '../audit.ts';

/** The district's assessment settings; the defaults until HR or an admin saves them. */
export async function readSettings(ctx: Ctx) {
  const [row] = await ctx.db.select().from(assessmentSettings).where(eq(assessmentSettings.districtId, ctx.actor.districtId));
  return row ?? { schoolLeadersCompareSchools: false, version: 1 };
}

/** GET /api/assessments/settings */
export async function settingsView(ctx: Ctx): Promise<AssessmentSettingsView> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Settings');
  const s = await readSettings(ctx);
  return {
    schoolLeadersCompareSchools: s.schoolLeadersCompareSchools,
    version: s.version,
    abilities: { edit: canEditAssessmentSettings(ctx.actor) },
  };
}

/** PUT /api/assessments/settings: whether school leaders may compare schools. */
export async function saveSettings(ctx: Ctx, input: AssessmentSettingsInput): Promise<AssessmentSettingsView> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Settings');
  if (!canEditAssessmentSettings(ctx.actor)) throw forbidden();
  const current = await readSettings(ctx);
  if (current.version !== input.version) throw conflict(await settingsView(ctx));
  const districtId = ctx.actor.districtId;
  const written = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assessmentSettings)
      .values({ districtId, schoolLeadersCompareSchools: input.schoolLeadersCompareSchools, version: 2 })
      .onConflictDoUpdate({
        target: assessmentSettings.districtId,
        set: {
          schoolLeadersCompareSchools: input.schoolLeadersCompareSchools,
          version: sql`${assessmentSettings.version} + 1`,
          updatedAt: new Date(),
        },
        setWhere: and(eq(assessmentSettings.districtId, districtId), eq(assessmentSettings.version, input.version)),
      })
      .returning({ version: assessmentSettings.version });
    if (!row) return false;
    await recordAudit(tx, ctx, {
      action: 'assessment_settings.update',
      entityType: 'assessment_settings',
      entityId: districtId,
      before: { schoolLeadersCompareSchools: current.schoolLeadersCompareSchools },
      after: { schoolLeadersCompareSchools: input.schoolLeadersCompareSchools },
    });
    return true;
  });
  if (!written) throw conflict(await settingsView(ctx));
  return settingsView(ctx);
}

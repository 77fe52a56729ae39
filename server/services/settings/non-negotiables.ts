import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { NonNegotiables, UpdateNonNegotiablesInput } from '../../../common/schemas/settings.ts';
import type { Executor } from '../../db/client.ts';
import { districtSettings, frameworkVersions, frameworks } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden } from '../../lib/errors.ts';
import { canManageObservationSettings } from '../../policies/observations.ts';
import { recordAudit } from '../audit.ts';
import { observationFrameworkId, publishedObservationVersionId } from '../observations/role-rubric.ts';

/** Active frameworks of the district with a published version (newest published version each). */
async function frameworkChoices(db: Executor, districtId: string) {
  const rows = await db
    .select({ id: frameworks.id, title: frameworks.title, versionId: frameworkVersions.id })
    .from(frameworks)
    .innerJoin(frameworkVersions, eq(frameworkVersions.frameworkId, frameworks.id))
    .where(and(eq(frameworks.districtId, districtId), eq(frameworks.active, true), eq(frameworkVersions.status, 'published')))
    .orderBy(asc(frameworks.createdAt), asc(frameworks.id), desc(frameworkVersions.versionNumber));
  const seen = new Set<string>();
  const out: { id: string; title: string; publishedVersionId: string }[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({ id: r.id, title: r.title, publishedVersionId: r.versionId });
  }
  return out;
}

/** The settings row, created with the defaults on first read. */
export async function settingsRow(db: Executor, districtId: string) {
  const [row] = await db.select().from(districtSettings).where(eq(districtSettings.districtId, districtId));
  if (row) return row;
  await db.insert(districtSettings).values({ districtId }).onConflictDoNothing();
  const [created] = await db.select().from(districtSettings).where(eq(districtSettings.districtId, districtId));
  return created!;
}

/** The district's non-negotiables (everyone in the district reads them). */
export async function nonNegotiablesView(ctx: Ctx, db: Executor = ctx.db): Promise<NonNegotiables> {
  const districtId = ctx.actor.districtId;
  const row = await settingsRow(db, districtId);
  return {
    scoredObservationsPerTerm: row.scoredObservationsPerTerm,
    feedbackWithinSchoolDays: row.feedbackWithinSchoolDays,
    observationFrameworkId: row.observationFrameworkId,
    effectiveFrameworkId: await observationFrameworkId(db, districtId),
    effectiveVersionId: await publishedObservationVersionId(db, districtId),
    frameworks: await frameworkChoices(db, districtId),
    walkthroughEvidence: row.walkthroughEvidence,
    version: row.version,
    abilities: { update: canManageObservationSettings(ctx.actor) },
  };
}

/** HR and admins change the non-negotiables; the framework must be the district's, with a published version. */
export async function updateNonNegotiables(ctx: Ctx, input: z.infer<typeof UpdateNonNegotiablesInput>): Promise<NonNegotiables> {
  if (!canManageObservationSettings(ctx.actor)) throw forbidden();
  const districtId = ctx.actor.districtId;
  if (input.observationFrameworkId) {
    const choices = await frameworkChoices(ctx.db, districtId);
    if (!choices.some((c) => c.id === input.observationFrameworkId)) {
      const message = 'Choose an active framework of the district that has a published version';
      throw new AppError('validation_failed', message, [{ path: 'observationFrameworkId', message }]);
    }
  }
  const before = await settingsRow(ctx.db, districtId);
  const { version, ...fields } = input;
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(districtSettings)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(districtSettings.districtId, districtId), eq(districtSettings.version, version)))
      .returning();
    if (!row) return null;
    await recordAudit(tx, ctx, {
      action: 'settings.non_negotiables.update',
      entityType: 'district_settings',
      entityId: districtId,
      before,
      after: row,
    });
    return row;
  });
  if (!updated) throw conflict(await nonNegotiablesView(ctx));
  return nonNegotiablesView(ctx);
}

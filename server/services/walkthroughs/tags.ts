import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { LookForTags, LookForTagsInput } from '../../../common/schemas/walkthroughs.ts';
import { observationTypes } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { canManageObservationSettings } from '../../policies/observations.ts';
import { recordAudit } from '../audit.ts';
import { competencyLabels, taggableCompetencies } from './competencies.ts';

type TypeRow = typeof observationTypes.$inferSelect;

async function present(ctx: Ctx, rows: TypeRow[]): Promise<LookForTags[]> {
  const labels = await competencyLabels(
    ctx.db,
    ctx.actor.districtId,
    rows.flatMap((r) => Object.values(r.lookForItems)),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    version: r.version,
    tags: r.lookFors.map((lookFor) => {
      const itemId = r.lookForItems[lookFor];
      return { lookFor, competency: itemId ? (labels.get(itemId) ?? null) : null };
    }),
  }));
}

/** GET /api/walkthroughs/look-for-tags: the active walkthrough types, each look-for with its competency. */
export async function listLookForTags(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(observationTypes)
    .where(
      and(
        eq(observationTypes.districtId, ctx.actor.districtId),
        eq(observationTypes.kind, 'walkthrough'),
        eq(observationTypes.active, true),
      ),
    )
    .orderBy(asc(observationTypes.name), asc(observationTypes.id));
  return {
    items: await present(ctx, rows),
    competencies: await taggableCompetencies(ctx.db, ctx.actor.districtId),
    abilities: { update: canManageObservationSettings(ctx.actor) },
  };
}

const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

/**
 * PUT /api/walkthroughs/types/:id/look-for-tags (HR and admins): tags each look-for of a walkthrough
 * type to an item of the district's published observation framework (or none). An item of another
 * district or of another framework: 404, nothing changes. Stale version: 409 with the current tags.
 */
export async function setLookForTags(ctx: Ctx, id: string, input: z.infer<typeof LookForTagsInput>): Promise<LookForTags> {
  const [current] = await ctx.db
    .select()
    .from(observationTypes)
    .where(and(eq(observationTypes.id, id), eq(observationTypes.districtId, ctx.actor.districtId)));
  if (!current) throw notFound('Observation type');
  if (!canManageObservationSettings(ctx.actor)) throw forbidden();
  if (current.kind !== 'walkthrough') throw invalid('tags', 'Only walkthrough look-fors are tagged to competencies');
  if (current.version !== input.version) throw conflict((await present(ctx, [current]))[0]);
  const allowed = new Set((await taggableCompetencies(ctx.db, ctx.actor.districtId)).map((c) => c.id));
  const next: Record<string, string> = { ...current.lookForItems };
  input.tags.forEach((tag, i) => {
    if (!current.lookFors.includes(tag.lookFor)) throw invalid(`tags.${i}.lookFor`, 'This look-for is not one of the type’s look-fors');
    if (tag.itemId && !allowed.has(tag.itemId)) throw notFound('Competency');
    if (tag.itemId) next[tag.lookFor] = tag.itemId;
    else delete next[tag.lookFor];
  });
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(observationTypes)
      .set({ lookForItems: next, version: input.version + 1, updatedAt: new Date() })
      .where(
        and(
          eq(observationTypes.id, id),
          eq(observationTypes.districtId, ctx.actor.districtId),
          eq(observationTypes.version, input.version),
        ),
      )
      .returning();
    if (!updated) return null;
    await recordAudit(tx, ctx, {
      action: 'observation_type.tag_look_fors',
      entityType: 'observation_type',
      entityId: id,
      before: current,
      after: updated,
    });
    return updated;
  });
  if (!row) {
    const [fresh] = await ctx.db
      .select()
      .from(observationTypes)
      .where(and(eq(observationTypes.id, id), eq(observationTypes.districtId, ctx.actor.districtId)));
    throw conflict((await present(ctx, [fresh!]))[0]);
  }
  return (await present(ctx, [row]))[0]!;
}

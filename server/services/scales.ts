import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_SCALE_LEVELS } from '../../common/competency.ts';
import type { CreateScaleInput, ScaleLevelInput, UpdateScaleInput } from '../../common/schemas/scales.ts';
import type { Executor } from '../db/client.ts';
import { evidence, frameworkVersions, rubricDescriptors, rubrics, scaleLevels, scales } from '../db/schema/index.ts';
import type { Ctx } from '../lib/context.ts';
import { AppError, conflict, forbidden, invalidState, notFound } from '../lib/errors.ts';
import { canEditFrameworks } from '../policies/frameworks.ts';
import { presentScale } from '../presenters/scales.ts';
import { recordAudit } from './audit.ts';

const DEFAULT_LABELS: Record<(typeof DEFAULT_SCALE_LEVELS)[number]['code'], string> = {
  exemplifying: 'Exemplifying',
  demonstrating: 'Demonstrating',
  developing: 'Developing',
  needs_improvement: 'Needs improvement',
};

/**
 * The district's default scale, creating the four-level one (Exemplifying, Demonstrating,
 * Developing, Needs improvement; scores 4..1; top two proficient) when the district has none.
 */
export async function ensureDefaultScale(tx: Executor, districtId: string) {
  const [existing] = await tx
    .select()
    .from(scales)
    .where(and(eq(scales.districtId, districtId), eq(scales.isDefault, true)));
  if (existing) return existing;
  const [created] = await tx
    .insert(scales)
    .values({ districtId, name: 'Four-level performance scale', isDefault: true })
    .onConflictDoNothing()
    .returning();
  if (!created) {
    const [row] = await tx
      .select()
      .from(scales)
      .where(and(eq(scales.districtId, districtId), eq(scales.isDefault, true)));
    return row!;
  }
  await tx.insert(scaleLevels).values(
    DEFAULT_SCALE_LEVELS.map((l, position) => ({
      districtId,
      scaleId: created.id,
      position,
      label: DEFAULT_LABELS[l.code],
      levelScore: l.levelScore,
      proficient: l.proficient,
    })),
  );
  return created;
}

/** Used by a published or retired version (or one of its rubrics): its levels can no longer change. */
const inUseSql = sql<boolean>`(exists (select 1 from ${frameworkVersions} fv where fv.scale_id = scales.id and fv.status <> 'draft')
  or exists (select 1 from ${rubrics} r join ${frameworkVersions} rv on rv.id = r.version_id
    where r.scale_id = scales.id and rv.status <> 'draft'))`.mapWith(Boolean);

async function loadScales(db: Executor, districtId: string, id?: string) {
  const where = id ? and(eq(scales.districtId, districtId), eq(scales.id, id)) : eq(scales.districtId, districtId);
  const rows = await db
    .select({ scale: scales, inUse: inUseSql })
    .from(scales)
    .where(where)
    .orderBy(desc(scales.isDefault), desc(scales.active), asc(scales.name), asc(scales.id));
  const ids = rows.map((r) => r.scale.id);
  const levels = ids.length
    ? await db.select().from(scaleLevels).where(inArray(scaleLevels.scaleId, ids)).orderBy(asc(scaleLevels.position))
    : [];
  return { rows, levels };
}

export async function getScale(ctx: Ctx, id: string, db: Executor = ctx.db) {
  const { rows, levels } = await loadScales(db, ctx.actor.districtId, id);
  const row = rows[0];
  if (!row) throw notFound('Scale');
  return { ...row, levels, present: () => presentScale(ctx.actor, row.scale, levels, row.inUse) };
}

export async function listScales(ctx: Ctx) {
  await ctx.db.transaction((tx) => ensureDefaultScale(tx, ctx.actor.districtId));
  const { rows, levels } = await loadScales(ctx.db, ctx.actor.districtId);
  return { items: rows.map((r) => presentScale(ctx.actor, r.scale, levels, r.inUse)) };
}

/** A scale of the caller's district that frameworks may use (404 otherwise). */
export async function checkScale(ctx: Ctx, scaleId: string, db: Executor = ctx.db) {
  const [row] = await db
    .select({ id: scales.id, active: scales.active })
    .from(scales)
    .where(and(eq(scales.id, scaleId), eq(scales.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Scale');
  if (!row.active) throw invalidState('This scale is inactive', { reason: 'scale_inactive' });
}

export async function createScale(ctx: Ctx, input: z.infer<typeof CreateScaleInput>) {
  if (!canEditFrameworks(ctx.actor)) throw forbidden();
  const id = await ctx.db.transaction(async (tx) => {
    await ensureDefaultScale(tx, ctx.actor.districtId);
    const [scale] = await tx
      .insert(scales)
      .values({ districtId: ctx.actor.districtId, name: input.name, description: input.description ?? null })
      .returning();
    const levels = await tx
      .insert(scaleLevels)
      .values(input.levels.map((l, position) => levelValues(ctx.actor.districtId, scale!.id, position, l)))
      .returning();
    await recordAudit(tx, ctx, { action: 'scale.create', entityType: 'scale', entityId: scale!.id, after: { ...scale, levels } });
    return scale!.id;
  });
  return (await getScale(ctx, id)).present();
}

function levelValues(districtId: string, scaleId: string, position: number, l: ScaleLevelInput) {
  return {
    districtId,
    scaleId,
    position,
    label: l.label,
    levelScore: l.levelScore,
    description: l.description ?? null,
    proficient: l.proficient,
  };
}

function sameLevels(
  current: { id: string; label: string; levelScore: number; description: string | null; proficient: boolean }[],
  next: ScaleLevelInput[],
) {
  return (
    current.length === next.length &&
    current.every((c, i) => {
      const n = next[i]!;
      return (
        (n.id === undefined || n.id === c.id) &&
        n.label === c.label &&
        n.levelScore === c.levelScore &&
        (n.description ?? null) === c.description &&
        n.proficient === c.proficient
      );
    })
  );
}

export async function updateScale(ctx: Ctx, id: string, input: z.infer<typeof UpdateScaleInput>) {
  const current = await getScale(ctx, id);
  if (!canEditFrameworks(ctx.actor)) throw forbidden();
  if (current.scale.version !== input.version) throw conflict(current.present());
  const levelsChange = input.levels && !sameLevels(current.levels, input.levels);
  if (levelsChange && current.inUse) {
    throw invalidState('A published framework uses this scale: its levels cannot change; create a new scale instead', {
      reason: 'in_use',
    });
  }
  if (input.active === false && current.scale.isDefault) {
    throw invalidState('The default scale cannot be deactivated; make another scale the default first', { reason: 'default' });
  }
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(scales)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        version: input.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(scales.id, id), eq(scales.districtId, ctx.actor.districtId), eq(scales.version, input.version)))
      .returning();
    if (!updated) throw conflict((await getScale(ctx, id, tx)).present());
    if (levelsChange) await replaceLevels(tx, ctx.actor.districtId, id, current.levels, input.levels!);
    const after = levelsChange ? { ...updated, levels: input.levels } : updated;
    await recordAudit(tx, ctx, {
      action: 'scale.update',
      entityType: 'scale',
      entityId: id,
      before: { ...current.scale, levels: current.levels },
      after,
    });
  });
  return (await getScale(ctx, id)).present();
}

/** Replaces a scale's levels; levels given with an id keep their row (and whatever points at it). */
async function replaceLevels(
  tx: Executor,
  districtId: string,
  scaleId: string,
  current: (typeof scaleLevels.$inferSelect)[],
  next: ScaleLevelInput[],
) {
  const currentIds = new Set(current.map((l) => l.id));
  const unknown = next.findIndex((l) => l.id && !currentIds.has(l.id));
  if (unknown >= 0) {
    throw new AppError('validation_failed', 'Unknown level', [{ path: `levels.${unknown}.id`, message: 'Not a level of this scale' }]);
  }
  const keep = new Set(next.flatMap((l) => (l.id ? [l.id] : [])));
  const removed = current.filter((l) => !keep.has(l.id)).map((l) => l.id);
  if (removed.length) {
    const [used] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(rubricDescriptors)
      .where(inArray(rubricDescriptors.scaleLevelId, removed));
    const [scored] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(evidence)
      .where(inArray(evidence.scaleLevelId, removed));
    if ((used?.n ?? 0) > 0 || (scored?.n ?? 0) > 0) {
      throw invalidState('Rubric descriptors or evidence use a level you removed; keep it (send its id) instead', {
        reason: 'level_in_use',
      });
    }
    await tx.delete(scaleLevels).where(inArray(scaleLevels.id, removed));
  }
  // Move the kept levels out of the way of the (scale, position) unique index, then renumber.
  await tx
    .update(scaleLevels)
    .set({ position: sql`${scaleLevels.position} + 10000` })
    .where(eq(scaleLevels.scaleId, scaleId));
  for (const [position, level] of next.entries()) {
    const values = levelValues(districtId, scaleId, position, level);
    if (level.id)
      await tx
        .update(scaleLevels)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(scaleLevels.id, level.id));
    else await tx.insert(scaleLevels).values(values);
  }
}

export async function makeDefaultScale(ctx: Ctx, id: string, version: number) {
  const current = await getScale(ctx, id);
  if (!canEditFrameworks(ctx.actor)) throw forbidden();
  if (current.scale.version !== version) throw conflict(current.present());
  if (!current.scale.active) throw invalidState('An inactive scale cannot be the default', { reason: 'scale_inactive' });
  if (!current.scale.isDefault) {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(scales)
        .set({ isDefault: false, version: sql`${scales.version} + 1`, updatedAt: new Date() })
        .where(and(eq(scales.districtId, ctx.actor.districtId), eq(scales.isDefault, true)));
      const [updated] = await tx
        .update(scales)
        .set({ isDefault: true, version: version + 1, updatedAt: new Date() })
        .where(and(eq(scales.id, id), eq(scales.version, version)))
        .returning();
      if (!updated) throw conflict((await getScale(ctx, id, tx)).present());
      await recordAudit(tx, ctx, {
        action: 'scale.make_default',
        entityType: 'scale',
        entityId: id,
        before: current.scale,
        after: updated,
      });
    });
  }
  return (await getScale(ctx, id)).present();
}

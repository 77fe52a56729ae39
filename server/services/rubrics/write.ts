import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AddCriteriaInput,
  CreateRubricInput,
  ReorderCriteriaInput,
  RubricDescriptor,
  RubricSummary,
  UpdateDescriptorInput,
} from '../../../common/schemas/rubrics.ts';
import type { Executor, Tx } from '../../db/client.ts';
import {
  careerPathways,
  frameworkItems,
  pathwaySteps,
  rubricCriteria,
  rubricDescriptors,
  rubrics,
  scaleLevels,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, invalidState, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { loadDraftForEdit, loadVersion } from '../frameworks/access.ts';
import { loadStepRow } from '../pathways/load.ts';
import { checkScale, ensureDefaultScale } from '../scales.ts';
import { loadGrid } from './grid.ts';
import { qualified } from '../../db/qualified.ts';

const invalid = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('validation_failed', message, [{ path, message, ...extra }]);

/** A version's rubrics (the version must be readable). */
export async function listVersionRubrics(ctx: Ctx, versionId: string): Promise<{ items: RubricSummary[] }> {
  await loadVersion(ctx, versionId);
  const criterionCount = sql<number>`(select count(*) from ${rubricCriteria} c where c.rubric_id = ${qualified(rubrics.id)})`.mapWith(
    Number,
  );
  const rows = await ctx.db
    .select({ rubric: rubrics, step: pathwaySteps, pathwayName: careerPathways.name, criterionCount })
    .from(rubrics)
    .leftJoin(pathwaySteps, eq(pathwaySteps.id, rubrics.stepId))
    .leftJoin(careerPathways, eq(careerPathways.id, pathwaySteps.pathwayId))
    .where(and(eq(rubrics.versionId, versionId), eq(rubrics.districtId, ctx.actor.districtId)))
    .orderBy(asc(careerPathways.name), asc(pathwaySteps.position), asc(rubrics.title));
  return {
    items: rows.map((r) => ({
      id: r.rubric.id,
      versionId: r.rubric.versionId,
      title: r.rubric.title,
      scaleId: r.rubric.scaleId,
      version: r.rubric.version,
      criterionCount: r.criterionCount,
      step: r.step
        ? {
            id: r.step.id,
            title: r.step.title,
            pathwayId: r.step.pathwayId,
            pathwayName: r.pathwayName!,
            responsibilityLevel: r.step.responsibilityLevel,
          }
        : null,
    })),
  };
}

/** Checks the items are live competencies of the version; returns them in the given order. */
async function checkItems(ctx: Ctx, versionId: string, itemIds: string[], db: Executor) {
  const unique = [...new Set(itemIds)];
  if (unique.length !== itemIds.length) throw invalid('itemIds', 'A competency is listed twice');
  if (unique.length === 0) return [];
  const rows = await db
    .select({ id: frameworkItems.id, retired: frameworkItems.retired })
    .from(frameworkItems)
    .where(
      and(eq(frameworkItems.versionId, versionId), eq(frameworkItems.districtId, ctx.actor.districtId), inArray(frameworkItems.id, unique)),
    );
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = unique.filter((id) => !found.get(id));
  if (missing.length > 0) throw invalid('itemIds', 'Some competencies are not items of this framework version', { itemIds: missing });
  const retired = unique.filter((id) => found.get(id)!.retired);
  if (retired.length > 0) throw invalid('itemIds', 'Retired competencies cannot be added to a rubric', { itemIds: retired });
  return unique;
}

/** Inserts one criterion per item (from `position` on) and one empty descriptor per level of the scale. */
async function insertCriteria(tx: Tx, districtId: string, rubricId: string, scaleId: string, itemIds: string[], position: number) {
  if (itemIds.length === 0) return [];
  const levels = await tx.select().from(scaleLevels).where(eq(scaleLevels.scaleId, scaleId)).orderBy(asc(scaleLevels.position));
  const criteria = await tx
    .insert(rubricCriteria)
    .values(itemIds.map((itemId, i) => ({ districtId, rubricId, itemId, caseIdentifier: randomUUID(), position: position + i })))
    .returning();
  if (levels.length > 0) {
    await tx.insert(rubricDescriptors).values(
      criteria.flatMap((c) =>
        levels.map((l) => ({
          districtId,
          criterionId: c.id,
          scaleLevelId: l.id,
          caseIdentifier: randomUUID(),
          position: l.position,
          quality: l.label,
          levelScore: l.levelScore,
          description: '',
        })),
      ),
    );
  }
  return criteria;
}

/** Creates the role rubric of a step in a draft version, one criterion per competency. */
export async function createRubric(ctx: Ctx, versionId: string, input: z.infer<typeof CreateRubricInput>) {
  const { version } = await loadDraftForEdit(ctx, versionId);
  const { step, pathway } = await loadStepRow(ctx, input.stepId);
  if (input.scaleId) await checkScale(ctx, input.scaleId);
  const itemIds = await checkItems(ctx, versionId, input.itemIds, ctx.db);
  const [existing] = await ctx.db
    .select({ id: rubrics.id })
    .from(rubrics)
    .where(and(eq(rubrics.versionId, versionId), eq(rubrics.stepId, step.id)));
  if (existing) throw invalidState('This step already has a rubric in this version', { reason: 'step_has_rubric', rubricId: existing.id });
  const id = await ctx.db.transaction(async (tx) => {
    const scaleId = input.scaleId ?? version.scaleId ?? (await ensureDefaultScale(tx, ctx.actor.districtId)).id;
    const rubricId = randomUUID();
    const [row] = await tx
      .insert(rubrics)
      .values({
        id: rubricId,
        districtId: ctx.actor.districtId,
        versionId,
        stepId: step.id,
        scaleId,
        caseIdentifier: rubricId,
        title: input.title ?? `${step.title} (${pathway.name})`,
      })
      .returning();
    const criteria = await insertCriteria(tx, ctx.actor.districtId, rubricId, scaleId, itemIds, 0);
    await recordAudit(tx, ctx, {
      action: 'rubric.create',
      entityType: 'rubric',
      entityId: rubricId,
      after: { ...row, itemIds: criteria.map((c) => c.itemId) },
    });
    return rubricId;
  });
  return loadGrid(ctx, id);
}

/** The rubric (of the caller's district) and its draft version, for a change: 404 / 403 / 409 invalid_state. */
async function loadRubricForEdit(ctx: Ctx, rubricId: string) {
  const [rubric] = await ctx.db
    .select()
    .from(rubrics)
    .where(and(eq(rubrics.id, rubricId), eq(rubrics.districtId, ctx.actor.districtId)));
  if (!rubric) throw notFound('Rubric');
  await loadDraftForEdit(ctx, rubric.versionId);
  return rubric;
}

/** Bumps the rubric's version (its structure changed); with `expected`, only if it is still that one. */
async function bumpRubric(ctx: Ctx, tx: Tx, rubricId: string, expected?: number) {
  const where = [eq(rubrics.id, rubricId)];
  if (expected !== undefined) where.push(eq(rubrics.version, expected));
  const [row] = await tx
    .update(rubrics)
    .set({ version: sql`${rubrics.version} + 1`, updatedAt: new Date() })
    .where(and(...where))
    .returning({ id: rubrics.id });
  if (!row) throw conflict(await loadGrid(ctx, rubricId, tx));
}

/** Adds competencies at the end of a draft rubric. */
export async function addCriteria(ctx: Ctx, rubricId: string, input: z.infer<typeof AddCriteriaInput>) {
  const rubric = await loadRubricForEdit(ctx, rubricId);
  const itemIds = await checkItems(ctx, rubric.versionId, input.itemIds, ctx.db);
  const present = await ctx.db
    .select({ itemId: rubricCriteria.itemId, position: rubricCriteria.position })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.rubricId, rubricId));
  const already = itemIds.filter((id) => present.some((p) => p.itemId === id));
  if (already.length > 0) throw invalid('itemIds', 'The rubric already holds these competencies', { itemIds: already });
  const next = present.reduce((max, p) => Math.max(max, p.position + 1), 0);
  await ctx.db.transaction(async (tx) => {
    const scaleId = rubric.scaleId ?? (await ensureDefaultScale(tx, ctx.actor.districtId)).id;
    if (!rubric.scaleId) await tx.update(rubrics).set({ scaleId }).where(eq(rubrics.id, rubricId));
    const criteria = await insertCriteria(tx, ctx.actor.districtId, rubricId, scaleId, itemIds, next);
    await bumpRubric(ctx, tx, rubricId);
    await recordAudit(
      tx,
      ctx,
      criteria.map((c) => ({ action: 'rubric_criterion.create', entityType: 'rubric_criterion', entityId: c.id, after: c })),
    );
  });
  return loadGrid(ctx, rubricId);
}

/** Removes a competency (and its descriptors) from a draft rubric. */
export async function removeCriterion(ctx: Ctx, criterionId: string) {
  const [criterion] = await ctx.db
    .select()
    .from(rubricCriteria)
    .where(and(eq(rubricCriteria.id, criterionId), eq(rubricCriteria.districtId, ctx.actor.districtId)));
  if (!criterion) throw notFound('Rubric criterion');
  await loadRubricForEdit(ctx, criterion.rubricId);
  await ctx.db.transaction(async (tx) => {
    const descriptors = await tx.delete(rubricDescriptors).where(eq(rubricDescriptors.criterionId, criterionId)).returning();
    await tx.delete(rubricCriteria).where(eq(rubricCriteria.id, criterionId));
    await tx
      .update(rubricCriteria)
      .set({ position: sql`${rubricCriteria.position} - 1` })
      .where(and(eq(rubricCriteria.rubricId, criterion.rubricId), sql`${rubricCriteria.position} > ${criterion.position}`));
    await bumpRubric(ctx, tx, criterion.rubricId);
    await recordAudit(tx, ctx, {
      action: 'rubric_criterion.delete',
      entityType: 'rubric_criterion',
      entityId: criterionId,
      before: { ...criterion, descriptors: descriptors.map((d) => ({ id: d.id, quality: d.quality, description: d.description })) },
    });
  });
  return loadGrid(ctx, criterion.rubricId);
}

/** Puts every criterion of a draft rubric in the given order (locked by the rubric's version). */
export async function reorderCriteria(ctx: Ctx, rubricId: string, input: z.infer<typeof ReorderCriteriaInput>) {
  const rubric = await loadRubricForEdit(ctx, rubricId);
  if (rubric.version !== input.version) throw conflict(await loadGrid(ctx, rubricId));
  const present = await ctx.db.select({ id: rubricCriteria.id }).from(rubricCriteria).where(eq(rubricCriteria.rubricId, rubricId));
  const known = new Set(present.map((p) => p.id));
  const ids = input.criterionIds;
  if (new Set(ids).size !== ids.length || ids.length !== known.size || !ids.every((id) => known.has(id))) {
    throw invalid('criterionIds', 'List every criterion of the rubric exactly once');
  }
  await ctx.db.transaction(async (tx) => {
    await bumpRubric(ctx, tx, rubricId, input.version);
    await tx
      .update(rubricCriteria)
      .set({
        position: sql`case ${rubricCriteria.id} ${sql.join(
          ids.map((id, i) => sql`when ${id}::uuid then ${i}::int`),
          sql` `,
        )} end`,
      })
      .where(eq(rubricCriteria.rubricId, rubricId));
    await recordAudit(tx, ctx, {
      action: 'rubric.reorder_criteria',
      entityType: 'rubric',
      entityId: rubricId,
      after: { criterionIds: ids },
    });
  });
  return loadGrid(ctx, rubricId);
}

function presentDescriptor(d: typeof rubricDescriptors.$inferSelect): RubricDescriptor {
  return {
    id: d.id,
    criterionId: d.criterionId,
    scaleLevelId: d.scaleLevelId,
    position: d.position,
    quality: d.quality,
    levelScore: d.levelScore,
    description: d.description,
    version: d.version,
  };
}

/**
 * Saves a descriptor's text (the grid's autosave). A published version answers 409 invalid_state;
 * a stale `version` (another editor saved first) answers 409 conflict with the current text.
 */
export async function updateDescriptor(ctx: Ctx, id: string, input: z.infer<typeof UpdateDescriptorInput>): Promise<RubricDescriptor> {
  const [row] = await ctx.db
    .select({ descriptor: rubricDescriptors, versionId: rubrics.versionId })
    .from(rubricDescriptors)
    .innerJoin(rubricCriteria, eq(rubricCriteria.id, rubricDescriptors.criterionId))
    .innerJoin(rubrics, eq(rubrics.id, rubricCriteria.rubricId))
    .where(and(eq(rubricDescriptors.id, id), eq(rubricDescriptors.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Rubric descriptor');
  await loadDraftForEdit(ctx, row.versionId);
  const current = row.descriptor;
  if (current.version !== input.version) throw conflict(presentDescriptor(current));
  if (current.description === input.description) return presentDescriptor(current);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(rubricDescriptors)
      .set({ description: input.description, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(rubricDescriptors.id, id), eq(rubricDescriptors.version, input.version)))
      .returning();
    if (!updated) {
      const [latest] = await tx.select().from(rubricDescriptors).where(eq(rubricDescriptors.id, id));
      throw conflict(presentDescriptor(latest!));
    }
    await recordAudit(tx, ctx, {
      action: 'rubric_descriptor.update',
      entityType: 'rubric_descriptor',
      entityId: id,
      before: { description: current.description, version: current.version },
      after: { description: updated.description, version: updated.version },
    });
    return presentDescriptor(updated);
  });
}

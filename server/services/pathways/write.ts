import { and, eq, gte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateEquivalenceInput,
  CreatePathwayInput,
  CreateStepInput,
  ReorderStepsInput,
  UpdateEquivalenceInput,
  UpdatePathwayInput,
  UpdateStepInput,
} from '../../../common/schemas/pathways.ts';
import type { Executor } from '../../db/client.ts';
import { careerPathways, pathwaySteps, stepEquivalences } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canEditFrameworks } from '../../policies/frameworks.ts';
import { recordAudit } from '../audit.ts';
import { loadPathwayRow, loadStepRow, pathwayView, stepView, type PathwayRow } from './load.ts';

function requireEditor(ctx: Ctx) {
  if (!canEditFrameworks(ctx.actor)) throw forbidden();
}

const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

/** Central-office pathways name their function; the others have none. */
function normaliseFunction(category: string, fn: string | null | undefined): string | null {
  if (category !== 'central_office') return null;
  if (!fn) throw invalid('function', 'A central-office pathway needs a function');
  return fn;
}

export async function createPathway(ctx: Ctx, input: z.infer<typeof CreatePathwayInput>) {
  requireEditor(ctx);
  const values = { ...input, function: normaliseFunction(input.category, input.function), districtId: ctx.actor.districtId };
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(careerPathways).values(values).returning();
    await recordAudit(tx, ctx, { action: 'pathway.create', entityType: 'career_pathway', entityId: row!.id, after: row });
    return row!.id;
  });
  return pathwayView(ctx, id);
}

/** Bumps the pathway's version when `version` is current, else 409 with the current pathway. */
async function lockPathway(ctx: Ctx, tx: Executor, id: string, version: number, set: Partial<PathwayRow> = {}) {
  const [updated] = await tx
    .update(careerPathways)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(and(eq(careerPathways.id, id), eq(careerPathways.districtId, ctx.actor.districtId), eq(careerPathways.version, version)))
    .returning();
  if (!updated) throw conflict(await pathwayView(ctx, id, tx));
  return updated;
}

/** Edits, deactivates or reactivates a pathway (never deleted). */
export async function changePathway(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof UpdatePathwayInput> | { version: number; active: boolean },
) {
  const current = await loadPathwayRow(ctx, id);
  requireEditor(ctx);
  if (current.version !== input.version) throw conflict(await pathwayView(ctx, id));
  const { version, ...fields } = input;
  const set: Partial<PathwayRow> = { ...fields };
  if ('category' in fields || 'function' in fields) {
    const category = fields.category ?? current.category;
    set.function = normaliseFunction(category, 'function' in fields ? fields.function : current.function);
  }
  const action = 'active' in fields ? (fields.active ? 'pathway.reactivate' : 'pathway.deactivate') : 'pathway.update';
  await ctx.db.transaction(async (tx) => {
    const updated = await lockPathway(ctx, tx, id, version, set);
    await recordAudit(tx, ctx, { action, entityType: 'career_pathway', entityId: id, before: current, after: updated });
  });
  return pathwayView(ctx, id);
}

/** A step code names one step of the district (compared without case). */
async function checkCodeFree(ctx: Ctx, code: string | null | undefined, selfId?: string) {
  if (!code) return;
  const [taken] = await ctx.db
    .select({ id: pathwaySteps.id })
    .from(pathwaySteps)
    .where(and(eq(pathwaySteps.districtId, ctx.actor.districtId), sql`lower(${pathwaySteps.code}) = lower(${code})`));
  if (taken && taken.id !== selfId) throw invalid('code', 'Another step already has this code');
}

function checkPayBand(min: number | null | undefined, max: number | null | undefined) {
  if (min != null && max != null && min > max) throw invalid('payBandMaxUsd', 'The pay band minimum must not exceed the maximum');
}

/** Adds a step at `position` (default: the top of the ladder); later steps move up one. */
export async function createStep(ctx: Ctx, pathwayId: string, input: z.infer<typeof CreateStepInput>) {
  const pathway = await loadPathwayRow(ctx, pathwayId);
  requireEditor(ctx);
  checkPayBand(input.payBandMinUsd, input.payBandMaxUsd);
  await checkCodeFree(ctx, input.code);
  const { position, ...fields } = input;
  const id = await ctx.db.transaction(async (tx) => {
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(pathwaySteps)
      .where(eq(pathwaySteps.pathwayId, pathwayId));
    const at = Math.min(position ?? count, count);
    if (at < count) {
      await tx
        .update(pathwaySteps)
        .set({ position: sql`${pathwaySteps.position} + 1` })
        .where(and(eq(pathwaySteps.pathwayId, pathwayId), gte(pathwaySteps.position, at)));
    }
    const [row] = await tx
      .insert(pathwaySteps)
      .values({
        ...fields,
        prerequisites: fields.prerequisites ?? { minYearsExperience: null, credentials: [], evidence: [] },
        pathwayId,
        position: at,
        districtId: ctx.actor.districtId,
      })
      .returning();
    // The ladder's order changed: a reorder based on the old order must be refused.
    await tx
      .update(careerPathways)
      .set({ version: sql`${careerPathways.version} + 1`, updatedAt: new Date() })
      .where(eq(careerPathways.id, pathway.id));
    await recordAudit(tx, ctx, { action: 'pathway_step.create', entityType: 'pathway_step', entityId: row!.id, after: row });
    return row!.id;
  });
  return stepView(ctx, id);
}

/** Edits, deactivates or reactivates a step when `version` is current, else 409 with the current step. */
export async function changeStep(ctx: Ctx, id: string, input: z.infer<typeof UpdateStepInput> | { version: number; active: boolean }) {
  const { step: current } = await loadStepRow(ctx, id);
  requireEditor(ctx);
  if (current.version !== input.version) throw conflict(await stepView(ctx, id));
  const { version, ...fields } = input;
  if ('code' in fields) await checkCodeFree(ctx, (fields as { code?: string | null }).code, id);
  if ('payBandMinUsd' in fields || 'payBandMaxUsd' in fields) {
    const f = fields as z.infer<typeof UpdateStepInput>;
    checkPayBand(
      f.payBandMinUsd === undefined ? current.payBandMinUsd : f.payBandMinUsd,
      f.payBandMaxUsd === undefined ? current.payBandMaxUsd : f.payBandMaxUsd,
    );
  }
  const action = 'active' in fields ? (fields.active ? 'pathway_step.reactivate' : 'pathway_step.deactivate') : 'pathway_step.update';
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(pathwaySteps)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(pathwaySteps.id, id), eq(pathwaySteps.districtId, ctx.actor.districtId), eq(pathwaySteps.version, version)))
      .returning();
    if (!updated) throw conflict(await stepView(ctx, id, tx));
    await recordAudit(tx, ctx, { action, entityType: 'pathway_step', entityId: id, before: current, after: updated });
  });
  return stepView(ctx, id);
}

/** Puts every step of the pathway in the given order (locked by the pathway's version). */
export async function reorderSteps(ctx: Ctx, pathwayId: string, input: z.infer<typeof ReorderStepsInput>) {
  const pathway = await loadPathwayRow(ctx, pathwayId);
  requireEditor(ctx);
  if (pathway.version !== input.version) throw conflict(await pathwayView(ctx, pathwayId));
  const steps = await ctx.db
    .select({ id: pathwaySteps.id, position: pathwaySteps.position })
    .from(pathwaySteps)
    .where(eq(pathwaySteps.pathwayId, pathwayId));
  const known = new Set(steps.map((s) => s.id));
  if (
    new Set(input.stepIds).size !== input.stepIds.length ||
    input.stepIds.length !== known.size ||
    !input.stepIds.every((id) => known.has(id))
  ) {
    throw invalid('stepIds', 'List every step of the pathway exactly once');
  }
  await ctx.db.transaction(async (tx) => {
    await lockPathway(ctx, tx, pathwayId, input.version);
    const ids = input.stepIds;
    // One statement: position = index of the id in the new order.
    await tx
      .update(pathwaySteps)
      .set({
        position: sql`case ${pathwaySteps.id} ${sql.join(
          ids.map((id, i) => sql`when ${id}::uuid then ${i}::int`),
          sql` `,
        )} end`,
        updatedAt: new Date(),
      })
      .where(eq(pathwaySteps.pathwayId, pathwayId));
    await recordAudit(tx, ctx, {
      action: 'pathway.reorder_steps',
      entityType: 'career_pathway',
      entityId: pathwayId,
      before: { stepIds: [...steps].sort((a, b) => a.position - b.position).map((s) => s.id) },
      after: { stepIds: ids },
    });
  });
  return pathwayView(ctx, pathwayId);
}

/** Declares two steps of different pathways equivalent; the pair is stored once (lower id first). */
export async function createEquivalence(ctx: Ctx, stepId: string, input: z.infer<typeof CreateEquivalenceInput>) {
  const { step } = await loadStepRow(ctx, stepId);
  const { step: other } = await loadStepRow(ctx, input.equivalentStepId);
  requireEditor(ctx);
  if (step.pathwayId === other.pathwayId) throw invalid('equivalentStepId', 'Equivalent steps belong to different pathways');
  const [low, high] = step.id < other.id ? [step.id, other.id] : [other.id, step.id];
  const [existing] = await ctx.db
    .select({ id: stepEquivalences.id })
    .from(stepEquivalences)
    .where(and(eq(stepEquivalences.stepId, low), eq(stepEquivalences.equivalentStepId, high)));
  if (existing) throw invalidState('These steps are already declared equivalent', { equivalenceId: existing.id });
  const dimensions = [...new Set(input.dimensions)];
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stepEquivalences)
      .values({ districtId: ctx.actor.districtId, stepId: low, equivalentStepId: high, dimensions, notes: input.notes ?? null })
      .returning();
    await recordAudit(tx, ctx, { action: 'step_equivalence.create', entityType: 'step_equivalence', entityId: row!.id, after: row });
  });
  return stepView(ctx, stepId);
}

async function loadEquivalence(ctx: Ctx, stepId: string, equivalenceId: string) {
  const [row] = await ctx.db
    .select()
    .from(stepEquivalences)
    .where(and(eq(stepEquivalences.id, equivalenceId), eq(stepEquivalences.districtId, ctx.actor.districtId)));
  if (!row || (row.stepId !== stepId && row.equivalentStepId !== stepId)) throw notFound('Equivalence');
  return row;
}

export async function updateEquivalence(ctx: Ctx, stepId: string, equivalenceId: string, input: z.infer<typeof UpdateEquivalenceInput>) {
  const current = await loadEquivalence(ctx, stepId, equivalenceId);
  requireEditor(ctx);
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(stepEquivalences)
      .set({
        ...(input.dimensions ? { dimensions: [...new Set(input.dimensions)] } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        updatedAt: new Date(),
      })
      .where(eq(stepEquivalences.id, equivalenceId))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'step_equivalence.update',
      entityType: 'step_equivalence',
      entityId: equivalenceId,
      before: current,
      after: updated,
    });
  });
  return stepView(ctx, stepId);
}

/** Removes a declared equivalence (a relation between two kept steps, not history itself; audited). */
export async function deleteEquivalence(ctx: Ctx, stepId: string, equivalenceId: string) {
  const current = await loadEquivalence(ctx, stepId, equivalenceId);
  requireEditor(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(stepEquivalences).where(eq(stepEquivalences.id, equivalenceId));
    await recordAudit(tx, ctx, {
      action: 'step_equivalence.delete',
      entityType: 'step_equivalence',
      entityId: equivalenceId,
      before: current,
    });
  });
}

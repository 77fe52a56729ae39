import { and, asc, eq, isNull } from 'drizzle-orm';
import { DEFAULT_PLAN_TEMPLATE } from '../../../../common/performance.ts';
import type { PlanTemplate, PlanTemplateFields, PlanTemplateList } from '../../../../common/schemas/plan-templates.ts';
import type { Executor } from '../../../db/client.ts';
import { careerPathways, pathwaySteps, planTemplates } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, notFound } from '../../../lib/errors.ts';
import { canManagePerformance } from '../../../policies/performance.ts';
import { recordAudit } from '../../audit.ts';

type TemplateRow = typeof planTemplates.$inferSelect;

const view = (row: TemplateRow): PlanTemplate => ({
  id: row.id,
  stepId: row.stepId,
  title: row.title,
  sections: row.sections,
  minGoals: row.minGoals,
  maxGoals: row.maxGoals,
  minFocusAreas: row.minFocusAreas,
  maxFocusAreas: row.maxFocusAreas,
  signatureBlocks: row.signatureBlocks,
  version: row.version,
  builtIn: false,
  updatedAt: row.updatedAt.toISOString(),
});

/** DEFAULT_PLAN_TEMPLATE (the Word templates' words), offered until the district saves its own default. */
export const builtInTemplate = (): PlanTemplate => ({
  ...structuredClone(DEFAULT_PLAN_TEMPLATE),
  id: null,
  stepId: null,
  version: null,
  builtIn: true,
  updatedAt: null,
});

function requireManager(ctx: Ctx) {
  if (!canManagePerformance(ctx.actor)) throw forbidden('Only HR and district admins edit plan templates');
}

async function stepInDistrict(ctx: Ctx, stepId: string, db: Executor) {
  const [step] = await db
    .select({ id: pathwaySteps.id })
    .from(pathwaySteps)
    .where(and(eq(pathwaySteps.id, stepId), eq(pathwaySteps.districtId, ctx.actor.districtId)));
  if (!step) throw notFound('Step');
}

async function loadTemplate(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TemplateRow> {
  const [row] = await db
    .select()
    .from(planTemplates)
    .where(and(eq(planTemplates.id, id), eq(planTemplates.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Template');
  return row;
}

/** Every active step of the district with its template (or none: it uses the district default). */
export async function listPlanTemplates(ctx: Ctx): Promise<PlanTemplateList> {
  const districtId = ctx.actor.districtId;
  const [rows, steps] = await Promise.all([
    ctx.db.select().from(planTemplates).where(eq(planTemplates.districtId, districtId)),
    ctx.db
      .select({
        stepId: pathwaySteps.id,
        stepTitle: pathwaySteps.title,
        stepCode: pathwaySteps.code,
        pathwayTitle: careerPathways.name,
      })
      .from(pathwaySteps)
      .innerJoin(careerPathways, and(eq(careerPathways.id, pathwaySteps.pathwayId), eq(careerPathways.districtId, pathwaySteps.districtId)))
      .where(and(eq(pathwaySteps.districtId, districtId), eq(pathwaySteps.active, true)))
      .orderBy(asc(careerPathways.name), asc(pathwaySteps.position)),
  ]);
  const byStep = new Map(rows.filter((r) => r.stepId).map((r) => [r.stepId!, r]));
  const districtRow = rows.find((r) => r.stepId === null);
  return {
    districtDefault: districtRow ? view(districtRow) : builtInTemplate(),
    steps: steps.map((s) => {
      const row = byStep.get(s.stepId);
      return { ...s, template: row ? view(row) : null };
    }),
    abilities: { manage: canManagePerformance(ctx.actor) },
  };
}

/** The template a plan on `stepId` starts from: the step's, else the district's, else the built-in one. */
export async function templateForStep(ctx: Ctx, stepId: string | null, db: Executor = ctx.db): Promise<PlanTemplate> {
  const rows = await db.select().from(planTemplates).where(eq(planTemplates.districtId, ctx.actor.districtId));
  const row = (stepId && rows.find((r) => r.stepId === stepId)) || rows.find((r) => r.stepId === null);
  return row ? view(row) : builtInTemplate();
}

/** Creates the template of a step, or the district default (stepId null); one per step (409 with the one held). */
export async function createPlanTemplate(ctx: Ctx, input: PlanTemplateFields & { stepId: string | null }): Promise<PlanTemplate> {
  requireManager(ctx);
  const districtId = ctx.actor.districtId;
  return ctx.db.transaction(async (tx) => {
    if (input.stepId) await stepInDistrict(ctx, input.stepId, tx);
    const [held] = await tx
      .select()
      .from(planTemplates)
      .where(
        and(eq(planTemplates.districtId, districtId), input.stepId ? eq(planTemplates.stepId, input.stepId) : isNull(planTemplates.stepId)),
      );
    if (held) throw conflict(view(held));
    const [row] = await tx
      .insert(planTemplates)
      .values({ districtId, ...input })
      .returning();
    await recordAudit(tx, ctx, { action: 'plan_template.create', entityType: 'plan_template', entityId: row!.id, after: row });
    return view(row!);
  });
}

/** Saves a template; a stale version answers 409 with the current one. */
export async function updatePlanTemplate(ctx: Ctx, id: string, input: PlanTemplateFields & { version: number }): Promise<PlanTemplate> {
  requireManager(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await loadTemplate(ctx, id, tx);
    if (before.version !== input.version) throw conflict(view(before));
    const { version: _version, ...fields } = input;
    const [after] = await tx
      .update(planTemplates)
      .set({ ...fields, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(planTemplates.id, id), eq(planTemplates.districtId, ctx.actor.districtId), eq(planTemplates.version, input.version)))
      .returning();
    if (!after) throw conflict(view(await loadTemplate(ctx, id, tx)));
    await recordAudit(tx, ctx, { action: 'plan_template.update', entityType: 'plan_template', entityId: id, before, after });
    return view(after);
  });
}

/** Deletes a template (plans keep their own copy, so none is affected); the step falls back to the default. */
export async function deletePlanTemplate(ctx: Ctx, id: string): Promise<void> {
  requireManager(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await loadTemplate(ctx, id, tx);
    await tx.delete(planTemplates).where(and(eq(planTemplates.id, id), eq(planTemplates.districtId, ctx.actor.districtId)));
    await recordAudit(tx, ctx, { action: 'plan_template.delete', entityType: 'plan_template', entityId: id, before });
  });
}

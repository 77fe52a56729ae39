import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { EquivalenceDimension, VersionStatus } from '../../../common/competency.ts';
import type { PathwayListQuery, PathwayStep, StepEquivalence, StepRubricLink } from '../../../common/schemas/pathways.ts';
import type { Executor } from '../../db/client.ts';
import { careerPathways, frameworkVersions, frameworks, pathwaySteps, rubrics, stepEquivalences } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { canEditFrameworks } from '../../policies/frameworks.ts';
import { presentPathway, presentPathwaySummary, presentStep } from '../../presenters/pathways.ts';

export type PathwayRow = typeof careerPathways.$inferSelect;
export type StepRow = typeof pathwaySteps.$inferSelect;

/** Every pathway of the district with its steps' titles (everyone in the district reads them). */
export async function listPathways(ctx: Ctx, q: z.infer<typeof PathwayListQuery>) {
  const where: SQL[] = [eq(careerPathways.districtId, ctx.actor.districtId)];
  if (q.active !== 'all') where.push(eq(careerPathways.active, q.active === 'true'));
  const rows = await ctx.db
    .select()
    .from(careerPathways)
    .where(and(...where))
    .orderBy(asc(careerPathways.category), asc(careerPathways.name), asc(careerPathways.id));
  const ids = rows.map((r) => r.id);
  const steps = ids.length
    ? await ctx.db
        .select()
        .from(pathwaySteps)
        .where(and(eq(pathwaySteps.districtId, ctx.actor.districtId), inArray(pathwaySteps.pathwayId, ids)))
        .orderBy(asc(pathwaySteps.position))
    : [];
  return {
    items: rows.map((r) =>
      presentPathwaySummary(
        ctx.actor,
        r,
        steps.filter((s) => s.pathwayId === r.id),
      ),
    ),
    total: rows.length,
  };
}

export async function loadPathwayRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<PathwayRow> {
  const [row] = await db
    .select()
    .from(careerPathways)
    .where(and(eq(careerPathways.id, id), eq(careerPathways.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Pathway');
  return row;
}

export async function loadStepRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<{ step: StepRow; pathway: PathwayRow }> {
  const [row] = await db
    .select({ step: pathwaySteps, pathway: careerPathways })
    .from(pathwaySteps)
    .innerJoin(careerPathways, eq(careerPathways.id, pathwaySteps.pathwayId))
    .where(and(eq(pathwaySteps.id, id), eq(pathwaySteps.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Pathway step');
  return row;
}

const otherStep = alias(pathwaySteps, 'other_step');
const otherPathway = alias(careerPathways, 'other_pathway');

/** Equivalences of the given steps, each seen from the step it is listed under. */
async function equivalencesOf(ctx: Ctx, stepIds: string[], db: Executor): Promise<Map<string, StepEquivalence[]>> {
  const out = new Map<string, StepEquivalence[]>();
  if (stepIds.length === 0) return out;
  // One pass per direction: the pair is stored once (stepId < equivalentStepId).
  const directions = [
    { mine: stepEquivalences.stepId, theirs: stepEquivalences.equivalentStepId },
    { mine: stepEquivalences.equivalentStepId, theirs: stepEquivalences.stepId },
  ];
  for (const { mine, theirs } of directions) {
    const rows = await db
      .select({ eq: stepEquivalences, mine, other: otherStep, otherPathwayName: otherPathway.name })
      .from(stepEquivalences)
      .innerJoin(otherStep, eq(otherStep.id, theirs))
      .innerJoin(otherPathway, eq(otherPathway.id, otherStep.pathwayId))
      .where(and(eq(stepEquivalences.districtId, ctx.actor.districtId), inArray(mine, stepIds)))
      .orderBy(asc(otherPathway.name), asc(otherStep.position));
    for (const r of rows) {
      const list = out.get(r.mine) ?? [];
      list.push({
        id: r.eq.id,
        dimensions: r.eq.dimensions as EquivalenceDimension[],
        notes: r.eq.notes,
        step: {
          id: r.other.id,
          title: r.other.title,
          pathwayId: r.other.pathwayId,
          pathwayName: r.otherPathwayName,
          responsibilityLevel: r.other.responsibilityLevel,
        },
      });
      out.set(r.mine, list);
    }
  }
  return out;
}

/** Rubrics written for the steps in versions the caller may open from a ladder: published ones, and drafts for editors. */
async function rubricLinksOf(ctx: Ctx, stepIds: string[], db: Executor): Promise<Map<string, StepRubricLink[]>> {
  const out = new Map<string, StepRubricLink[]>();
  if (stepIds.length === 0) return out;
  const statuses = canEditFrameworks(ctx.actor) ? ['published', 'draft'] : ['published'];
  const rows = await db
    .select({
      stepId: rubrics.stepId,
      rubricId: rubrics.id,
      versionId: frameworkVersions.id,
      frameworkId: frameworks.id,
      frameworkTitle: frameworks.title,
      versionNumber: frameworkVersions.versionNumber,
      status: frameworkVersions.status,
    })
    .from(rubrics)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, rubrics.versionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(
      and(
        eq(rubrics.districtId, ctx.actor.districtId),
        inArray(rubrics.stepId, stepIds),
        inArray(frameworkVersions.status, statuses),
        eq(frameworks.active, true),
      ),
    )
    .orderBy(asc(frameworks.title), sql`${frameworkVersions.versionNumber} desc`);
  for (const r of rows) {
    const list = out.get(r.stepId!) ?? [];
    list.push({ ...r, status: r.status as VersionStatus });
    out.set(r.stepId!, list);
  }
  return out;
}

/** Presents steps with their equivalences and rubric links. */
export async function presentSteps(
  ctx: Ctx,
  rows: { step: StepRow; pathwayName: string }[],
  db: Executor = ctx.db,
): Promise<PathwayStep[]> {
  const ids = rows.map((r) => r.step.id);
  const [equivalences, links] = [await equivalencesOf(ctx, ids, db), await rubricLinksOf(ctx, ids, db)];
  return rows.map((r) => presentStep(ctx.actor, r.step, r.pathwayName, equivalences.get(r.step.id) ?? [], links.get(r.step.id) ?? []));
}

export async function pathwayView(ctx: Ctx, id: string, db: Executor = ctx.db) {
  const row = await loadPathwayRow(ctx, id, db);
  const steps = await db
    .select()
    .from(pathwaySteps)
    .where(and(eq(pathwaySteps.pathwayId, id), eq(pathwaySteps.districtId, ctx.actor.districtId)))
    .orderBy(asc(pathwaySteps.position), asc(pathwaySteps.createdAt));
  return presentPathway(
    ctx.actor,
    row,
    await presentSteps(
      ctx,
      steps.map((step) => ({ step, pathwayName: row.name })),
      db,
    ),
  );
}

export async function stepView(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<PathwayStep> {
  const { step, pathway } = await loadStepRow(ctx, id, db);
  const [presented] = await presentSteps(ctx, [{ step, pathwayName: pathway.name }], db);
  return presented!;
}

/** Steps by id (any pathway of the district); missing ones are simply absent. */
export async function stepsByIds(ctx: Ctx, ids: string[], db: Executor = ctx.db) {
  if (ids.length === 0) return [];
  return db
    .select({ step: pathwaySteps, pathwayName: careerPathways.name })
    .from(pathwaySteps)
    .innerJoin(careerPathways, eq(careerPathways.id, pathwaySteps.pathwayId))
    .where(and(eq(pathwaySteps.districtId, ctx.actor.districtId), or(...ids.map((id) => eq(pathwaySteps.id, id)))));
}

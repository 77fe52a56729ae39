import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { VersionStatus } from '../../../common/competency.ts';
import type { CompareQuery, CompareRow, GridCriterion, RubricGrid, StepComparison } from '../../../common/schemas/rubrics.ts';
import { frameworkVersions, frameworks, rubrics } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { canReadVersion } from '../../policies/frameworks.ts';
import { loadVersion } from '../frameworks/access.ts';
import { stepView } from '../pathways/load.ts';
import { loadGrid } from './grid.ts';

const STATUS_RANK: Record<string, number> = { published: 0, draft: 1, retired: 2 };

/**
 * The framework version whose rubrics to compare when none is named: one holding rubrics for both
 * steps if any, published before draft before retired, newest first.
 */
async function pickVersion(ctx: Ctx, stepIds: string[]) {
  const rows = await ctx.db
    .select({
      versionId: rubrics.versionId,
      stepId: rubrics.stepId,
      status: frameworkVersions.status,
      versionNumber: frameworkVersions.versionNumber,
    })
    .from(rubrics)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, rubrics.versionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(rubrics.districtId, ctx.actor.districtId), inArray(rubrics.stepId, stepIds), eq(frameworks.active, true)));
  const byVersion = new Map<string, { steps: Set<string>; status: string; versionNumber: number }>();
  for (const r of rows) {
    if (!canReadVersion(ctx.actor, { districtId: ctx.actor.districtId, status: r.status, isCollaborator: false })) continue;
    const entry = byVersion.get(r.versionId) ?? { steps: new Set<string>(), status: r.status, versionNumber: r.versionNumber };
    entry.steps.add(r.stepId!);
    byVersion.set(r.versionId, entry);
  }
  const ranked = [...byVersion.entries()].sort(
    ([, x], [, y]) => y.steps.size - x.steps.size || STATUS_RANK[x.status]! - STATUS_RANK[y.status]! || y.versionNumber - x.versionNumber,
  );
  return ranked[0]?.[0] ?? null;
}

const texts = (c: GridCriterion | undefined) => (c ? c.descriptors.map((d) => d.description) : null);

function diffList(a: string[], b: string[]) {
  const norm = (s: string) => s.trim().toLowerCase();
  const inB = new Set(b.map(norm));
  const inA = new Set(a.map(norm));
  return { onlyA: a.filter((x) => !inB.has(norm(x))), onlyB: b.filter((x) => !inA.has(norm(x))) };
}

/** Criteria of both rubrics aligned by competency: A's order first, then what only B holds. */
function alignRows(gridA: RubricGrid | null, gridB: RubricGrid | null): CompareRow[] {
  const a = gridA?.criteria.filter((c) => c.item) ?? [];
  const b = gridB?.criteria.filter((c) => c.item) ?? [];
  const bByItem = new Map(b.map((c) => [c.item!.id, c]));
  const aItems = new Set(a.map((c) => c.item!.id));
  const rows: CompareRow[] = [];
  for (const ca of a) {
    const cb = bByItem.get(ca.item!.id);
    const ta = texts(ca)!;
    const tb = texts(cb);
    const changedLevels = tb ? ta.map((t, i) => (t.trim() === (tb[i] ?? '').trim() ? -1 : i)).filter((i) => i >= 0) : [];
    if (tb && tb.length > ta.length) for (let i = ta.length; i < tb.length; i++) changedLevels.push(i);
    rows.push({
      item: ca.item!,
      domain: ca.domain,
      a: ta,
      b: tb,
      status: !tb ? 'only_a' : changedLevels.length > 0 ? 'changed' : 'same',
      changedLevels,
    });
  }
  for (const cb of b) {
    if (aItems.has(cb.item!.id)) continue;
    rows.push({ item: cb.item!, domain: cb.domain, a: null, b: texts(cb), status: 'only_b', changedLevels: [] });
  }
  return rows;
}

/** Two steps side by side: pay, responsibilities, prerequisites, and their rubrics aligned by competency. */
export async function compareSteps(ctx: Ctx, q: z.infer<typeof CompareQuery>): Promise<StepComparison> {
  const [a, b] = [await stepView(ctx, q.a), await stepView(ctx, q.b)];
  const versionId = q.versionId ? (await loadVersion(ctx, q.versionId)).version.id : await pickVersion(ctx, [a.id, b.id]);
  let gridA: RubricGrid | null = null;
  let gridB: RubricGrid | null = null;
  let frameworkVersion: StepComparison['frameworkVersion'] = null;
  if (versionId) {
    const found = await ctx.db
      .select({ id: rubrics.id, stepId: rubrics.stepId })
      .from(rubrics)
      .where(and(eq(rubrics.versionId, versionId), eq(rubrics.districtId, ctx.actor.districtId), inArray(rubrics.stepId, [a.id, b.id])));
    const idA = found.find((r) => r.stepId === a.id)?.id;
    const idB = found.find((r) => r.stepId === b.id)?.id;
    gridA = idA ? await loadGrid(ctx, idA) : null;
    gridB = idB ? await loadGrid(ctx, idB) : null;
    const fv = (gridA ?? gridB)?.frameworkVersion;
    if (fv)
      frameworkVersion = {
        id: fv.id,
        frameworkTitle: fv.frameworkTitle,
        versionNumber: fv.versionNumber,
        status: fv.status as VersionStatus,
      };
    else {
      const { version, framework } = await loadVersion(ctx, versionId);
      frameworkVersion = {
        id: version.id,
        frameworkTitle: framework.title,
        versionNumber: version.versionNumber,
        status: version.status as VersionStatus,
      };
    }
  }
  const levels = (gridA ?? gridB)?.levels.map((l) => ({ position: l.position, label: l.label })) ?? [];
  return {
    a,
    b,
    frameworkVersion,
    rubricA: gridA?.rubric.id ?? null,
    rubricB: gridB?.rubric.id ?? null,
    levels,
    rows: alignRows(gridA, gridB),
    differences: {
      payBand: a.payBandMinUsd !== b.payBandMinUsd || a.payBandMaxUsd !== b.payBandMaxUsd,
      responsibilityLevel: a.responsibilityLevel !== b.responsibilityLevel,
      staffRole: a.staffRole !== b.staffRole,
      minYearsExperience: a.prerequisites.minYearsExperience !== b.prerequisites.minYearsExperience,
      responsibilities: diffList(a.responsibilities, b.responsibilities),
      credentials: diffList(a.prerequisites.credentials, b.prerequisites.credentials),
      evidence: diffList(a.prerequisites.evidence, b.prerequisites.evidence),
    },
  };
}

import { and, eq, isNotNull } from 'drizzle-orm';
import { STAFF_ROLES } from '../../../../common/roles.ts';
import type { Executor } from '../../../db/client.ts';
import { performanceCycleRubrics, rubrics, type SnapshotCriterion } from '../../../db/schema/index.ts';
import { gridHeaderQuery, gridRowsQuery } from '../../rubrics/grid.ts';
import { publishedObservationVersionId, roleRubricForRole } from '../../observations/role-rubric.ts';

/** The grid's header asks whether a person is on the design team; nobody is here. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** The criteria of a rubric as they are now: competency, code, levels with their descriptors. */
async function criteriaOf(db: Executor, districtId: string, rubricId: string): Promise<SnapshotCriterion[]> {
  const [[header], rows] = await Promise.all([gridHeaderQuery(db, districtId, NOBODY, rubricId), gridRowsQuery(db, districtId, rubricId)]);
  const levels = (header?.levels ?? []).filter((l) => l.id);
  return rows
    .filter((r) => r.item?.id && !r.item.retired)
    .map((r, position) => ({
      itemId: r.item!.id,
      code: r.item!.humanCode,
      title: r.item!.fullStatement,
      position,
      weight: null,
      levels: levels.map((l) => {
        const d = r.descriptors.find((x) => x.scaleLevelId === l.id) ?? r.descriptors.find((x) => x.position === l.position);
        return { scaleLevelId: l.id!, score: Number(l.levelScore), label: l.label, descriptor: d?.description || null };
      }),
    }));
}

/**
 * Copies the rubric of every career step in the published observation framework into the cycle
 * (once: a step already snapshotted keeps its copy, so later framework edits never change a live
 * review). Returns the cycle's snapshot id per step.
 */
export async function snapshotRubrics(db: Executor, districtId: string, cycleId: string): Promise<Map<string, string>> {
  const versionId = await publishedObservationVersionId(db, districtId);
  const existing = await db
    .select({ id: performanceCycleRubrics.id, stepId: performanceCycleRubrics.stepId })
    .from(performanceCycleRubrics)
    .where(and(eq(performanceCycleRubrics.cycleId, cycleId), eq(performanceCycleRubrics.districtId, districtId)));
  const byStep = new Map(existing.filter((e) => e.stepId).map((e) => [e.stepId!, e.id]));
  if (!versionId) return byStep;
  const stepRubrics = await db
    .select({ id: rubrics.id, stepId: rubrics.stepId, title: rubrics.title })
    .from(rubrics)
    .where(and(eq(rubrics.districtId, districtId), eq(rubrics.versionId, versionId), isNotNull(rubrics.stepId)));
  for (const r of stepRubrics.filter((s) => !byStep.has(s.stepId!))) {
    const criteria = await criteriaOf(db, districtId, r.id);
    const [row] = await db
      .insert(performanceCycleRubrics)
      .values({ districtId, cycleId, stepId: r.stepId, rubricId: r.id, title: r.title, criteria })
      .onConflictDoNothing()
      .returning({ id: performanceCycleRubrics.id });
    if (row) byStep.set(r.stepId!, row.id);
  }
  return byStep;
}

/** Roster role -> the step whose rubric a person of that role without a step is held to (roleRubricForRole). */
export async function roleSteps(db: Executor, districtId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const role of STAFF_ROLES) {
    const ref = await roleRubricForRole(db, districtId, role);
    if (ref) out[role] = ref.stepId;
  }
  return out;
}

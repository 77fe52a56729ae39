import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  fidelityChecks,
  frameworkVersions,
  initiatives,
  observationTypes,
  rubricCriteria,
  rubrics,
  scaleLevels,
} from '../../db/schema/index.ts';
import { invalidState } from '../../lib/errors.ts';
import { ensureDefaultObservationTypes } from '../settings/observation-types.ts';

/**
 * The fidelity tool: a rubric on the initiative's practice profile, scored present / partial /
 * absent (or on any scale). A check keeps the tool version it was made with; once the initiative
 * points at a later rubric, or the tool's framework version is no longer the published one, that
 * version is retired: its checks stay readable and are no longer edited or started.
 */

export interface FidelityTool {
  rubricId: string;
  title: string;
  scaleId: string;
  criteria: { id: string; itemId: string | null }[];
  /** The scale's top level score (a component scored at it is "present"). */
  maxLevelScore: number;
}

/** The rubric with its criteria and its scale's top score, or null when it has no scale or criteria. */
export async function loadTool(db: Executor, districtId: string, rubricId: string): Promise<FidelityTool | null> {
  const [rubric] = await db
    .select({ id: rubrics.id, title: rubrics.title, scaleId: rubrics.scaleId, versionScaleId: frameworkVersions.scaleId })
    .from(rubrics)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, rubrics.versionId))
    .where(and(eq(rubrics.id, rubricId), eq(rubrics.districtId, districtId)));
  const scaleId = rubric?.scaleId ?? rubric?.versionScaleId ?? null;
  if (!rubric || !scaleId) return null;
  const criteria = await db
    .select({ id: rubricCriteria.id, itemId: rubricCriteria.itemId })
    .from(rubricCriteria)
    .where(and(eq(rubricCriteria.rubricId, rubricId), eq(rubricCriteria.districtId, districtId)))
    .orderBy(rubricCriteria.position);
  const [top] = await db
    .select({ max: sql<string | null>`max(${scaleLevels.levelScore})` })
    .from(scaleLevels)
    .where(and(eq(scaleLevels.scaleId, scaleId), eq(scaleLevels.districtId, districtId)));
  const maxLevelScore = Number(top?.max ?? 0);
  if (criteria.length === 0 || !(maxLevelScore > 0)) return null;
  return { rubricId: rubric.id, title: rubric.title, scaleId, criteria, maxLevelScore };
}

/** Is this tool version the one in use: the initiative's current tool, in a published framework version? */
export async function isToolCurrent(db: Executor, initiative: { fidelityRubricId: string | null }, rubricId: string): Promise<boolean> {
  if (initiative.fidelityRubricId !== rubricId) return false;
  const [row] = await db
    .select({ status: frameworkVersions.status })
    .from(rubrics)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, rubrics.versionId))
    .where(eq(rubrics.id, rubricId));
  return row?.status === 'published';
}

export const RETIRED_TOOL_MESSAGE =
  'This fidelity check was made with a version of the fidelity tool that has been retired. It stays readable, but it can no longer be changed; start a new check with the current tool.';

/**
 * 409 `invalid_state` unless the fidelity check on this observation uses the current tool version
 * (drafts are saved, published and revised only with it).
 */
export async function assertCheckEditable(db: Executor, observation: { id: string; districtId: string; rubricId: string | null }) {
  const [row] = await db
    .select({ rubricId: fidelityChecks.rubricId, initiativeRubricId: initiatives.fidelityRubricId })
    .from(fidelityChecks)
    .innerJoin(initiatives, eq(initiatives.id, fidelityChecks.initiativeId))
    .where(and(eq(fidelityChecks.observationId, observation.id), eq(fidelityChecks.districtId, observation.districtId)));
  if (!row || !(await isToolCurrent(db, { fidelityRubricId: row.initiativeRubricId }, row.rubricId)))
    throw invalidState(RETIRED_TOOL_MESSAGE, { reason: 'tool_retired' });
}

/**
 * The district's observation type of kind `fidelity` (a system type: never offered when starting an
 * observation, never counted toward the scored-observations requirement), created on first use.
 */
export async function ensureFidelityType(db: Executor, districtId: string): Promise<string> {
  await ensureDefaultObservationTypes(db, districtId);
  const find = async (tx: Executor) =>
    (
      await tx
        .select({ id: observationTypes.id })
        .from(observationTypes)
        .where(and(eq(observationTypes.districtId, districtId), eq(observationTypes.kind, 'fidelity')))
        .limit(1)
    )[0]?.id;
  const existing = await find(db);
  if (existing) return existing;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`observation_types:fidelity:${districtId}`}))`);
    const again = await find(tx);
    if (again) return again;
    const [row] = await tx
      .insert(observationTypes)
      .values({
        districtId,
        name: 'Fidelity check',
        kind: 'fidelity',
        description: 'An initiative’s fidelity tool, scored to see whether the program is done as intended. Not evaluation.',
        defaultDurationMinutes: 30,
        countsTowardRequirement: false,
      })
      .returning({ id: observationTypes.id });
    return row!.id;
  });
}

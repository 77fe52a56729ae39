import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { PlacementRefusal } from '../../../common/schemas/placements.ts';
import type { Executor } from '../../db/client.ts';
import { careerPathways, frameworkVersions, pathwaySteps, rubrics } from '../../db/schema/index.ts';

export interface StepInfo {
  id: string;
  code: string | null;
  title: string;
  pathwayName: string;
  /** Why the step takes no new placements, or null. */
  refusal: PlacementRefusal | null;
}

/**
 * Steps of the district by id or by code, each with the reason it takes no new placements: the step
 * or its pathway is deactivated, or every rubric written for it belongs to a retired framework
 * version (the step belongs to a ladder the district has replaced). A step with no rubric at all
 * (many central-office steps) takes placements.
 */
export async function stepsForPlacement(db: Executor, districtId: string, by: { ids?: string[]; codes?: string[] }): Promise<StepInfo[]> {
  const ids = by.ids ?? [];
  const codes = by.codes ?? [];
  if (ids.length === 0 && codes.length === 0) return [];
  const rows = await db
    .select({
      id: pathwaySteps.id,
      code: pathwaySteps.code,
      title: pathwaySteps.title,
      stepActive: pathwaySteps.active,
      pathwayName: careerPathways.name,
      pathwayActive: careerPathways.active,
    })
    .from(pathwaySteps)
    .innerJoin(careerPathways, eq(careerPathways.id, pathwaySteps.pathwayId))
    .where(
      and(
        eq(pathwaySteps.districtId, districtId),
        sql`(${ids.length ? inArray(pathwaySteps.id, ids) : sql`false`} or ${codes.length ? inArray(pathwaySteps.code, codes) : sql`false`})`,
      ),
    );
  if (rows.length === 0) return [];
  const stepIds = rows.map((r) => r.id);
  const versions = await db
    .select({ stepId: rubrics.stepId, live: sql<boolean>`bool_or(${ne(frameworkVersions.status, 'retired')})` })
    .from(rubrics)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, rubrics.versionId))
    .where(and(eq(rubrics.districtId, districtId), inArray(rubrics.stepId, stepIds)))
    .groupBy(rubrics.stepId);
  const live = new Map(versions.map((v) => [v.stepId!, v.live]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    pathwayName: r.pathwayName,
    refusal: !r.pathwayActive ? 'pathway_inactive' : !r.stepActive ? 'step_inactive' : live.get(r.id) === false ? 'step_retired' : null,
  }));
}

export const REFUSAL_MESSAGES: Record<PlacementRefusal, string> = {
  step_inactive: 'This step is deactivated and takes no new placements',
  pathway_inactive: "This step's pathway is deactivated and takes no new placements",
  step_retired: "This step's rubric belongs only to a retired framework version; place people on the current step",
  already_on_step: 'The person is already on this step',
};

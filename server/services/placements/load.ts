import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { PersonPlacements, StepPlacement } from '../../../common/schemas/placements.ts';
import type { Executor } from '../../db/client.ts';
import { careerPathways, pathwaySteps, stepPlacements } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { canPlaceOnSteps } from '../../policies/placements.ts';
import { loadReadablePerson } from '../people/load.ts';

export type PlacementRow = typeof stepPlacements.$inferSelect;

/** Every placement of the given people, newest first, with their step and pathway. */
export async function placementsOf(
  db: Executor,
  districtId: string,
  personIds: string[],
): Promise<(StepPlacement & { personId: string })[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({
      p: stepPlacements,
      stepTitle: pathwaySteps.title,
      stepCode: pathwaySteps.code,
      pathwayId: careerPathways.id,
      pathwayName: careerPathways.name,
    })
    .from(stepPlacements)
    .innerJoin(pathwaySteps, eq(pathwaySteps.id, stepPlacements.stepId))
    .innerJoin(careerPathways, eq(careerPathways.id, pathwaySteps.pathwayId))
    .where(and(eq(stepPlacements.districtId, districtId), inArray(stepPlacements.personId, personIds)))
    .orderBy(desc(stepPlacements.startDate), desc(stepPlacements.createdAt));
  return rows.map(({ p, ...step }) => ({
    id: p.id,
    personId: p.personId,
    stepId: p.stepId,
    ...step,
    startDate: p.startDate,
    endDate: p.endDate,
    source: p.source as StepPlacement['source'],
    note: p.note,
    version: p.version,
  }));
}

/** The open placement (no end date) of each of the given people. */
export async function openPlacements(db: Executor, districtId: string, personIds: string[]): Promise<Map<string, PlacementRow>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(stepPlacements)
    .where(and(eq(stepPlacements.districtId, districtId), inArray(stepPlacements.personId, personIds), isNull(stepPlacements.endDate)));
  return new Map(rows.map((r) => [r.personId, r]));
}

/** A person's step and its history, for whoever may read the person (404 otherwise). */
export async function personPlacements(ctx: Ctx, personId: string, db: Executor = ctx.db): Promise<PersonPlacements> {
  await loadReadablePerson(ctx, personId, db);
  const history = (await placementsOf(db, ctx.actor.districtId, [personId])).map(({ personId: _, ...p }) => p);
  return {
    personId,
    current: history.find((p) => p.endDate === null) ?? null,
    history,
    abilities: { place: canPlaceOnSteps(ctx.actor) },
  };
}

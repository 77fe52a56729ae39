import { and, eq, inArray } from 'drizzle-orm';
import type { PlanHeader } from '../../../../common/schemas/performance-review.ts';
import type { Executor } from '../../../db/client.ts';
import { people, performanceCycles } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { nameOf } from '../../evaluators/computed.ts';
import type { PlanRow } from '../access.ts';

export type Cycle = typeof performanceCycles.$inferSelect;

/** The plan's cycle (in the caller's district). */
export async function cycleOf(db: Executor, row: PlanRow): Promise<Cycle> {
  const [cycle] = await db
    .select()
    .from(performanceCycles)
    .where(and(eq(performanceCycles.id, row.cycleId), eq(performanceCycles.districtId, row.districtId)));
  return cycle!;
}

/** Whose plan, in which cycle, and whether the caller reads it as the person or as a supervisor. */
export async function planHeader(ctx: Ctx, db: Executor, row: PlanRow, cycle: Cycle): Promise<PlanHeader> {
  const ids = [row.personId, row.evaluatorPersonId].filter((id): id is string => Boolean(id));
  const names = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName })
    .from(people)
    .where(and(eq(people.districtId, ctx.actor.districtId), inArray(people.id, ids)));
  const nameOfId = (id: string | null) => {
    const p = names.find((n) => n.id === id);
    return p ? nameOf(p) : null;
  };
  return {
    id: row.id,
    personId: row.personId,
    personName: nameOfId(row.personId) ?? '',
    evaluatorName: nameOfId(row.evaluatorPersonId),
    cycleTitle: cycle.title,
    schoolYear: cycle.schoolYear,
    status: row.status,
    version: row.version,
    viewer: row.personId === ctx.actor.personId ? 'person' : 'supervisor',
  };
}

import { and, eq, isNull } from 'drizzle-orm';
import { addDays } from '../../../common/clock.ts';
import type { PLACEMENT_SOURCES } from '../../../common/schemas/placements.ts';
import type { Executor } from '../../db/client.ts';
import { stepPlacements } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import type { PlacementRow } from './load.ts';

export interface NewPlacement {
  personId: string;
  stepId: string;
  startDate: string;
  source: (typeof PLACEMENT_SOURCES)[number];
  note?: string | null;
}

/** The new placement must start after the open one, which ends the day before. */
export function startsAfter(current: PlacementRow | undefined, startDate: string): boolean {
  return !current || current.startDate < startDate;
}

export const startTooEarly = (current: PlacementRow) =>
  new AppError('validation_failed', 'A new placement starts after the current one', [
    { path: 'startDate', message: `after ${current.startDate}`, currentStartDate: current.startDate },
  ]);

/**
 * Ends the open placement the day before `startDate` (when there is one) and opens the new one, with
 * an audit row; inside the caller's transaction. The caller checked the step and the dates.
 */
export async function writePlacement(tx: Executor, ctx: Ctx, current: PlacementRow | undefined, input: NewPlacement, audit = true) {
  if (current) {
    const [ended] = await tx
      .update(stepPlacements)
      .set({ endDate: addDays(input.startDate, -1), version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(stepPlacements.id, current.id), eq(stepPlacements.districtId, ctx.actor.districtId), isNull(stepPlacements.endDate)))
      .returning();
    if (!ended) throw new AppError('conflict', 'The placement changed meanwhile', { current: null });
  }
  const [row] = await tx
    .insert(stepPlacements)
    .values({
      districtId: ctx.actor.districtId,
      personId: input.personId,
      stepId: input.stepId,
      startDate: input.startDate,
      source: input.source,
      note: input.note ?? null,
    })
    .returning();
  if (audit) {
    await recordAudit(tx, ctx, {
      action: 'step_placement.create',
      entityType: 'person',
      entityId: input.personId,
      before: current ? { stepId: current.stepId, startDate: current.startDate } : null,
      after: row,
    });
  }
  return row!;
}

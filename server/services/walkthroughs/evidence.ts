import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { districtSettings, evidence, observationTypes, type LookForResult } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { observedAtOf } from '../evidence/observations.ts';

/**
 * When the district says so (district_settings.walkthrough_evidence), each look-for seen on a
 * published walkthrough and tagged to a competency appends one evidence row (source 'walkthrough',
 * no level: it shows the practice was seen, it does not score it). Off by default. On a published
 * edit, `before` holds the previous results: only look-fors newly seen append a row (the log is
 * append-only; one un-seen later keeps its row, as a revised score keeps the earlier one).
 */
export async function appendWalkthroughEvidence(
  tx: Executor,
  ctx: Ctx,
  observation: {
    id: string;
    districtId: string;
    typeId: string;
    kind: string;
    observedPersonId: string;
    observedOn: string;
    lookForResults: LookForResult[];
  },
  before: LookForResult[] = [],
): Promise<void> {
  if (observation.kind !== 'walkthrough') return;
  const [settings] = await tx
    .select({ on: districtSettings.walkthroughEvidence })
    .from(districtSettings)
    .where(eq(districtSettings.districtId, observation.districtId));
  if (!settings?.on) return;
  const [type] = await tx
    .select({ lookForItems: observationTypes.lookForItems })
    .from(observationTypes)
    .where(and(eq(observationTypes.id, observation.typeId), eq(observationTypes.districtId, observation.districtId)));
  const itemIds = [
    ...new Set(
      observation.lookForResults
        .filter((r) => r.seen === true && !before.some((b) => b.lookFor === r.lookFor && b.seen === true))
        .map((r) => type?.lookForItems[r.lookFor]),
    ),
  ].filter((id): id is string => Boolean(id));
  if (itemIds.length === 0) return;
  await tx.insert(evidence).values(
    itemIds.map((itemId) => ({
      districtId: observation.districtId,
      personId: observation.observedPersonId,
      itemId,
      source: 'walkthrough',
      sourceId: observation.id,
      observedAt: observedAtOf(observation.observedOn),
      recordedByUserId: ctx.actor.userId,
    })),
  );
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { BulkPlaceInput, BulkPlaceResult } from '../../../common/schemas/placements.ts';
import { orgUnits, people, roleAssignments } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canPlaceOnSteps } from '../../policies/placements.ts';
import { recordAudit } from '../audit.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { REFUSAL_MESSAGES, stepsForPlacement } from './eligibility.ts';
import { openPlacements } from './load.ts';
import { startsAfter, writePlacement } from './write.ts';

const SAMPLE = 20;

/**
 * "Everyone with role R now at these units -> step X" (HR and admins). A dry run only counts. People
 * already on the step, or whose current placement starts on or after `startDate`, are left alone, so
 * running it twice changes nothing. One transaction and one audit row for the whole batch.
 */
export async function bulkPlace(ctx: Ctx, input: z.infer<typeof BulkPlaceInput>): Promise<BulkPlaceResult> {
  if (!canPlaceOnSteps(ctx.actor)) throw forbidden();
  const districtId = ctx.actor.districtId;
  const unitIds = [...new Set(input.orgUnitIds)];
  const units = await ctx.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), inArray(orgUnits.id, unitIds)));
  if (units.length !== unitIds.length) throw notFound('Org unit');
  const [step] = await stepsForPlacement(ctx.db, districtId, { ids: [input.stepId] });
  if (!step) throw notFound('Pathway step');
  if (step.refusal) throw invalidState(REFUSAL_MESSAGES[step.refusal], { reason: step.refusal });

  return ctx.db.transaction(async (tx) => {
    const holders = await tx
      .selectDistinct({ id: people.id, givenName: people.givenName, familyName: people.familyName })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(
        and(
          eq(roleAssignments.districtId, districtId),
          eq(roleAssignments.role, input.role),
          inArray(roleAssignments.orgUnitId, unitIds),
          currentAssignment(),
          eq(people.active, true),
        ),
      )
      .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id));
    const open = await openPlacements(
      tx,
      districtId,
      holders.map((h) => h.id),
    );
    let alreadyOnStep = 0;
    let skippedLater = 0;
    const toPlace = holders.filter((h) => {
      const current = open.get(h.id);
      if (current?.stepId === step.id) return (void alreadyOnStep++, false);
      if (!startsAfter(current, input.startDate)) return (void skippedLater++, false);
      return true;
    });
    if (!input.dryRun && toPlace.length > 0) {
      for (const h of toPlace) {
        await writePlacement(
          tx,
          ctx,
          open.get(h.id),
          { personId: h.id, stepId: step.id, startDate: input.startDate, source: 'bulk' },
          false,
        );
      }
      await recordAudit(tx, ctx, {
        action: 'step_placement.bulk',
        entityType: 'pathway_step',
        entityId: step.id,
        after: { role: input.role, orgUnitIds: unitIds, startDate: input.startDate, personIds: toPlace.map((h) => h.id) },
      });
    }
    return {
      dryRun: input.dryRun,
      matched: holders.length,
      placed: toPlace.length,
      alreadyOnStep,
      skippedLater,
      sample: toPlace.slice(0, SAMPLE).map((h) => ({ id: h.id, name: `${h.givenName} ${h.familyName}` })),
    };
  });
}

import type { z } from 'zod';
import type { PlaceOnStepInput } from '../../../common/schemas/placements.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canPlaceOnSteps } from '../../policies/placements.ts';
import { loadReadablePerson } from '../people/load.ts';
import { REFUSAL_MESSAGES, stepsForPlacement } from './eligibility.ts';
import { openPlacements, personPlacements } from './load.ts';
import { startTooEarly, startsAfter, writePlacement } from './write.ts';

/**
 * Places one person on a step (HR and admins): the open placement ends the day before. A step of
 * another district is 404; a deactivated or retired step is refused (409 invalid_state with the
 * reason); a current placement other than the one the caller saw is 409 conflict with the state.
 */
export async function placeOnStep(ctx: Ctx, personId: string, input: z.infer<typeof PlaceOnStepInput>) {
  await loadReadablePerson(ctx, personId);
  if (!canPlaceOnSteps(ctx.actor)) throw forbidden();
  const [step] = await stepsForPlacement(ctx.db, ctx.actor.districtId, { ids: [input.stepId] });
  if (!step) throw notFound('Pathway step');
  await ctx.db.transaction(async (tx) => {
    const current = (await openPlacements(tx, ctx.actor.districtId, [personId])).get(personId);
    if ((current?.id ?? null) !== input.currentPlacementId) throw conflict(await personPlacements(ctx, personId, tx));
    if (step.refusal) throw invalidState(REFUSAL_MESSAGES[step.refusal], { reason: step.refusal });
    if (current?.stepId === step.id) throw invalidState(REFUSAL_MESSAGES.already_on_step, { reason: 'already_on_step' });
    if (!startsAfter(current, input.startDate)) throw startTooEarly(current!);
    await writePlacement(tx, ctx, current, { personId, stepId: step.id, startDate: input.startDate, source: 'manual', note: input.note });
  });
  return personPlacements(ctx, personId);
}

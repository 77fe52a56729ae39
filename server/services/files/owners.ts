import type { FileOwnerType } from '../../../common/schemas/files.ts';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { actionStepAbilities } from '../../policies/observations.ts';
import type { FileOwnerAccess } from '../../policies/files.ts';
import { actionStepView } from '../action-steps/load.ts';
import { logView } from '../coaching/logs.ts';
import { isObserverOf, loadReadableObservation } from '../observations/access.ts';

export interface FileOwner {
  type: FileOwnerType;
  id: string;
}

/**
 * What the caller may do with the attachments of a record, by the record's own policy (observations,
 * coaching, action steps). A record they may not read answers 404 from its own loader; a coaching
 * log they see only the summary of answers 403.
 */
export async function ownerAccess(ctx: Ctx, owner: FileOwner, db: Executor = ctx.db): Promise<FileOwnerAccess> {
  const me = ctx.actor.personId;
  if (owner.type === 'observation') {
    const row = await loadReadableObservation(ctx, owner.id, db);
    const observer = isObserverOf(ctx.actor, row);
    const teacher = row.observedPersonId === me && row.status === 'published';
    return { read: true, upload: observer || teacher, edit: observer, subjectPersonIds: [row.observedPersonId] };
  }
  if (owner.type === 'coaching_log') {
    const log = await logView(ctx, owner.id, db);
    if (log.view !== 'full') throw forbidden('Only the coach and the coachees see what a coaching session holds');
    const coachee = log.attendees.some((a) => a.person.id === me);
    return {
      read: true,
      upload: log.coach.id === me || coachee,
      edit: log.abilities.edit,
      subjectPersonIds: log.attendees.map((a) => a.person.id),
    };
  }
  const step = await actionStepView(ctx, owner.id, db);
  const abilities = actionStepAbilities(ctx.actor, {
    districtId: ctx.actor.districtId,
    personId: step.person.id,
    createdByPersonId: step.createdBy?.id ?? null,
  });
  return {
    read: true,
    upload: step.observationPublished || step.person.id !== me,
    edit: abilities.edit,
    subjectPersonIds: [step.person.id],
  };
}

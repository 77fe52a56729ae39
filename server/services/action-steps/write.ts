import { and, eq, sql } from 'drizzle-orm';
import type { ActionStep, CreateActionStepInput, UpdateActionStepInput } from '../../../common/schemas/action-steps.ts';
import type { Executor } from '../../db/client.ts';
import { actionStepChecks, actionStepLibrary, actionSteps, frameworkItems, people } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidState } from '../../lib/errors.ts';
import { actionStepAbilities, observationAbilities } from '../../policies/observations.ts';
import { recordAudit } from '../audit.ts';
import { notify } from '../notifications/notify.ts';
import { assertReadable, invalid, isObserverOf, loadObservationRow, personNameSql, type ObservationRow } from '../observations/access.ts';
import { actionStepView } from './load.ts';
import { qualified } from '../../db/qualified.ts';
import { summariesChangedFor } from '../tracker/freshness.ts';

/**
 * POST /api/observations/:id/action-steps: an observer agrees a step with the teacher, from the
 * district library or written fresh. Added to a published observation the teacher is told now;
 * added to a draft, when it is published.
 */
export async function createActionStep(ctx: Ctx, observationId: string, input: CreateActionStepInput): Promise<ActionStep> {
  const observation = await loadObservationRow(ctx, observationId);
  if (!isObserverOf(ctx.actor, observation)) {
    await assertReadable(ctx, observation);
    throw forbidden('Only the observers agree action steps in this observation');
  }
  if (!observationAbilities(ctx.actor, observation).addActionSteps) throw forbidden();
  let { title, practicePrompt, itemId } = input;
  if (input.libraryStepId) {
    const [lib] = await ctx.db
      .select()
      .from(actionStepLibrary)
      .where(
        and(
          eq(actionStepLibrary.id, input.libraryStepId),
          eq(actionStepLibrary.districtId, ctx.actor.districtId),
          eq(actionStepLibrary.active, true),
        ),
      );
    if (!lib) throw invalid('libraryStepId', 'Pick an active step of the district library');
    title ??= lib.title;
    if (practicePrompt === undefined) practicePrompt = lib.practicePrompt;
    if (itemId === undefined) itemId = lib.itemId;
  }
  if (itemId) {
    const [item] = await ctx.db
      .select({ id: frameworkItems.id })
      .from(frameworkItems)
      .where(and(eq(frameworkItems.id, itemId), eq(frameworkItems.districtId, ctx.actor.districtId)));
    if (!item) throw invalid('itemId', 'That competency was not found');
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(actionSteps)
      .values({
        districtId: ctx.actor.districtId,
        personId: observation.observedPersonId,
        observationId,
        libraryStepId: input.libraryStepId ?? null,
        itemId: itemId ?? null,
        title: title!,
        practicePrompt: practicePrompt ?? null,
        dueOn: input.dueOn ?? null,
        createdByPersonId: ctx.actor.personId,
      })
      .returning();
    if (observation.status === 'published') await notifyStepsAssigned(tx, ctx, observation, [row!]);
    await recordAudit(tx, ctx, { action: 'action_step.create', entityType: 'action_step', entityId: row!.id, after: row });
    return row!.id;
  });
  await summariesChangedFor(ctx, [observation.observedPersonId]);
  return actionStepView(ctx, id);
}

/** Tells the teacher about steps agreed with them (in the write's transaction). */
export async function notifyStepsAssigned(
  tx: Executor,
  ctx: Ctx,
  observation: Pick<ObservationRow, 'observedPersonId'>,
  steps: Pick<typeof actionSteps.$inferSelect, 'id' | 'title' | 'dueOn'>[],
  author = ctx.actor.personId,
): Promise<void> {
  const [me] = await tx
    .select({ name: personNameSql(people) })
    .from(people)
    .where(eq(people.id, author));
  const name = me?.name ?? '';
  for (const step of steps) {
    await notify(tx, ctx, {
      personIds: [observation.observedPersonId],
      kind: 'action_step_assigned',
      entityType: 'action_step',
      entityId: step.id,
      params: { title: step.title, due: step.dueOn ?? '-', author: name },
      path: '/observations?tab=received',
    });
  }
}

/** At publish (and revise): the checks this observation recorded move the steps on. */
export async function applyActionStepChecks(tx: Executor, observationId: string): Promise<void> {
  const checked = (result: string) =>
    sql`${qualified(actionSteps.id)} in (select ${qualified(actionStepChecks.actionStepId)} from ${actionStepChecks} where ${qualified(actionStepChecks.observationId)} = ${observationId} and ${qualified(actionStepChecks.result)} = ${result})`;
  const bump = { version: sql`${actionSteps.version} + 1`, updatedAt: new Date() };
  await tx
    .update(actionSteps)
    .set({ ...bump, status: 'mastered', masteredAt: new Date() })
    .where(and(checked('mastered'), sql`${actionSteps.status} <> 'mastered'`));
  await tx
    .update(actionSteps)
    .set({ ...bump, status: 'practicing' })
    .where(and(checked('progressing'), eq(actionSteps.status, 'assigned')));
}

/**
 * PATCH /api/action-steps/:id: status assigned -> practicing -> mastered (the teacher may move it
 * to practicing; marking mastered, moving back from mastered and editing are for supporters).
 */
export async function updateActionStep(ctx: Ctx, id: string, input: UpdateActionStepInput): Promise<ActionStep> {
  const current = await actionStepView(ctx, id);
  const abilities = actionStepAbilities(ctx.actor, {
    districtId: ctx.actor.districtId,
    personId: current.person.id,
    createdByPersonId: current.createdBy?.id ?? null,
  });
  const { version, ...fields } = input;
  const editing = fields.title !== undefined || fields.practicePrompt !== undefined || fields.dueOn !== undefined;
  if (editing && !abilities.edit) throw forbidden('Only those supporting the teacher change the step’s wording or due date');
  if (fields.status && fields.status !== current.status) {
    if ((fields.status === 'mastered' || current.status === 'mastered') && !abilities.markMastered) {
      throw forbidden('Only those supporting the teacher mark a step mastered or reopen it');
    }
    if (!abilities.changeStatus) throw forbidden();
  }
  if (!current.observationPublished && current.person.id === ctx.actor.personId) throw invalidState('This step is not shared yet');
  if (current.version !== version) throw conflict(current);
  const set: Partial<typeof actionSteps.$inferInsert> = { version: version + 1, updatedAt: new Date() };
  if (fields.title !== undefined) set.title = fields.title;
  if (fields.practicePrompt !== undefined) set.practicePrompt = fields.practicePrompt;
  if (fields.dueOn !== undefined) set.dueOn = fields.dueOn;
  if (fields.status !== undefined && fields.status !== current.status) {
    set.status = fields.status;
    set.masteredAt = fields.status === 'mastered' ? new Date() : null;
  }
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(actionSteps)
      .set(set)
      .where(and(eq(actionSteps.id, id), eq(actionSteps.districtId, ctx.actor.districtId), eq(actionSteps.version, version)))
      .returning();
    if (!row) return null;
    await recordAudit(tx, ctx, { action: 'action_step.update', entityType: 'action_step', entityId: id, before: current, after: row });
    return row;
  });
  if (!updated) throw conflict(await actionStepView(ctx, id));
  await summariesChangedFor(ctx, [current.person.id]);
  return actionStepView(ctx, id);
}

/** The observation's own steps (for notifying at publish). */
export async function stepsOfObservation(db: Executor, observationId: string) {
  return db
    .select({ id: actionSteps.id, title: actionSteps.title, dueOn: actionSteps.dueOn })
    .from(actionSteps)
    .where(eq(actionSteps.observationId, observationId));
}

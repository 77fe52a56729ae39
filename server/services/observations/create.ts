import { and, desc, eq } from 'drizzle-orm';
import type { CreateObservationInput, Observation } from '../../../common/schemas/observations.ts';
import { observationTypes, observations, people, roleAssignments } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { canObserveAnyone, canObservePerson, observationPurpose } from '../../policies/observations.ts';
import { recordAudit } from '../audit.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { invalid } from './access.ts';
import { observationView } from './load.ts';
import { roleRubricForPerson } from './role-rubric.ts';

/**
 * POST /api/observations: a draft observation of a teacher in the caller's scope (else 404; callers
 * who observe no one: 403). A scored observation takes the teacher's role rubric and its scale.
 */
export async function createObservation(ctx: Ctx, input: CreateObservationInput): Promise<Observation> {
  const { actor } = ctx;
  if (!canObserveAnyone(actor)) throw forbidden('Only coaches, school leaders, HR and administrators observe');
  const [person] = await ctx.db
    .select({ id: people.id, active: people.active, givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(and(eq(people.id, input.observedPersonId), eq(people.districtId, actor.districtId)));
  if (!person) throw notFound('Person');
  const units = await ctx.db
    .select({ orgUnitId: roleAssignments.orgUnitId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, actor.districtId), eq(roleAssignments.personId, person.id), currentAssignment()))
    .orderBy(desc(roleAssignments.isPrimary));
  const orgUnitIds = units.map((u) => u.orgUnitId);
  const observed = { id: person.id, districtId: actor.districtId, currentOrgUnitIds: orgUnitIds };
  if (!canObservePerson(actor, observed)) throw notFound('Person');

  const [type] = await ctx.db
    .select()
    .from(observationTypes)
    .where(
      and(eq(observationTypes.id, input.typeId), eq(observationTypes.districtId, actor.districtId), eq(observationTypes.active, true)),
    );
  if (!type || type.kind === 'fidelity') throw invalid('typeId', 'Pick one of the district’s active observation types');

  let rubricId: string | null = null;
  let scaleId: string | null = null;
  if (type.kind === 'scored') {
    const rubric = await roleRubricForPerson(ctx.db, actor.districtId, person.id);
    const name = `${person.givenName} ${person.familyName}`;
    if (!rubric) {
      throw invalid(
        'observedPersonId',
        `${name} has no role rubric in the published observation framework, so a scored observation is not possible; use a walkthrough`,
      );
    }
    if (!rubric.scaleId) throw invalid('observedPersonId', `The role rubric for ${name} has no scale to score on`);
    rubricId = rubric.rubricId;
    scaleId = rubric.scaleId;
  }

  const coObserverId = input.coObserverPersonId ?? null;
  if (coObserverId) {
    if (coObserverId === person.id || coObserverId === actor.personId)
      throw invalid('coObserverPersonId', 'The co-observer is someone other than the observer and the teacher');
    const [co] = await ctx.db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, coObserverId), eq(people.districtId, actor.districtId), eq(people.active, true)));
    if (!co) throw invalid('coObserverPersonId', 'The co-observer was not found');
  }

  const orgUnitId = orgUnitIds.find((id) => actor.leaderOrgUnitIds.includes(id)) ?? orgUnitIds[0] ?? null;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(observations)
      .values({
        districtId: actor.districtId,
        typeId: type.id,
        kind: type.kind,
        purpose: observationPurpose(actor, type.kind, observed),
        observedPersonId: person.id,
        observerPersonId: actor.personId,
        coObserverPersonId: coObserverId,
        orgUnitId,
        rubricId,
        scaleId,
        observedOn: input.observedOn,
        scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
        durationMinutes: input.durationMinutes ?? type.defaultDurationMinutes ?? null,
        classLabel: input.classLabel ?? null,
        lookForResults: type.kind === 'walkthrough' ? type.lookFors.map((lookFor) => ({ lookFor, seen: null, comment: null })) : [],
        updatedByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'observation.create', entityType: 'observation', entityId: row!.id, after: row });
    return row!.id;
  });
  return observationView(ctx, id);
}

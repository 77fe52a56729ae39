import { and, asc, count, eq, exists, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { schoolYearOf } from '../../../common/schemas/settings.ts';
import type { BulkEvaluatorInput, EvaluatorListQuery, PersonEvaluator, SetEvaluatorInput } from '../../../common/schemas/evaluators.ts';
import type { Executor } from '../../db/client.ts';
import { evaluatorAssignments, people, roleAssignments } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { canAssignEvaluators } from '../../policies/placements.ts';
import { recordAudit } from '../audit.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { districtToday } from '../coaching/refs.ts';
import { loadReadablePerson } from '../people/load.ts';
import { computedEvaluators, nameOf, type PersonRef } from './computed.ts';

type PersonRow = { id: string; givenName: string; familyName: string; preferredName: string | null };

/** The school year asked for, else the one today falls in (in the district's zone). */
async function yearOf(ctx: Ctx, schoolYear: string | undefined): Promise<string> {
  return schoolYear ?? schoolYearOf((await districtToday(ctx.db, ctx.actor.districtId)).today);
}

/** Each person's evaluator for the year: HR's choice where there is one, else the computed default. */
async function present(ctx: Ctx, db: Executor, rows: PersonRow[], schoolYear: string): Promise<PersonEvaluator[]> {
  const ids = rows.map((r) => r.id);
  const computed = await computedEvaluators(db, ctx.actor.districtId, ids);
  const assigned = ids.length
    ? await db
        .select({
          a: evaluatorAssignments,
          evaluator: { id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName },
        })
        .from(evaluatorAssignments)
        .leftJoin(people, eq(people.id, evaluatorAssignments.evaluatorPersonId))
        .where(
          and(
            eq(evaluatorAssignments.districtId, ctx.actor.districtId),
            eq(evaluatorAssignments.schoolYear, schoolYear),
            inArray(evaluatorAssignments.personId, ids),
          ),
        )
    : [];
  const byPerson = new Map(assigned.map((r) => [r.a.personId, r]));
  return rows.map((p) => {
    const c = computed.get(p.id)!;
    const row = byPerson.get(p.id);
    const chosen: PersonRef | null = row?.evaluator?.id ? { id: row.evaluator.id, name: nameOf(row.evaluator) } : null;
    const evaluator = chosen ?? c.evaluator;
    return {
      personId: p.id,
      personName: nameOf(p),
      schoolYear,
      evaluator,
      source: chosen ? 'assigned' : evaluator ? 'computed' : 'none',
      computed: c.evaluator,
      assignment: row ? { id: row.a.id, version: row.a.version } : null,
      primaryOrgUnitName: c.primaryOrgUnitName,
      abilities: { assign: canAssignEvaluators(ctx.actor) },
    };
  });
}

/** A person's primary evaluator for a school year, for whoever may read the person. */
export async function personEvaluator(ctx: Ctx, personId: string, schoolYear?: string, db: Executor = ctx.db): Promise<PersonEvaluator> {
  const { person } = await loadReadablePerson(ctx, personId, db);
  const [view] = await present(ctx, db, [person], await yearOf(ctx, schoolYear));
  return view!;
}

/** An active person of the caller's district who may evaluate (404 otherwise). */
async function loadEvaluator(ctx: Ctx, id: string): Promise<PersonRow> {
  const [row] = await ctx.db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName })
    .from(people)
    .where(and(eq(people.id, id), eq(people.districtId, ctx.actor.districtId), eq(people.active, true)));
  if (!row) throw notFound('Evaluator');
  return row;
}

const notSelf = () => new AppError('validation_failed', 'Nobody evaluates themselves', [{ path: 'evaluatorPersonId', message: 'self' }]);

/**
 * HR chooses (or, with null, clears back to the computed default) a person's evaluator for a year.
 * `version` is that of HR's row the caller saw (null: none yet); another answers 409 with the current.
 */
export async function setEvaluator(ctx: Ctx, personId: string, input: z.infer<typeof SetEvaluatorInput>) {
  await loadReadablePerson(ctx, personId);
  if (!canAssignEvaluators(ctx.actor)) throw forbidden();
  if (input.evaluatorPersonId === personId) throw notSelf();
  if (input.evaluatorPersonId) await loadEvaluator(ctx, input.evaluatorPersonId);
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(evaluatorAssignments)
      .where(
        and(
          eq(evaluatorAssignments.districtId, ctx.actor.districtId),
          eq(evaluatorAssignments.personId, personId),
          eq(evaluatorAssignments.schoolYear, input.schoolYear),
        ),
      );
    if ((current?.version ?? null) !== input.version) throw conflict(await personEvaluator(ctx, personId, input.schoolYear, tx));
    const [after] = current
      ? await tx
          .update(evaluatorAssignments)
          .set({ evaluatorPersonId: input.evaluatorPersonId, version: current.version + 1, updatedAt: new Date() })
          .where(and(eq(evaluatorAssignments.id, current.id), eq(evaluatorAssignments.version, current.version)))
          .returning()
      : await tx
          .insert(evaluatorAssignments)
          .values({ districtId: ctx.actor.districtId, personId, schoolYear: input.schoolYear, evaluatorPersonId: input.evaluatorPersonId })
          .returning();
    if (!after) throw conflict(await personEvaluator(ctx, personId, input.schoolYear, tx));
    await recordAudit(tx, ctx, { action: 'evaluator.set', entityType: 'person', entityId: personId, before: current ?? null, after });
  });
  return personEvaluator(ctx, personId, input.schoolYear);
}

/** People with a current role in the unit (or everyone active), by name: HR's evaluators screen. */
export async function listEvaluators(ctx: Ctx, q: z.infer<typeof EvaluatorListQuery>) {
  if (!canAssignEvaluators(ctx.actor)) throw forbidden();
  const schoolYear = await yearOf(ctx, q.schoolYear);
  const inUnit = q.orgUnitId
    ? exists(
        ctx.db
          .select({ one: sql`1` })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.personId, people.id), eq(roleAssignments.orgUnitId, q.orgUnitId), currentAssignment())),
      )
    : undefined;
  const where = and(eq(people.districtId, ctx.actor.districtId), eq(people.active, true), inUnit);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName })
      .from(people)
      .where(where)
      .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(people).where(where),
  ]);
  return { schoolYear, items: await present(ctx, ctx.db, rows, schoolYear), total: total?.n ?? 0 };
}

/** One evaluator for many people in a year (HR's multi-select); people already so assigned are unchanged. */
export async function bulkAssignEvaluator(ctx: Ctx, input: z.infer<typeof BulkEvaluatorInput>) {
  if (!canAssignEvaluators(ctx.actor)) throw forbidden();
  const ids = [...new Set(input.personIds)];
  if (ids.includes(input.evaluatorPersonId)) throw notSelf();
  await loadEvaluator(ctx, input.evaluatorPersonId);
  const found = await ctx.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.districtId, ctx.actor.districtId), eq(people.active, true), inArray(people.id, ids)));
  if (found.length !== ids.length) throw notFound('Person');
  return ctx.db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(evaluatorAssignments)
      .where(
        and(
          eq(evaluatorAssignments.districtId, ctx.actor.districtId),
          eq(evaluatorAssignments.schoolYear, input.schoolYear),
          inArray(evaluatorAssignments.personId, ids),
        ),
      );
    const byPerson = new Map(existing.map((e) => [e.personId, e]));
    const changed = ids.filter((id) => byPerson.get(id)?.evaluatorPersonId !== input.evaluatorPersonId);
    if (changed.length > 0) {
      await tx
        .insert(evaluatorAssignments)
        .values(
          changed.map((personId) => ({
            districtId: ctx.actor.districtId,
            personId,
            schoolYear: input.schoolYear,
            evaluatorPersonId: input.evaluatorPersonId,
          })),
        )
        .onConflictDoUpdate({
          target: [evaluatorAssignments.districtId, evaluatorAssignments.personId, evaluatorAssignments.schoolYear],
          set: { evaluatorPersonId: input.evaluatorPersonId, version: sql`${evaluatorAssignments.version} + 1`, updatedAt: new Date() },
        });
      await recordAudit(tx, ctx, {
        action: 'evaluator.bulk_set',
        entityType: 'person',
        entityId: input.evaluatorPersonId,
        before: { assignments: changed.map((id) => ({ personId: id, evaluatorPersonId: byPerson.get(id)?.evaluatorPersonId ?? null })) },
        after: { schoolYear: input.schoolYear, evaluatorPersonId: input.evaluatorPersonId, personIds: changed },
      });
    }
    return { assigned: changed.length, unchanged: ids.length - changed.length };
  });
}

import { and, eq, exists, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { observations, roleAssignments } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { canReadObservation } from '../../policies/observations.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { currentOrgUnitsOf } from './role-rubric.ts';
import { qualified } from '../../db/qualified.ts';
import { canReadFidelityObservation } from '../fidelity/access.ts';

/** 400 `validation_failed` naming the field. */
export const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

export type ObservationRow = typeof observations.$inferSelect;

/** "Given (or preferred) Family" of a people table (or alias) in SQL. */
export const personNameSql = (p: { preferredName: unknown; givenName: unknown; familyName: unknown }) =>
  sql<string>`coalesce(${p.preferredName}, ${p.givenName}) || ' ' || ${p.familyName}`;

export const isObserverOf = (actor: Actor, row: Pick<ObservationRow, 'observerPersonId' | 'coObserverPersonId'>) =>
  row.observerPersonId === actor.personId || row.coObserverPersonId === actor.personId;

/** The observation row in the caller's district, else 404 (no read check). */
export async function loadObservationRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<ObservationRow> {
  const [row] = await db
    .select()
    .from(observations)
    .where(and(eq(observations.id, id), eq(observations.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Observation');
  return row;
}

/** The observed teacher's current org units (for the school leaders' scope). */
export async function observedOrgUnitIds(db: Executor, districtId: string, personId: string): Promise<string[]> {
  return (await currentOrgUnitsOf(db, districtId, [personId])).get(personId) ?? [];
}

/** 404 unless the caller may read the observation (observers need no further lookup). */
export async function assertReadable(ctx: Ctx, row: ObservationRow, db: Executor = ctx.db): Promise<void> {
  if (row.districtId === ctx.actor.districtId && isObserverOf(ctx.actor, row)) return;
  // Fidelity is not evaluation: a fidelity check follows policies/fidelity.ts, not the evaluation rules.
  if (row.kind === 'fidelity') {
    if (!(await canReadFidelityObservation(db, ctx.actor, row))) throw notFound('Observation');
    return;
  }
  const units = await observedOrgUnitIds(db, ctx.actor.districtId, row.observedPersonId);
  if (!canReadObservation(ctx.actor, row, units)) throw notFound('Observation');
}

/** Loads the observation and checks the caller may read it (else 404). */
export async function loadReadableObservation(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<ObservationRow> {
  const row = await loadObservationRow(ctx, id, db);
  await assertReadable(ctx, row, db);
  return row;
}

/**
 * The SQL form of policies/observations.ts canReadObservation, for lists: observers see their own
 * (drafts too); published ones are seen by the teacher, HR and admins, the leaders of the school the
 * observation was in or of the teacher's current schools, and caseload coaches (development only).
 */
export function readableObservationsWhere(actor: Actor): SQL {
  const mine = or(eq(observations.observerPersonId, actor.personId), eq(observations.coObserverPersonId, actor.personId))!;
  const published: SQL[] = [eq(observations.observedPersonId, actor.personId)];
  if (isHrOrAdmin(actor)) published.push(sql`true`);
  if (actor.leaderOrgUnitIds.length > 0) {
    // Leaders read their teachers' fidelity checks only on the fidelity pages, and only where the initiative allows it.
    const notFidelity = ne(observations.kind, 'fidelity');
    published.push(and(notFidelity, inArray(observations.orgUnitId, actor.leaderOrgUnitIds))!);
    published.push(
      and(
        notFidelity,
        exists(
          sql`(select 1 from ${roleAssignments} where ${qualified(roleAssignments.personId)} = ${qualified(observations.observedPersonId)}
          and ${inArray(roleAssignments.orgUnitId, actor.leaderOrgUnitIds)} and ${currentAssignment()})`,
        ),
      )!,
    );
  }
  if (actor.caseloadPersonIds.length > 0) {
    published.push(and(eq(observations.purpose, 'development'), inArray(observations.observedPersonId, actor.caseloadPersonIds))!);
  }
  return and(eq(observations.districtId, actor.districtId), or(mine, and(eq(observations.status, 'published'), or(...published))))!;
}

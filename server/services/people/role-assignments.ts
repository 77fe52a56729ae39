import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateRoleAssignmentInput } from '../../../common/schemas/people.ts';
import { orgUnits, roleAssignments } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { personAbilities } from '../../policies/people.ts';
import { recordAudit } from '../audit.ts';
import { loadReadablePerson, personView } from './load.ts';

/** Gives a person a dated role in an org unit of the same district. */
export async function addRoleAssignment(ctx: Ctx, personId: string, input: z.infer<typeof CreateRoleAssignmentInput>) {
  const { adminGrant } = await loadReadablePerson(ctx, personId);
  if (!personAbilities(ctx.actor, { adminGrant }).manageRoles) throw forbidden();
  if (input.beginDate && input.endDate && input.endDate < input.beginDate) {
    throw new AppError('validation_failed', 'The end date is before the begin date', [{ path: 'endDate', message: 'before beginDate' }]);
  }
  const [unit] = await ctx.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.orgUnitId), eq(orgUnits.districtId, ctx.actor.districtId)));
  if (!unit) throw notFound('Org unit');
  await ctx.db.transaction(async (tx) => {
    if (input.isPrimary) {
      await tx
        .update(roleAssignments)
        .set({ isPrimary: false, updatedAt: new Date() })
        .where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.districtId, ctx.actor.districtId)));
    }
    const [row] = await tx
      .insert(roleAssignments)
      .values({ ...input, personId, districtId: ctx.actor.districtId, beginDate: input.beginDate ?? null, endDate: input.endDate ?? null })
      .returning();
    await recordAudit(tx, ctx, { action: 'role_assignment.create', entityType: 'role_assignment', entityId: row!.id, after: row });
  });
  return personView(ctx, personId);
}

/** Ends a role on a date; the assignment stays as history. */
export async function endRoleAssignment(ctx: Ctx, personId: string, assignmentId: string, endDate: string) {
  const { adminGrant } = await loadReadablePerson(ctx, personId);
  if (!personAbilities(ctx.actor, { adminGrant }).manageRoles) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.id, assignmentId),
          eq(roleAssignments.personId, personId),
          eq(roleAssignments.districtId, ctx.actor.districtId),
        ),
      );
    if (!current) throw notFound('Role assignment');
    if (current.beginDate && endDate < current.beginDate) {
      throw new AppError('validation_failed', 'The end date is before the begin date', [{ path: 'endDate', message: 'before beginDate' }]);
    }
    const [updated] = await tx
      .update(roleAssignments)
      .set({ endDate, updatedAt: new Date() })
      .where(eq(roleAssignments.id, assignmentId))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'role_assignment.end',
      entityType: 'role_assignment',
      entityId: assignmentId,
      before: current,
      after: updated,
    });
  });
  return personView(ctx, personId);
}

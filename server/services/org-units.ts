import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { CreateOrgUnitInput, OrgUnitListQuery, UpdateOrgUnitInput } from '../../common/schemas/org-units.ts';
import { orgUnits, roleAssignments } from '../db/schema/index.ts';
import type { Executor } from '../db/client.ts';
import type { Ctx } from '../lib/context.ts';
import { AppError, conflict, forbidden, notFound } from '../lib/errors.ts';
import { canCreateOrgUnit, orgUnitAbilities } from '../policies/org-units.ts';
import { presentOrgUnit } from '../presenters/org-units.ts';
import { recordAudit } from './audit.ts';
import { currentAssignment } from './auth/current-assignment.ts';
import { qualified } from '../db/qualified.ts';

const parent = alias(orgUnits, 'parent');
const staffCount = sql<number>`(select count(distinct ${qualified(roleAssignments.personId)}) from ${roleAssignments}
  where ${qualified(roleAssignments.orgUnitId)} = ${qualified(orgUnits.id)} and ${currentAssignment()})`.mapWith(Number);

function selectUnits(db: Executor) {
  return db
    .select({ unit: orgUnits, parentName: parent.name, staffCount })
    .from(orgUnits)
    .leftJoin(parent, eq(parent.id, orgUnits.parentId));
}

/** The district's org units (everyone in the district reads them). */
export async function listOrgUnits(ctx: Ctx, q: z.infer<typeof OrgUnitListQuery>) {
  const where: SQL[] = [eq(orgUnits.districtId, ctx.actor.districtId)];
  if (q.type) where.push(eq(orgUnits.type, q.type));
  if (q.active !== 'all') where.push(eq(orgUnits.active, q.active === 'true'));
  if (q.q) where.push(or(ilike(orgUnits.name, `%${q.q}%`), ilike(orgUnits.identifier, `%${q.q}%`))!);
  const rows = await selectUnits(ctx.db)
    .where(and(...where))
    .orderBy(asc(orgUnits.name), asc(orgUnits.id))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(orgUnits)
    .where(and(...where));
  return { items: rows.map((r) => presentOrgUnit(ctx.actor, r)), total: total?.n ?? 0 };
}

export async function getOrgUnit(ctx: Ctx, id: string, db: Executor = ctx.db) {
  const [row] = await selectUnits(db).where(and(eq(orgUnits.id, id), eq(orgUnits.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Org unit');
  return row;
}

async function checkParent(ctx: Ctx, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId)
    throw new AppError('validation_failed', 'A unit cannot be its own parent', [{ path: 'parentId', message: 'self' }]);
  await getOrgUnit(ctx, parentId);
}

export async function createOrgUnit(ctx: Ctx, input: z.infer<typeof CreateOrgUnitInput>) {
  if (!canCreateOrgUnit(ctx.actor)) throw forbidden();
  await checkParent(ctx, input.parentId);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(orgUnits)
      .values({ ...input, districtId: ctx.actor.districtId })
      .returning();
    await recordAudit(tx, ctx, { action: 'org_unit.create', entityType: 'org_unit', entityId: row!.id, after: row });
    return row!.id;
  });
  return presentOrgUnit(ctx.actor, await getOrgUnit(ctx, id));
}

/** Edits or (de)activates a unit when `version` is current, else 409 with the current unit. */
export async function changeOrgUnit(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof UpdateOrgUnitInput> | { version: number; active: boolean },
) {
  const current = await getOrgUnit(ctx, id);
  if (!orgUnitAbilities(ctx.actor).update) throw forbidden();
  if (current.unit.version !== input.version) throw conflict(presentOrgUnit(ctx.actor, current));
  const { version, ...fields } = input;
  if ('parentId' in fields) await checkParent(ctx, fields.parentId, id);
  const action = 'active' in fields ? (fields.active ? 'org_unit.reactivate' : 'org_unit.deactivate') : 'org_unit.update';
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(orgUnits)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(orgUnits.id, id), eq(orgUnits.districtId, ctx.actor.districtId), eq(orgUnits.version, version)))
      .returning();
    if (!updated) throw conflict(presentOrgUnit(ctx.actor, await getOrgUnit(ctx, id, tx)));
    await recordAudit(tx, ctx, { action, entityType: 'org_unit', entityId: id, before: current.unit, after: updated });
  });
  return presentOrgUnit(ctx.actor, await getOrgUnit(ctx, id));
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { frameworkItems, initiatives, initiativeSchools, orgUnits } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { invalidField, notFound } from '../../lib/errors.ts';
import { canReadInitiative } from '../../policies/implementation.ts';

export type InitiativeRow = typeof initiatives.$inferSelect;

/**
 * The initiative in the caller's district that the caller may read, else 404. Every initiative
 * route starts here (a guest reaches only its own initiative).
 */
export async function loadInitiative(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<InitiativeRow> {
  const [row] = await db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.id, id), eq(initiatives.districtId, ctx.actor.districtId)));
  if (!row || !canReadInitiative(ctx.actor, row)) throw notFound('Initiative');
  return row;
}

/**
 * Checks that every id names an essential component of the initiative's practice profile (an item
 * of its profile version); a 400 naming `field` otherwise. Returns the ids.
 */
export async function assertProfileItems(ctx: Ctx, initiative: InitiativeRow, ids: string[], field: string, db: Executor = ctx.db) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return wanted;
  if (!initiative.profileVersionId) throw invalidField(field, 'the initiative has no practice profile yet');
  const found = await db
    .select({ id: frameworkItems.id })
    .from(frameworkItems)
    .where(
      and(
        eq(frameworkItems.districtId, ctx.actor.districtId),
        eq(frameworkItems.versionId, initiative.profileVersionId),
        inArray(frameworkItems.id, wanted),
      ),
    );
  if (found.length !== wanted.length) throw invalidField(field, "not a component of this initiative's practice profile");
  return wanted;
}

/**
 * Checks that each org unit is a school the initiative covers, or the district's own org unit (the
 * district-level stage and team); a 400 naming `field` otherwise.
 */
export async function assertInitiativeOrgUnits(ctx: Ctx, initiative: InitiativeRow, ids: string[], field: string, db: Executor = ctx.db) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return wanted;
  const covered = await db
    .select({ id: initiativeSchools.orgUnitId })
    .from(initiativeSchools)
    .where(and(eq(initiativeSchools.initiativeId, initiative.id), inArray(initiativeSchools.orgUnitId, wanted)));
  const districtUnits = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, ctx.actor.districtId), eq(orgUnits.type, 'district'), inArray(orgUnits.id, wanted)));
  const ok = new Set([...covered, ...districtUnits].map((r) => r.id));
  if (wanted.some((id) => !ok.has(id))) throw invalidField(field, 'not a school this initiative covers');
  return wanted;
}

import { and, asc, eq, sql } from 'drizzle-orm';
import type { CreateInitiativeInput, UpdateInitiativeInput } from '../../../../common/schemas/initiatives.ts';
import type { Executor } from '../../../db/client.ts';
import { qualified } from '../../../db/qualified.ts';
import { frameworkVersions, initiatives, initiativeSchools, rubrics } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, invalidField } from '../../../lib/errors.ts';
import { canManageInitiatives } from '../../../policies/implementation.ts';
import { recordAudit } from '../../audit.ts';
import { loadInitiative } from '../initiative.ts';
import { presentInitiative } from './present.ts';

/** 403 unless the actor manages initiatives (HR and district admins, never a guest). */
export function requireInitiativeManager(ctx: Ctx) {
  if (!canManageInitiatives(ctx.actor)) throw forbidden();
}

/** The initiative for a write: readable (else 404), the actor a manager (else 403). */
export async function loadForManage(ctx: Ctx, id: string, db: Executor = ctx.db) {
  const row = await loadInitiative(ctx, id, db);
  requireInitiativeManager(ctx);
  return row;
}

/**
 * Checks the practice profile and fidelity tool: the profile is a framework version of the
 * district; the tool is a rubric of that version or of a later version of the same framework (a
 * vendor revision). Each failure is a 400 naming its field.
 */
async function checkProfile(ctx: Ctx, input: Pick<CreateInitiativeInput, 'profileVersionId' | 'fidelityRubricId'>) {
  const districtId = ctx.actor.districtId;
  if (!input.profileVersionId) {
    if (input.fidelityRubricId) throw invalidField('fidelityRubricId', 'choose the practice profile first');
    return;
  }
  const [profile] = await ctx.db
    .select({ frameworkId: frameworkVersions.frameworkId, versionNumber: frameworkVersions.versionNumber })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.id, input.profileVersionId), eq(frameworkVersions.districtId, districtId)));
  if (!profile) throw invalidField('profileVersionId', 'not a framework version of this district');
  if (!input.fidelityRubricId) return;
  const [tool] = await ctx.db
    .select({ frameworkId: frameworkVersions.frameworkId, versionNumber: frameworkVersions.versionNumber })
    .from(rubrics)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, rubrics.versionId))
    .where(and(eq(rubrics.id, input.fidelityRubricId), eq(rubrics.districtId, districtId)));
  if (!tool || tool.frameworkId !== profile.frameworkId || tool.versionNumber < profile.versionNumber)
    throw invalidField('fidelityRubricId', 'not a rubric of the practice profile or of a later version of it');
}

const fields = (input: CreateInitiativeInput) => ({
  name: input.name,
  purpose: input.purpose,
  need: input.need,
  profileVersionId: input.profileVersionId,
  fidelityRubricId: input.fidelityRubricId,
  coveredRoles: [...new Set(input.coveredRoles)],
  partnerName: input.partnerName || null,
  fidelityThresholdPct: input.fidelityThresholdPct,
  fullImplementationPct: input.fullImplementationPct,
  principalsSeeIndividualFidelity: input.principalsSeeIndividualFidelity,
  status: input.status,
});

/** Initiatives of the district by name (a guest: only its own), with how many schools each covers. */
export async function listInitiatives(ctx: Ctx) {
  const guestOf = ctx.actor.guestInitiativeId;
  const rows = await ctx.db
    .select({
      id: initiatives.id,
      name: initiatives.name,
      status: initiatives.status,
      partnerName: initiatives.partnerName,
      version: initiatives.version,
      schoolCount: sql<number>`(select count(*) from ${initiativeSchools}
        where ${qualified(initiativeSchools.initiativeId)} = ${qualified(initiatives.id)})`.mapWith(Number),
    })
    .from(initiatives)
    .where(and(eq(initiatives.districtId, ctx.actor.districtId), guestOf ? eq(initiatives.id, guestOf) : undefined))
    .orderBy(asc(initiatives.status), asc(initiatives.name));
  return {
    items: rows.map((r) => ({ ...r, status: r.status as 'active' | 'archived' })),
    abilities: { create: canManageInitiatives(ctx.actor) },
  };
}

export async function getInitiative(ctx: Ctx, id: string) {
  return presentInitiative(ctx, await loadInitiative(ctx, id));
}

export async function createInitiative(ctx: Ctx, input: CreateInitiativeInput) {
  requireInitiativeManager(ctx);
  await checkProfile(ctx, input);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(initiatives)
      .values({ districtId: ctx.actor.districtId, ...fields(input), createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, { action: 'initiative.create', entityType: 'initiative', entityId: created!.id, after: created });
    return created!;
  });
  return presentInitiative(ctx, row);
}

/** Changes the details; 409 with the current initiative when `version` is not the one stored. */
export async function updateInitiative(ctx: Ctx, id: string, input: UpdateInitiativeInput) {
  const before = await loadForManage(ctx, id);
  if (before.version !== input.version) throw conflict(await presentInitiative(ctx, before));
  await checkProfile(ctx, input);
  const row = await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(initiatives)
      .set({ ...fields(input), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(initiatives.id, id), eq(initiatives.version, input.version)))
      .returning();
    if (!after) return null;
    await recordAudit(tx, ctx, { action: 'initiative.update', entityType: 'initiative', entityId: id, before, after });
    return after;
  });
  if (!row) throw conflict(await presentInitiative(ctx, await loadInitiative(ctx, id)));
  return presentInitiative(ctx, row);
}

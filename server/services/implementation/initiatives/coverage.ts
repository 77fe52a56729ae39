import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CoverageInput, RemoveCoverageInput } from '../../../../common/schemas/initiatives.ts';
import { initiativeSchools, initiativeWaves, orgUnits } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { invalidField } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit.ts';
import { markDashboardStale } from '../../dashboards/freshness.ts';
import { loadInitiative } from '../initiative.ts';
import { loadForManage } from './initiatives.ts';
import { presentInitiative } from './present.ts';

/** 400 naming `orgUnitIds.<i>` unless every id is a school of the caller's district. */
async function assertDistrictSchools(ctx: Ctx, ids: string[]) {
  const schools = await ctx.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, ctx.actor.districtId), eq(orgUnits.type, 'school'), inArray(orgUnits.id, [...new Set(ids)])));
  const known = new Set(schools.map((s) => s.id));
  const bad = ids.findIndex((orgUnitId) => !known.has(orgUnitId));
  if (bad >= 0) throw invalidField(`orgUnitIds.${bad}`, 'not a school of this district');
}

/**
 * Covers schools in bulk, each in `waveId` (null: no wave yet); a school already covered moves to
 * that wave. Every id must be a school of the district (400 naming `orgUnitIds.<i>`), the wave one
 * of this initiative (400 naming `waveId`). Nothing is written unless every id passes.
 */
export async function addSchools(ctx: Ctx, id: string, input: z.infer<typeof CoverageInput>) {
  const initiative = await loadForManage(ctx, id);
  const wanted = [...new Set(input.orgUnitIds)];
  await assertDistrictSchools(ctx, input.orgUnitIds);
  if (input.waveId) {
    const [wave] = await ctx.db
      .select({ id: initiativeWaves.id })
      .from(initiativeWaves)
      .where(and(eq(initiativeWaves.id, input.waveId), eq(initiativeWaves.initiativeId, initiative.id)));
    if (!wave) throw invalidField('waveId', 'not a wave of this initiative');
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(initiativeSchools)
      .values(
        wanted.map((orgUnitId) => ({ districtId: ctx.actor.districtId, initiativeId: initiative.id, orgUnitId, waveId: input.waveId })),
      )
      .onConflictDoUpdate({
        target: [initiativeSchools.initiativeId, initiativeSchools.orgUnitId],
        set: { waveId: sql`excluded.wave_id`, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx, {
      action: 'initiative.cover_schools',
      entityType: 'initiative',
      entityId: initiative.id,
      after: { orgUnitIds: wanted, waveId: input.waveId },
    });
    await markDashboardStale(tx, ctx.actor.districtId, [initiative.id]);
  });
  return presentInitiative(ctx, await loadInitiative(ctx, id));
}

/**
 * Stops covering schools. Every id must be a school of the district (400 naming `orgUnitIds.<i>`);
 * one the initiative does not cover is ignored, so removing twice is a no-op.
 */
export async function removeSchools(ctx: Ctx, id: string, input: z.infer<typeof RemoveCoverageInput>) {
  const initiative = await loadForManage(ctx, id);
  await assertDistrictSchools(ctx, input.orgUnitIds);
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(initiativeSchools)
      .where(and(eq(initiativeSchools.initiativeId, initiative.id), inArray(initiativeSchools.orgUnitId, input.orgUnitIds)))
      .returning();
    if (removed.length === 0) return;
    await recordAudit(tx, ctx, {
      action: 'initiative.uncover_schools',
      entityType: 'initiative',
      entityId: initiative.id,
      before: { schools: removed.map((r) => ({ orgUnitId: r.orgUnitId, waveId: r.waveId })) },
    });
    await markDashboardStale(tx, ctx.actor.districtId, [initiative.id]);
  });
  return presentInitiative(ctx, await loadInitiative(ctx, id));
}

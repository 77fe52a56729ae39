import { and, asc, eq, gte, lte, ne } from 'drizzle-orm';
import { INITIATIVE_LIMITS } from '../../../../common/implementation.ts';
import type { WaveInput } from '../../../../common/schemas/initiatives.ts';
import type { Executor } from '../../../db/client.ts';
import { initiativeSchools, initiativeWaves } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, invalidField, invalidState, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit.ts';
import { loadForManage } from './initiatives.ts';
import { presentWave } from './present.ts';

type WaveRow = typeof initiativeWaves.$inferSelect;

/** The wave of this initiative, else 404. */
async function loadWave(ctx: Ctx, initiativeId: string, waveId: string, db: Executor = ctx.db): Promise<WaveRow> {
  const [row] = await db
    .select()
    .from(initiativeWaves)
    .where(and(eq(initiativeWaves.id, waveId), eq(initiativeWaves.initiativeId, initiativeId)));
  if (!row) throw notFound('Wave');
  return row;
}

/** 400 naming `startsOn` and the wave whose dates these overlap (waves of one initiative never overlap). */
async function assertNoOverlap(tx: Executor, initiativeId: string, input: WaveInput, exceptId?: string) {
  const [other] = await tx
    .select({ name: initiativeWaves.name, startsOn: initiativeWaves.startsOn, endsOn: initiativeWaves.endsOn })
    .from(initiativeWaves)
    .where(
      and(
        eq(initiativeWaves.initiativeId, initiativeId),
        lte(initiativeWaves.startsOn, input.endsOn),
        gte(initiativeWaves.endsOn, input.startsOn),
        exceptId ? ne(initiativeWaves.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (other) throw invalidField('startsOn', `overlaps the wave "${other.name}" (${other.startsOn} to ${other.endsOn})`);
}

/** Numbers the waves 1, 2, 3... in date order (the pilot first). */
async function renumber(tx: Executor, initiativeId: string) {
  const rows = await tx
    .select({ id: initiativeWaves.id, position: initiativeWaves.position })
    .from(initiativeWaves)
    .where(eq(initiativeWaves.initiativeId, initiativeId))
    .orderBy(asc(initiativeWaves.startsOn));
  for (const [i, r] of rows.entries()) {
    if (r.position !== i + 1)
      await tx
        .update(initiativeWaves)
        .set({ position: i + 1 })
        .where(eq(initiativeWaves.id, r.id));
  }
}

export async function createWave(ctx: Ctx, initiativeId: string, input: WaveInput) {
  const initiative = await loadForManage(ctx, initiativeId);
  const row = await ctx.db.transaction(async (tx) => {
    const count = await tx.$count(initiativeWaves, eq(initiativeWaves.initiativeId, initiative.id));
    if (count >= INITIATIVE_LIMITS.waves) throw invalidState(`An initiative has at most ${INITIATIVE_LIMITS.waves} waves`);
    await assertNoOverlap(tx, initiative.id, input);
    const [created] = await tx
      .insert(initiativeWaves)
      .values({ districtId: ctx.actor.districtId, initiativeId: initiative.id, position: count + 1, ...pick(input) })
      .returning();
    await renumber(tx, initiative.id);
    await recordAudit(tx, ctx, { action: 'initiative_wave.create', entityType: 'initiative_wave', entityId: created!.id, after: created });
    return (await loadWave(ctx, initiative.id, created!.id, tx))!;
  });
  return presentWave(row);
}

const pick = (input: WaveInput) => ({ name: input.name, startsOn: input.startsOn, endsOn: input.endsOn });

/** Changes a wave; 409 with the current wave on a stale `version`. */
export async function updateWave(ctx: Ctx, initiativeId: string, waveId: string, input: WaveInput & { version: number }) {
  const initiative = await loadForManage(ctx, initiativeId);
  const before = await loadWave(ctx, initiative.id, waveId);
  if (before.version !== input.version) throw conflict(presentWave(before));
  const row = await ctx.db.transaction(async (tx) => {
    await assertNoOverlap(tx, initiative.id, input, waveId);
    const [after] = await tx
      .update(initiativeWaves)
      .set({ ...pick(input), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(initiativeWaves.id, waveId), eq(initiativeWaves.version, input.version)))
      .returning();
    if (!after) return null;
    await renumber(tx, initiative.id);
    await recordAudit(tx, ctx, { action: 'initiative_wave.update', entityType: 'initiative_wave', entityId: waveId, before, after });
    return loadWave(ctx, initiative.id, waveId, tx);
  });
  if (!row) throw conflict(presentWave(await loadWave(ctx, initiative.id, waveId)));
  return presentWave(row);
}

/** Removes a wave; its schools stay covered, without a wave. */
export async function deleteWave(ctx: Ctx, initiativeId: string, waveId: string) {
  const initiative = await loadForManage(ctx, initiativeId);
  const before = await loadWave(ctx, initiative.id, waveId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(initiativeSchools)
      .set({ waveId: null, updatedAt: new Date() })
      .where(and(eq(initiativeSchools.initiativeId, initiative.id), eq(initiativeSchools.waveId, waveId)));
    await tx.delete(initiativeWaves).where(eq(initiativeWaves.id, waveId));
    await renumber(tx, initiative.id);
    await recordAudit(tx, ctx, { action: 'initiative_wave.delete', entityType: 'initiative_wave', entityId: waveId, before });
  });
}

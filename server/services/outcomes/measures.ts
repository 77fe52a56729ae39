import { and, asc, eq, inArray } from 'drizzle-orm';
import type { OutcomeMeasure, OutcomeMeasureInput, OutcomeMeasureList, OutcomeMeasureUpdate } from '../../../common/schemas/outcomes.ts';
import type { Executor } from '../../db/client.ts';
import { initiativeMeasures, initiatives, outcomeMeasures } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, invalidField, notFound } from '../../lib/errors.ts';
import { canManageOutcomes, canReadMeasures } from '../../policies/outcomes.ts';
import { recordAudit } from '../audit.ts';
import { dashboardScope } from '../dashboards/scope.ts';
import { refreshDistrictOutcomes } from '../dashboards/summary.ts';
import { loadOutcomeSettings, requireManageOutcomes } from './access.ts';

type MeasureRow = typeof outcomeMeasures.$inferSelect;

/** Measures of the district with the initiatives watching each, by key. */
async function presentMeasures(db: Executor, districtId: string, rows: MeasureRow[]): Promise<OutcomeMeasure[]> {
  const links = rows.length
    ? await db
        .select({ measureId: initiativeMeasures.measureId, initiativeId: initiativeMeasures.initiativeId })
        .from(initiativeMeasures)
        .where(
          and(
            eq(initiativeMeasures.districtId, districtId),
            inArray(
              initiativeMeasures.measureId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    unit: r.unit,
    higherIsBetter: r.higherIsBetter,
    description: r.description,
    version: r.version,
    initiativeIds: links.filter((l) => l.measureId === r.id).map((l) => l.initiativeId),
  }));
}

/** A measure of the caller's district, else 404. */
export async function loadMeasure(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<MeasureRow> {
  const [row] = await db
    .select()
    .from(outcomeMeasures)
    .where(and(eq(outcomeMeasures.id, id), eq(outcomeMeasures.districtId, ctx.actor.districtId)));
  if (!row || !canReadMeasures(ctx.actor)) throw notFound('Measure');
  return row;
}

export async function measureView(ctx: Ctx, id: string): Promise<OutcomeMeasure> {
  const row = await loadMeasure(ctx, id);
  const [measure] = await presentMeasures(ctx.db, ctx.actor.districtId, [row]);
  return measure!;
}

/** GET /api/outcomes/measures: everyone in the district but a guest reads the definitions (no figures). */
export async function listMeasures(ctx: Ctx): Promise<OutcomeMeasureList> {
  if (!canReadMeasures(ctx.actor)) throw notFound('Outcomes');
  const districtId = ctx.actor.districtId;
  const rows = await ctx.db
    .select()
    .from(outcomeMeasures)
    .where(eq(outcomeMeasures.districtId, districtId))
    .orderBy(asc(outcomeMeasures.name));
  const inits = await ctx.db
    .select({ id: initiatives.id, name: initiatives.name })
    .from(initiatives)
    .where(eq(initiatives.districtId, districtId))
    .orderBy(asc(initiatives.name));
  return {
    items: await presentMeasures(ctx.db, districtId, rows),
    settings: await loadOutcomeSettings(ctx.db, districtId),
    initiatives: inits,
    abilities: { manage: canManageOutcomes(ctx.actor) },
  };
}

/** 400 naming `initiativeIds` unless every id is an initiative of the caller's district. */
async function assertInitiatives(ctx: Ctx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await ctx.db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(and(eq(initiatives.districtId, ctx.actor.districtId), inArray(initiatives.id, unique)));
  if (found.length !== unique.length) throw invalidField('initiativeIds', 'not an initiative of this district');
  return unique;
}

async function assertKeyFree(ctx: Ctx, key: string, exceptId?: string) {
  const [row] = await ctx.db
    .select({ id: outcomeMeasures.id })
    .from(outcomeMeasures)
    .where(and(eq(outcomeMeasures.districtId, ctx.actor.districtId), eq(outcomeMeasures.key, key)));
  if (row && row.id !== exceptId) throw invalidField('key', 'another measure already has this key');
}

async function linkInitiatives(tx: Executor, districtId: string, measureId: string, ids: string[]) {
  await tx
    .delete(initiativeMeasures)
    .where(and(eq(initiativeMeasures.districtId, districtId), eq(initiativeMeasures.measureId, measureId)));
  if (ids.length) await tx.insert(initiativeMeasures).values(ids.map((initiativeId) => ({ districtId, initiativeId, measureId })));
}

/** POST /api/outcomes/measures (HR and admins). */
export async function createMeasure(ctx: Ctx, input: OutcomeMeasureInput): Promise<OutcomeMeasure> {
  requireManageOutcomes(ctx);
  const ids = await assertInitiatives(ctx, input.initiativeIds);
  await assertKeyFree(ctx, input.key);
  const { initiativeIds: _ignored, ...fields } = input;
  const districtId = ctx.actor.districtId;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(outcomeMeasures)
      .values({ districtId, ...fields })
      .returning();
    await linkInitiatives(tx, districtId, row!.id, ids);
    await recordAudit(tx, ctx, { action: 'outcome_measure.create', entityType: 'outcome_measure', entityId: row!.id, after: input });
    if (ids.length) await refreshDistrictOutcomes(tx, await dashboardScope(tx, districtId));
    return row!.id;
  });
  return measureView(ctx, id);
}

/** PATCH /api/outcomes/measures/:id: a stale version answers 409 with the current measure. */
export async function updateMeasure(ctx: Ctx, id: string, input: OutcomeMeasureUpdate): Promise<OutcomeMeasure> {
  requireManageOutcomes(ctx);
  const row = await loadMeasure(ctx, id);
  if (row.version !== input.version) throw conflict(await measureView(ctx, id));
  const ids = await assertInitiatives(ctx, input.initiativeIds);
  await assertKeyFree(ctx, input.key, id);
  const { initiativeIds: _ignored, version, ...fields } = input;
  const before = await measureView(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(outcomeMeasures)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(outcomeMeasures.id, id), eq(outcomeMeasures.districtId, ctx.actor.districtId)));
    await linkInitiatives(tx, ctx.actor.districtId, id, ids);
    await recordAudit(tx, ctx, { action: 'outcome_measure.update', entityType: 'outcome_measure', entityId: id, before, after: input });
    await refreshDistrictOutcomes(tx, await dashboardScope(tx, ctx.actor.districtId));
  });
  return measureView(ctx, id);
}

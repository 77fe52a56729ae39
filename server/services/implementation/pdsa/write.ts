import { and, eq, sql } from 'drizzle-orm';
import { classifyPdsa, PDSA_STATUSES, type PdsaStatus } from '../../../../common/implementation.ts';
import type { PdsaAdvanceInput, PdsaCreateInput, PdsaCycleDetail, PdsaFields, PdsaSaveInput } from '../../../../common/schemas/pdsa.ts';
import { orgUnits, pdsaCycles } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, invalidField, invalidState } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit.ts';
import { assertInitiativeOrgUnits, assertProfileItems } from '../initiative.ts';
import { loadWorkInitiative, requireActFor, teamReach } from '../stages/access.ts';
import { cycleView, isDistrictUnit, loadCycle, type CycleRow } from './read.ts';

/**
 * Writing a PDSA cycle: created in `plan` for a covered school (or the district) and a component
 * of the practice profile, saved step by step, and moved on only when the step it leaves is
 * complete. Closing needs the do, study and act answers and classifies the result. Versioned, audited.
 */

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/** The first field the step being left still lacks (field, message), or null. */
function missingToLeave(status: PdsaStatus, c: CycleRow): [string, string] | null {
  if (status === 'plan') {
    for (const f of ['change', 'prediction', 'measures'] as const)
      if (blank(c[f])) return [f, 'a plan needs the change, a prediction and measures'];
  }
  if (status === 'do' && c.doneAsIntended === null) return ['doneAsIntended', 'say whether the change was done as intended'];
  if (status === 'study') {
    if (blank(c.study)) return ['study', 'write what the data showed against the prediction'];
    if (c.predictionMet === null) return ['predictionMet', 'say whether the prediction was met'];
  }
  if (status === 'act') {
    const close = 'a cycle cannot close without study and act';
    if (blank(c.study)) return ['study', close];
    if (c.predictionMet === null) return ['predictionMet', close];
    if (c.doneAsIntended === null) return ['doneAsIntended', close];
    if (!c.act) return ['act', close];
  }
  return null;
}

const fieldsOf = (input: PdsaFields) =>
  Object.fromEntries(Object.entries(input).filter(([key, value]) => key !== 'version' && value !== undefined)) as Partial<CycleRow>;

/** POST /api/initiatives/:id/pdsa */
export async function createCycle(ctx: Ctx, initiativeId: string, input: PdsaCreateInput): Promise<PdsaCycleDetail> {
  const initiative = await loadWorkInitiative(ctx, initiativeId);
  await assertInitiativeOrgUnits(ctx, initiative, [input.orgUnitId], 'orgUnitId');
  await assertProfileItems(ctx, initiative, [input.itemId], 'itemId');
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) throw invalidField('endsOn', 'ends before it starts');
  const [unit] = await ctx.db
    .select({ type: orgUnits.type })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.orgUnitId), eq(orgUnits.districtId, ctx.actor.districtId)));
  requireActFor(ctx, { orgUnitId: input.orgUnitId, isDistrict: unit?.type === 'district' }, await teamReach(ctx, initiativeId));
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pdsaCycles)
      .values({ districtId: initiative.districtId, initiativeId, status: 'plan', ...input })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'pdsa_cycle.create',
      entityType: 'pdsa_cycle',
      entityId: row!.id,
      after: { initiativeId, ...input },
    });
    return row!.id;
  });
  return cycleView(ctx, initiativeId, id);
}

/**
 * Saves the fields given and, with `advance`, moves to the next step. Bad input answers 400 naming
 * the field before anything is written; a stale version 409 with the current cycle.
 */
async function writeCycle(ctx: Ctx, initiativeId: string, cycleId: string, input: PdsaSaveInput, advance: boolean) {
  await loadWorkInitiative(ctx, initiativeId);
  const loaded = await loadCycle(ctx, initiativeId, cycleId);
  const row = loaded.cycle;
  requireActFor(ctx, { orgUnitId: row.orgUnitId, isDistrict: isDistrictUnit(loaded) }, await teamReach(ctx, initiativeId));
  if (row.version !== input.version) throw conflict(await cycleView(ctx, initiativeId, cycleId));
  if (row.status === 'closed') throw invalidState('This cycle is closed');
  const fields = fieldsOf(input);
  const merged: CycleRow = { ...row, ...fields };
  if (merged.startsOn && merged.endsOn && merged.endsOn < merged.startsOn) throw invalidField('endsOn', 'ends before it starts');
  const status = row.status as PdsaStatus;
  const set: Partial<CycleRow> = { ...fields };
  if (advance) {
    const missing = missingToLeave(status, merged);
    if (missing) throw invalidField(...missing);
    set.status = PDSA_STATUSES[PDSA_STATUSES.indexOf(status) + 1]!;
    if (set.status === 'closed') set.problem = classifyPdsa(merged.doneAsIntended!, merged.predictionMet!);
  }
  const written = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(pdsaCycles)
      .set({ ...set, version: sql`${pdsaCycles.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pdsaCycles.id, cycleId), eq(pdsaCycles.districtId, ctx.actor.districtId), eq(pdsaCycles.version, input.version)))
      .returning({ id: pdsaCycles.id });
    if (!updated) return false;
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, row[k as keyof CycleRow]]));
    await recordAudit(tx, ctx, {
      action: advance ? (set.status === 'closed' ? 'pdsa_cycle.close' : 'pdsa_cycle.advance') : 'pdsa_cycle.update',
      entityType: 'pdsa_cycle',
      entityId: cycleId,
      before,
      after: set,
    });
    return true;
  });
  if (!written) throw conflict(await cycleView(ctx, initiativeId, cycleId));
  return cycleView(ctx, initiativeId, cycleId);
}

/** PATCH /api/initiatives/:id/pdsa/:cycleId: saves the fields given, the step unchanged. */
export const saveCycle = (ctx: Ctx, initiativeId: string, cycleId: string, input: PdsaSaveInput) =>
  writeCycle(ctx, initiativeId, cycleId, input, false);

/** POST /api/initiatives/:id/pdsa/:cycleId/advance: saves the fields given, then plan -> do -> study -> act -> closed. */
export const advanceCycle = (ctx: Ctx, initiativeId: string, cycleId: string, input: PdsaAdvanceInput) =>
  writeCycle(ctx, initiativeId, cycleId, input, true);

import { and, eq, sql } from 'drizzle-orm';
import type { ImplementationStage } from '../../../../common/implementation.ts';
import type {
  BulkStageMoveInput,
  BulkStageMoveResult,
  ChecklistTickInput,
  SchoolStageDetail,
  StageMoveInput,
} from '../../../../common/schemas/initiative-stages.ts';
import type { Executor } from '../../../db/client.ts';
import { initiativeStageMoves, initiativeStages } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, invalidField } from '../../../lib/errors.ts';
import type { ReaderLocale } from '../../../lib/reader-locale.ts';
import { recordAudit } from '../../audit.ts';
import { markDashboardStale } from '../../dashboards/freshness.ts';
import type { InitiativeRow } from '../initiative.ts';
import { loadWorkInitiative, requireActFor, teamReach } from './access.ts';
import { stageDefinitions } from './definitions.ts';
import { ensureStageRows, fullImplementationSuggestions, presentStage, suggestionCandidates, type UnitStageRow } from './rows.ts';
import { stageDetail, unitStageRow } from './school-stages.ts';

/**
 * Writes to a school's stage: ticking its checklist and moving it (forward or back) with evidence.
 * Each carries the version read (409 with the current row otherwise), is allowed to HR, the
 * school's leaders and its implementation teams, and is audited in the same transaction.
 */

class StaleWrite extends Error {}

/** Bumps the row from `version` with `set`; throws StaleWrite when someone wrote first. */
async function bump(tx: Executor, row: UnitStageRow, version: number, set: Partial<typeof initiativeStages.$inferInsert>) {
  const [updated] = await tx
    .update(initiativeStages)
    .set({ ...set, version: sql`${initiativeStages.version} + 1`, updatedAt: new Date() })
    .where(and(eq(initiativeStages.id, row.id), eq(initiativeStages.districtId, row.districtId), eq(initiativeStages.version, version)))
    .returning();
  if (!updated) throw new StaleWrite();
  return updated;
}

async function current(ctx: Ctx, initiative: InitiativeRow, orgUnitId: string, lang: ReaderLocale) {
  return stageDetail(ctx, initiative, await unitStageRow(ctx, initiative, orgUnitId, 'orgUnitId'), lang);
}

/** Loads the unit's row, checks the caller may act and the version is current; runs `write` and answers the row as it now is. */
async function writeStage(
  ctx: Ctx,
  initiativeId: string,
  orgUnitId: string,
  version: number,
  lang: ReaderLocale,
  write: (tx: Executor, row: UnitStageRow, initiative: InitiativeRow) => Promise<void>,
): Promise<SchoolStageDetail> {
  const initiative = await loadWorkInitiative(ctx, initiativeId);
  const row = await unitStageRow(ctx, initiative, orgUnitId, 'orgUnitId');
  requireActFor(ctx, row, await teamReach(ctx, initiativeId));
  if (row.version !== version) throw conflict(await stageDetail(ctx, initiative, row, lang));
  try {
    await ctx.db.transaction((tx) => write(tx, row, initiative));
  } catch (err) {
    if (err instanceof StaleWrite) throw conflict(await current(ctx, initiative, orgUnitId, lang));
    throw err;
  }
  return current(ctx, initiative, orgUnitId, lang);
}

/** POST /api/initiatives/:id/stages/:orgUnitId/checklist: tick or untick an activity or exit criterion of the current stage. */
export async function tickChecklist(ctx: Ctx, initiativeId: string, orgUnitId: string, input: ChecklistTickInput, lang: ReaderLocale) {
  return writeStage(ctx, initiativeId, orgUnitId, input.version, lang, async (tx, row) => {
    const definition = (await stageDefinitions(ctx, initiativeId, lang, tx)).get(row.stage as ImplementationStage)!;
    const ids = [...definition.activities, ...definition.exitCriteria].map((i) => i.id);
    if (!ids.includes(input.itemId)) throw invalidField('itemId', 'not an activity or exit criterion of this stage');
    const done = { ...row.done };
    if (input.done) done[input.itemId] = { at: new Date().toISOString(), by: ctx.actor.userId };
    else delete done[input.itemId];
    await bump(tx, row, input.version, { done });
    await recordAudit(tx, ctx, {
      action: input.done ? 'initiative_stage.tick' : 'initiative_stage.untick',
      entityType: 'initiative_stage',
      entityId: row.id,
      after: { initiativeId, orgUnitId, stage: row.stage, itemId: input.itemId, done: input.done },
    });
  });
}

/** Moves one row inside a transaction: the row reset at its new stage, the move recorded with the exit criteria met. */
async function recordMove(
  ctx: Ctx,
  tx: Executor,
  row: UnitStageRow,
  version: number,
  toStage: ImplementationStage,
  evidence: string,
  exitCriteria: string[],
) {
  if (row.stage === toStage) throw invalidField('toStage', 'the school is already at this stage');
  const criteriaMet = exitCriteria.filter((id) => row.done[id]);
  const movedAt = new Date();
  await bump(tx, row, version, { stage: toStage, done: {}, enteredAt: movedAt });
  const [move] = await tx
    .insert(initiativeStageMoves)
    .values({
      districtId: row.districtId,
      initiativeId: row.initiativeId,
      orgUnitId: row.orgUnitId,
      fromStage: row.stage,
      toStage,
      evidence,
      criteriaMet,
      movedBy: ctx.actor.userId,
      movedAt,
    })
    .returning({ id: initiativeStageMoves.id });
  await recordAudit(tx, ctx, {
    action: 'initiative_stage.move',
    entityType: 'initiative_stage',
    entityId: row.id,
    before: { stage: row.stage, done: row.done },
    after: { initiativeId: row.initiativeId, orgUnitId: row.orgUnitId, stage: toStage, evidence, criteriaMet, moveId: move!.id },
  });
  await markDashboardStale(tx, row.districtId, [row.initiativeId]);
}

/** POST /api/initiatives/:id/stages/:orgUnitId/move: to any other stage (back too), with evidence. */
export async function moveStage(ctx: Ctx, initiativeId: string, orgUnitId: string, input: StageMoveInput, lang: ReaderLocale) {
  return writeStage(ctx, initiativeId, orgUnitId, input.version, lang, async (tx, row) => {
    const definition = (await stageDefinitions(ctx, initiativeId, lang, tx)).get(row.stage as ImplementationStage)!;
    await recordMove(
      ctx,
      tx,
      row,
      input.version,
      input.toStage,
      input.evidence,
      definition.exitCriteria.map((c) => c.id),
    );
  });
}

/**
 * POST /api/initiatives/:id/stages/bulk-move: a wave of schools moved at once with one evidence
 * text, all or none. Each school must be covered (400 naming `schools.i.orgUnitId`) and the caller
 * may act for each (403); a stale version answers 409 with that school's current row.
 */
export async function bulkMoveStages(
  ctx: Ctx,
  initiativeId: string,
  input: BulkStageMoveInput,
  lang: ReaderLocale,
): Promise<BulkStageMoveResult> {
  const initiative = await loadWorkInitiative(ctx, initiativeId);
  const [rows, reach, defs] = await Promise.all([
    ensureStageRows(ctx, initiative),
    teamReach(ctx, initiativeId),
    stageDefinitions(ctx, initiativeId, lang),
  ]);
  const byUnit = new Map(rows.map((r) => [r.orgUnitId, r]));
  const seen = new Set<string>();
  const targets = input.schools.map((s, i) => {
    const row = byUnit.get(s.orgUnitId);
    if (!row || seen.has(s.orgUnitId))
      throw invalidField(`schools.${i}.orgUnitId`, row ? 'listed twice' : 'not a school this initiative covers');
    seen.add(s.orgUnitId);
    return { row, version: s.version, index: i };
  });
  for (const { row } of targets) requireActFor(ctx, row, reach);
  const stale = targets.find((t) => t.row.version !== t.version);
  if (stale) throw conflict(await stageDetail(ctx, initiative, stale.row, lang, reach));
  try {
    await ctx.db.transaction(async (tx) => {
      for (const { row, version, index } of targets) {
        if (row.stage === input.toStage) throw invalidField(`schools.${index}.orgUnitId`, 'the school is already at this stage');
        const exit = defs.get(row.stage as ImplementationStage)!.exitCriteria.map((c) => c.id);
        await recordMove(ctx, tx, row, version, input.toStage, input.evidence, exit);
      }
    });
  } catch (err) {
    if (err instanceof StaleWrite) throw conflict(await listMoved(ctx, initiative, [...seen], lang));
    throw err;
  }
  const items = await listMoved(ctx, initiative, [...seen], lang);
  return { moved: items.length, items };
}

async function listMoved(ctx: Ctx, initiative: InitiativeRow, orgUnitIds: string[], lang: ReaderLocale) {
  const [rows, reach, defs] = await Promise.all([
    ensureStageRows(ctx, initiative),
    teamReach(ctx, initiative.id),
    stageDefinitions(ctx, initiative.id, lang),
  ]);
  const moved = rows.filter((r) => orgUnitIds.includes(r.orgUnitId));
  const suggestions = await fullImplementationSuggestions(ctx.db, initiative, suggestionCandidates(moved));
  return moved.map((r) => presentStage(ctx, r, defs.get(r.stage as ImplementationStage)!, reach, suggestions.get(r.orgUnitId) ?? null));
}

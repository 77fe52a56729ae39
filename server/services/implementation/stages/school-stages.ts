import { and, desc, eq } from 'drizzle-orm';
import { IMPLEMENTATION_STAGES, type ImplementationStage } from '../../../../common/implementation.ts';
import type { SchoolStageDetail, SchoolStageList, StageMove } from '../../../../common/schemas/initiative-stages.ts';
import type { Executor } from '../../../db/client.ts';
import { initiativeStageMoves, people, users } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { invalidField } from '../../../lib/errors.ts';
import type { ReaderLocale } from '../../../lib/reader-locale.ts';
import type { TeamReach } from '../../../policies/implementation-stages.ts';
import { fullName } from '../../performance/views/scope.ts';
import type { InitiativeRow } from '../initiative.ts';
import { loadWorkInitiative, teamReach } from './access.ts';
import { stageDefinitions } from './definitions.ts';
import { ensureStageRows, fullImplementationSuggestions, presentStage, suggestionCandidates, type UnitStageRow } from './rows.ts';

/** GET /api/initiatives/:id/stages: every covered school (and the district) with its stage, progress and suggestion. */
export async function listSchoolStages(ctx: Ctx, initiativeId: string, lang: ReaderLocale): Promise<SchoolStageList> {
  const initiative = await loadWorkInitiative(ctx, initiativeId);
  const [rows, defs, reach] = await Promise.all([
    ensureStageRows(ctx, initiative),
    stageDefinitions(ctx, initiativeId, lang),
    teamReach(ctx, initiativeId),
  ]);
  const suggestions = await fullImplementationSuggestions(ctx.db, initiative, suggestionCandidates(rows));
  return {
    initiative: { id: initiative.id, name: initiative.name },
    items: rows.map((row) =>
      presentStage(ctx, row, defs.get(row.stage as ImplementationStage)!, reach, suggestions.get(row.orgUnitId) ?? null),
    ),
  };
}

/** One unit's row among the initiative's, else a 400 naming `field` (a school the initiative does not cover). */
export async function unitStageRow(ctx: Ctx, initiative: InitiativeRow, orgUnitId: string, field: string, db: Executor = ctx.db) {
  const rows = await ensureStageRows(ctx, initiative, db);
  const row = rows.find((r) => r.orgUnitId === orgUnitId);
  if (!row) throw invalidField(field, 'not a school this initiative covers');
  return row;
}

async function history(ctx: Ctx, initiativeId: string, orgUnitId: string): Promise<StageMove[]> {
  const rows = await ctx.db
    .select({ move: initiativeStageMoves, person: people })
    .from(initiativeStageMoves)
    .innerJoin(users, and(eq(users.id, initiativeStageMoves.movedBy), eq(users.districtId, initiativeStageMoves.districtId)))
    .innerJoin(people, and(eq(people.id, users.personId), eq(people.districtId, users.districtId)))
    .where(
      and(
        eq(initiativeStageMoves.districtId, ctx.actor.districtId),
        eq(initiativeStageMoves.initiativeId, initiativeId),
        eq(initiativeStageMoves.orgUnitId, orgUnitId),
      ),
    )
    .orderBy(desc(initiativeStageMoves.movedAt), desc(initiativeStageMoves.createdAt));
  const order = (s: string | null) => (s ? IMPLEMENTATION_STAGES.indexOf(s as ImplementationStage) : -1);
  return rows.map(({ move, person }) => ({
    id: move.id,
    fromStage: move.fromStage as ImplementationStage | null,
    toStage: move.toStage as ImplementationStage,
    evidence: move.evidence,
    criteriaMet: move.criteriaMet,
    movedBy: { userId: move.movedBy, name: fullName(person) },
    movedAt: move.movedAt.toISOString(),
    back: order(move.toStage) < order(move.fromStage),
  }));
}

/** A unit's stage as the API answers it after a read or a write, with its checklist and history. */
export async function stageDetail(
  ctx: Ctx,
  initiative: InitiativeRow,
  row: UnitStageRow,
  lang: ReaderLocale,
  reach?: TeamReach,
): Promise<SchoolStageDetail> {
  const [defs, moves, suggestions, r] = await Promise.all([
    stageDefinitions(ctx, initiative.id, lang),
    history(ctx, initiative.id, row.orgUnitId),
    fullImplementationSuggestions(ctx.db, initiative, suggestionCandidates([row])),
    reach ?? teamReach(ctx, initiative.id),
  ]);
  const definition = defs.get(row.stage as ImplementationStage)!;
  return { ...presentStage(ctx, row, definition, r, suggestions.get(row.orgUnitId) ?? null), definition, history: moves };
}

/** GET /api/initiatives/:id/stages/:orgUnitId */
export async function schoolStage(ctx: Ctx, initiativeId: string, orgUnitId: string, lang: ReaderLocale) {
  const initiative = await loadWorkInitiative(ctx, initiativeId);
  return stageDetail(ctx, initiative, await unitStageRow(ctx, initiative, orgUnitId, 'orgUnitId'), lang);
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ImplementationStage } from '../../../../common/implementation.ts';
import { OBSERVED_ROLES } from '../../../../common/observation.ts';
import type { FullImplementationSuggestion, SchoolStage, StageDefinition } from '../../../../common/schemas/initiative-stages.ts';
import type { Executor } from '../../../db/client.ts';
import { qualified } from '../../../db/qualified.ts';
import { fidelityLatest, initiativeSchools, initiativeStages, orgUnits, roleAssignments } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { canActForUnit, type TeamReach } from '../../../policies/implementation-stages.ts';
import { currentAssignment } from '../../auth/current-assignment.ts';
import type { InitiativeRow } from '../initiative.ts';
import { districtUnits } from './access.ts';

export type StageRow = typeof initiativeStages.$inferSelect;
export interface UnitStageRow extends StageRow {
  orgUnitName: string;
  isDistrict: boolean;
}

/**
 * The stage rows of every school the initiative covers and of the district's own unit. A unit
 * without a row yet (newly covered) gets one at exploration here: coverage belongs to the
 * initiative, so rows are made the first time anyone reads or writes them.
 */
export async function ensureStageRows(ctx: Ctx, initiative: InitiativeRow, db: Executor = ctx.db): Promise<UnitStageRow[]> {
  const [covered, district] = await Promise.all([
    db
      .select({ id: initiativeSchools.orgUnitId })
      .from(initiativeSchools)
      .where(and(eq(initiativeSchools.districtId, initiative.districtId), eq(initiativeSchools.initiativeId, initiative.id))),
    districtUnits(ctx, db),
  ]);
  const unitIds = [...new Set([...district.map((d) => d.id), ...covered.map((c) => c.id)])];
  if (unitIds.length === 0) return [];
  await db
    .insert(initiativeStages)
    .values(
      unitIds.map((orgUnitId) => ({ districtId: initiative.districtId, initiativeId: initiative.id, orgUnitId, stage: 'exploration' })),
    )
    .onConflictDoNothing();
  const rows = await db
    .select({ row: initiativeStages, orgUnitName: orgUnits.name, unitType: orgUnits.type })
    .from(initiativeStages)
    .innerJoin(orgUnits, and(eq(orgUnits.id, initiativeStages.orgUnitId), eq(orgUnits.districtId, initiativeStages.districtId)))
    .where(
      and(
        eq(initiativeStages.districtId, initiative.districtId),
        eq(initiativeStages.initiativeId, initiative.id),
        inArray(initiativeStages.orgUnitId, unitIds),
      ),
    )
    .orderBy(sql`${qualified(orgUnits.type)} <> 'district'`, asc(orgUnits.name));
  return rows.map((r) => ({ ...r.row, orgUnitName: r.orgUnitName, isDistrict: r.unitType === 'district' }));
}

/**
 * Full implementation is suggested, never applied: for a school at initial implementation, the
 * share of covered staff (a current role there in the initiative's covered roles, every observed
 * role when it names none) whose latest check is at fidelity, against the initiative's threshold.
 * One grouped query for all the schools asked about.
 */
export async function fullImplementationSuggestions(
  db: Executor,
  initiative: InitiativeRow,
  schoolIds: string[],
): Promise<Map<string, FullImplementationSuggestion>> {
  const out = new Map<string, FullImplementationSuggestion>();
  if (schoolIds.length === 0) return out;
  const roles = initiative.coveredRoles.length > 0 ? initiative.coveredRoles : [...OBSERVED_ROLES];
  const counts = await db
    .select({
      orgUnitId: roleAssignments.orgUnitId,
      covered: sql<number>`count(distinct ${qualified(roleAssignments.personId)})::int`,
      atFidelity: sql<number>`count(distinct ${qualified(fidelityLatest.personId)}) filter (where ${qualified(fidelityLatest.atFidelity)})::int`,
    })
    .from(roleAssignments)
    .leftJoin(
      fidelityLatest,
      and(
        eq(fidelityLatest.districtId, roleAssignments.districtId),
        eq(fidelityLatest.initiativeId, initiative.id),
        eq(fidelityLatest.personId, roleAssignments.personId),
      ),
    )
    .where(
      and(
        eq(roleAssignments.districtId, initiative.districtId),
        inArray(roleAssignments.orgUnitId, schoolIds),
        inArray(roleAssignments.role, roles),
        currentAssignment(),
      ),
    )
    .groupBy(roleAssignments.orgUnitId);
  const byUnit = new Map(counts.map((c) => [c.orgUnitId, c]));
  const rule = { minPct: initiative.fullImplementationPct, fidelityThresholdPct: initiative.fidelityThresholdPct };
  for (const id of schoolIds) {
    const c = byUnit.get(id);
    const covered = Number(c?.covered ?? 0);
    const atFidelity = Number(c?.atFidelity ?? 0);
    const pct = covered === 0 ? 0 : Math.round((100 * atFidelity) / covered);
    out.set(id, { eligible: covered > 0 && pct >= initiative.fullImplementationPct, atFidelity, covered, pct, rule });
  }
  return out;
}

/** Ticked items that are still on the stage's checklist. */
export function checklistProgress(row: Pick<StageRow, 'done'>, definition: StageDefinition) {
  const ids = [...definition.activities, ...definition.exitCriteria].map((i) => i.id);
  return { done: ids.filter((id) => row.done[id]).length, total: ids.length };
}

/** A stage row as the API answers it, with what the caller may do. */
export function presentStage(
  ctx: Ctx,
  row: UnitStageRow,
  definition: StageDefinition,
  reach: TeamReach,
  suggestion: FullImplementationSuggestion | null,
): SchoolStage {
  return {
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    isDistrict: row.isDistrict,
    stage: row.stage as ImplementationStage,
    done: row.done,
    progress: checklistProgress(row, definition),
    enteredAt: row.enteredAt.toISOString(),
    version: row.version,
    suggestFull: suggestion,
    abilities: { act: canActForUnit(ctx.actor, row, reach) },
  };
}

/** The schools among the rows that stand at initial implementation (the only ones a suggestion is made for). */
export const suggestionCandidates = (rows: UnitStageRow[]) =>
  rows.filter((r) => !r.isDistrict && r.stage === 'initial_implementation').map((r) => r.orgUnitId);

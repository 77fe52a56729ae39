import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_PLAN_TEMPLATE } from '../../../../common/performance.ts';
import type { Db, Executor } from '../../../db/client.ts';
import { performanceCycles, planTemplates } from '../../../db/schema/index.ts';
import { recordAudit } from '../../audit.ts';
import { refreshCompletion } from '../completion.ts';
import { insertPlansSql } from './plans-sql.ts';
import { inPopulation, notPlannedElsewhere } from './population.ts';
import { roleSteps, snapshotRubrics } from './snapshot.ts';

/** People per INSERT ... SELECT; each batch commits on its own, so progress shows and a retry resumes. */
export const PLAN_BATCH = 2_000;

export interface PopulateOutcome {
  added: number;
  left: number;
  returned: number;
}

type AuditCtx = { requestId: string; actor: { userId: string | null; districtId: string } };

/** Step id -> template JSON, and the district default (else DEFAULT_PLAN_TEMPLATE). */
async function templatesOf(db: Executor, districtId: string) {
  const rows = await db.select().from(planTemplates).where(eq(planTemplates.districtId, districtId));
  const shape = (t: (typeof rows)[number]) => ({
    title: t.title,
    sections: t.sections,
    minGoals: t.minGoals,
    maxGoals: t.maxGoals,
    minFocusAreas: t.minFocusAreas,
    maxFocusAreas: t.maxFocusAreas,
    signatureBlocks: t.signatureBlocks,
  });
  const fallbackRow = rows.find((t) => t.stepId === null);
  return {
    templates: Object.fromEntries(rows.filter((t) => t.stepId).map((t) => [t.stepId!, shape(t)])),
    fallbackTemplate: fallbackRow ? shape(fallbackRow) : DEFAULT_PLAN_TEMPLATE,
  };
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const affected = (result: unknown) =>
  Number((result as { affectedRows?: number; rowCount?: number }).affectedRows ?? (result as { rowCount?: number }).rowCount ?? 0);

/**
 * Opens or syncs a cycle (the `performance-cycle` job): snapshots the rubrics not yet copied, makes
 * a plan for everyone in the population without one (batches of PLAN_BATCH, each its own
 * transaction), marks the plans of people no longer active or in the population with `leftOn`
 * (kept, never deleted) and clears it for those back, recounts the completion summaries, and (when
 * opening) marks the cycle open. Idempotent: running it again adds only who is missing. Someone
 * with a current plan in another cycle of the same school year gets none here (one plan a year).
 * `onBatch(done)` reports the people handled so far.
 */
export async function populateCycle(
  db: Db,
  audit: AuditCtx,
  cycleId: string,
  action: 'open' | 'sync',
  onBatch: (done: number, total: number) => void = () => {},
): Promise<PopulateOutcome | null> {
  const districtId = audit.actor.districtId;
  const [cycle] = await db
    .select()
    .from(performanceCycles)
    .where(and(eq(performanceCycles.id, cycleId), eq(performanceCycles.districtId, districtId)));
  if (!cycle || !(action === 'open' ? ['opening', 'open'] : ['open']).includes(cycle.status)) return null;
  const snapshots = Object.fromEntries(await db.transaction((tx) => snapshotRubrics(tx, districtId, cycleId)));
  const steps = await roleSteps(db, districtId);
  const { templates, fallbackTemplate } = await templatesOf(db, districtId);
  const population = inPopulation(districtId, cycle.population);
  const missing = rowsOf<{ id: string }>(
    await db.execute(sql`select p.id from people p where ${population}
      and not exists (select 1 from performance_plans pp where pp.cycle_id = ${cycleId} and pp.person_id = p.id)
      and ${notPlannedElsewhere(districtId, cycleId, cycle.schoolYear)} order by p.id`),
  ).map((r) => r.id);
  const checkIns = [...cycle.checkInDates].sort();
  let added = 0;
  for (let i = 0; i < missing.length; i += PLAN_BATCH) {
    const personIds = missing.slice(i, i + PLAN_BATCH);
    const params = {
      districtId,
      cycleId,
      schoolYear: cycle.schoolYear,
      personIds,
      roleSteps: steps,
      snapshots,
      templates,
      fallbackTemplate,
    };
    const result = await db.transaction((tx) => tx.execute(insertPlansSql({ ...params, nextCheckInOn: checkIns[0] ?? null })));
    added += affected(result);
    onBatch(Math.min(i + PLAN_BATCH, missing.length), missing.length);
  }
  return db.transaction(async (tx) => {
    const left = affected(
      await tx.execute(sql`update performance_plans pp set left_on = current_date, updated_at = now(), version = pp.version + 1
        where pp.district_id = ${districtId} and pp.cycle_id = ${cycleId} and pp.left_on is null
          and not exists (select 1 from people p where p.id = pp.person_id and ${population})`),
    );
    const returned = affected(
      await tx.execute(sql`update performance_plans pp set left_on = null, updated_at = now(), version = pp.version + 1
        where pp.district_id = ${districtId} and pp.cycle_id = ${cycleId} and pp.left_on is not null
          and exists (select 1 from people p where p.id = pp.person_id and ${population})`),
    );
    await refreshCompletion(tx, districtId, cycleId);
    if (action === 'open' && cycle.status === 'opening')
      await tx
        .update(performanceCycles)
        .set({ status: 'open', openedAt: new Date(), updatedAt: new Date(), version: sql`${performanceCycles.version} + 1` })
        .where(eq(performanceCycles.id, cycleId));
    const outcome = { added, left, returned };
    await recordAudit(tx, audit, {
      action: `performance_cycle.${action}`,
      entityType: 'performance_cycle',
      entityId: cycleId,
      after: outcome,
    });
    return outcome;
  });
}

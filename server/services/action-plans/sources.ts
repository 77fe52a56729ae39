import { and, eq, inArray } from 'drizzle-orm';
import type { ActionSourceKind } from '../../../common/action-plans.ts';
import type { ActionSource } from '../../../common/schemas/action-plans.ts';
import type { Executor } from '../../db/client.ts';
import { frameworkItems, implementationDecisions, implementationMeetings, initiatives, pdsaCycles } from '../../db/schema/index.ts';
import type { ActionPlanRow } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { invalidField } from '../../lib/errors.ts';
import { assertProfileItems } from '../implementation/initiative.ts';

/**
 * The record an action plan item's problem was defined from, checked by kind against the plan's team
 * and initiative (a 400 naming `source.id` otherwise), and labelled for reading.
 *
 * EXTENSION POINT: `assessment_item` and `survey_result` (common/action-plans.ts
 * FUTURE_ACTION_SOURCE_KINDS) come with the assessment engine and outcomes. To add one: list the kind
 * in ACTION_SOURCE_KINDS, give it a checker here (the record is of the caller's district and of the
 * plan's team or initiative) and a label query in `sourceLabels`.
 */
type SourceChecker = (ctx: Ctx, plan: ActionPlanRow, id: string, db: Executor) => Promise<boolean>;

const FIELD = 'source.id';

export const SOURCE_CHECKERS: Record<Exclude<ActionSourceKind, 'manual'>, SourceChecker> = {
  /** A PDSA cycle of the plan's initiative. */
  pdsa_cycle: async (ctx, plan, id, db) => {
    if (!plan.initiativeId) return false;
    const [row] = await db
      .select({ id: pdsaCycles.id })
      .from(pdsaCycles)
      .where(and(eq(pdsaCycles.id, id), eq(pdsaCycles.districtId, ctx.actor.districtId), eq(pdsaCycles.initiativeId, plan.initiativeId)));
    return Boolean(row);
  },
  /** A decision taken at a meeting of the plan's team. */
  implementation_decision: async (ctx, plan, id, db) => {
    const [row] = await db
      .select({ id: implementationDecisions.id })
      .from(implementationDecisions)
      .innerJoin(
        implementationMeetings,
        and(
          eq(implementationMeetings.id, implementationDecisions.meetingId),
          eq(implementationMeetings.districtId, implementationDecisions.districtId),
        ),
      )
      .where(
        and(
          eq(implementationDecisions.id, id),
          eq(implementationDecisions.districtId, ctx.actor.districtId),
          eq(implementationMeetings.teamId, plan.teamId),
        ),
      );
    return Boolean(row);
  },
  /** A component (framework item) of the practice profile of the plan's initiative. */
  fidelity_component: async (ctx, plan, id, db) => {
    if (!plan.initiativeId) return false;
    const [initiative] = await db
      .select()
      .from(initiatives)
      .where(and(eq(initiatives.id, plan.initiativeId), eq(initiatives.districtId, ctx.actor.districtId)));
    if (!initiative?.profileVersionId) return false;
    await assertProfileItems(ctx, initiative, [id], FIELD, db);
    return true;
  },
};

/** Checks the source against the plan; a 400 naming `source.id` when it is missing, stray or not the plan's. */
export async function assertSource(ctx: Ctx, plan: ActionPlanRow, source: ActionSource, db: Executor = ctx.db): Promise<void> {
  if (source.kind === 'manual') {
    if (source.id) throw invalidField(FIELD, 'a manual source names no record');
    return;
  }
  if (!source.id) throw invalidField(FIELD, 'name the record the problem comes from');
  const ok = await SOURCE_CHECKERS[source.kind](ctx, plan, source.id, db);
  if (!ok) throw invalidField(FIELD, `not a ${source.kind.replace('_', ' ')} of this plan's team or initiative`);
}

/** Labels for sources, keyed `kind:id` (a cycle's title, a decision's text, a component's statement). */
export async function sourceLabels(db: Executor, districtId: string, sources: { kind: string; id: string | null }[]) {
  const ids = (kind: string) => [...new Set(sources.filter((s) => s.kind === kind && s.id).map((s) => s.id!))];
  const [cycles, decisions, items] = await Promise.all([
    ids('pdsa_cycle').length
      ? db
          .select({ id: pdsaCycles.id, label: pdsaCycles.title })
          .from(pdsaCycles)
          .where(and(eq(pdsaCycles.districtId, districtId), inArray(pdsaCycles.id, ids('pdsa_cycle'))))
      : [],
    ids('implementation_decision').length
      ? db
          .select({ id: implementationDecisions.id, label: implementationDecisions.text })
          .from(implementationDecisions)
          .where(
            and(eq(implementationDecisions.districtId, districtId), inArray(implementationDecisions.id, ids('implementation_decision'))),
          )
      : [],
    ids('fidelity_component').length
      ? db
          .select({ id: frameworkItems.id, label: frameworkItems.fullStatement })
          .from(frameworkItems)
          .where(and(eq(frameworkItems.districtId, districtId), inArray(frameworkItems.id, ids('fidelity_component'))))
      : [],
  ]);
  const labels = new Map<string, string>();
  for (const [kind, rows] of [
    ['pdsa_cycle', cycles],
    ['implementation_decision', decisions],
    ['fidelity_component', items],
  ] as const)
    for (const r of rows) labels.set(`${kind}:${r.id}`, r.label);
  return labels;
}

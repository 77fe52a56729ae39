import { and, eq } from 'drizzle-orm';
import type { ActionItemStatus, ActionSourceKind } from '../../../common/action-plans.ts';
import { ACTIVE_ACTION_ITEM_STATUSES } from '../../../common/action-plans.ts';
import type { ActionPlanItem } from '../../../common/schemas/action-plans.ts';
import type { Executor } from '../../db/client.ts';
import { actionPlanItems, actionPlans, type ActionPlanItemRow, type ActionPlanRow } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canEditActionPlans, canReadActionPlans } from '../../policies/action-plans.ts';
import { districtToday, personRefs, unknownPerson } from '../coaching/refs.ts';
import { actorRoles, loadTeamRow, type ImplementationTeamRow } from '../implementation/teams/load.ts';
import { sourceKey, sourceLabels } from './sources.ts';

export interface PlanAccess {
  team: ImplementationTeamRow;
  today: string;
  edit: boolean;
}

/** The team (404 for another district or a guest), today in the district, and whether the caller may write its plans. */
export async function teamAccess(ctx: Ctx, teamId: string, db: Executor = ctx.db): Promise<PlanAccess> {
  if (!canReadActionPlans(ctx.actor)) throw notFound('Team');
  const team = await loadTeamRow(ctx, teamId, db);
  const { today } = await districtToday(db, ctx.actor.districtId);
  const roles = await actorRoles(ctx, team.id, today, db);
  return { team, today, edit: canEditActionPlans(ctx.actor, team, roles.length > 0) };
}

/** 403 unless the caller writes this team's plans (409 invalid_state for a retired team). */
export function requireEditor(access: PlanAccess) {
  if (access.edit) return;
  if (!access.team.active) throw invalidState('This team has been retired', { code: 'team_retired' });
  throw forbidden("Only the team's current members, HR and admins write its action plans");
}

/** The plan of the caller's district with its team and the caller's access; 404 otherwise. */
export async function loadPlan(ctx: Ctx, planId: string, db: Executor = ctx.db) {
  if (!canReadActionPlans(ctx.actor)) throw notFound('Action plan');
  const [plan] = await db
    .select()
    .from(actionPlans)
    .where(and(eq(actionPlans.id, planId), eq(actionPlans.districtId, ctx.actor.districtId)));
  if (!plan) throw notFound('Action plan');
  return { plan, ...(await teamAccess(ctx, plan.teamId, db)) };
}

/** An item of this plan (404 for an item of another plan or district). */
export async function loadItem(ctx: Ctx, planId: string, itemId: string, db: Executor = ctx.db): Promise<ActionPlanItemRow> {
  const [item] = await db
    .select()
    .from(actionPlanItems)
    .where(and(eq(actionPlanItems.id, itemId), eq(actionPlanItems.planId, planId), eq(actionPlanItems.districtId, ctx.actor.districtId)));
  if (!item) throw notFound('Action plan item');
  return item;
}

export const isActiveItem = (status: string) => (ACTIVE_ACTION_ITEM_STATUSES as readonly string[]).includes(status);

const storedSource = (r: ActionPlanItemRow) => ({ kind: r.sourceKind, id: r.sourceId, ref: r.sourceRef });

/** Items as the API shows them: owner named, source labelled, review and due flags against today. */
export async function presentItems(
  db: Executor,
  districtId: string,
  rows: ActionPlanItemRow[],
  today: string,
  edit: boolean,
): Promise<ActionPlanItem[]> {
  const [owners, labels] = await Promise.all([
    personRefs(
      db,
      districtId,
      rows.map((r) => r.ownerPersonId),
    ),
    sourceLabels(db, districtId, rows.map(storedSource)),
  ]);
  return rows.map((r) => {
    const active = isActiveItem(r.status);
    return {
      id: r.id,
      planId: r.planId,
      teamId: r.teamId,
      problem: r.problem,
      source: {
        kind: r.sourceKind as ActionSourceKind,
        id: r.sourceId,
        ...r.sourceRef,
        label: r.sourceId ? (labels.get(sourceKey(storedSource(r))) ?? null) : null,
      },
      rootCauses: r.rootCauses,
      strategy: r.strategy,
      owner: owners.get(r.ownerPersonId) ?? unknownPerson(r.ownerPersonId),
      dueOn: r.dueOn,
      measure: r.measure,
      reviewOn: r.reviewOn,
      status: r.status as ActionItemStatus,
      actionItemId: r.actionItemId,
      reviewDue: active && r.reviewOn <= today,
      overdue: active && r.dueOn < today,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      abilities: { edit },
    };
  });
}

export type { ActionPlanRow };

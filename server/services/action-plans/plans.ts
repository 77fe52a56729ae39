import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type {
  ActionPlanDetail,
  ActionPlanList,
  ActionPlanOptions,
  ActionPlanSummary,
  CreateActionPlanInput,
  UpdateActionPlanInput,
} from '../../../common/schemas/action-plans.ts';
import type { ImplementationTeamKind } from '../../../common/implementation.ts';
import type { Executor } from '../../db/client.ts';
import {
  actionPlanItems,
  actionPlans,
  frameworkItems,
  implementationActionItems,
  implementationDecisions,
  implementationMeetings,
  implementationTeamMembers,
  initiatives,
  pdsaCycles,
  people,
  type ActionPlanRow,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, invalidField } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import type { ImplementationTeamRow } from '../implementation/teams/load.ts';
import { loadPlan, presentItems, requireEditor, teamAccess } from './load.ts';

/** A team's action plans: listed by everyone in the district, written by its members, HR and admins. */

async function summaries(db: Executor, districtId: string, team: ImplementationTeamRow, plans: ActionPlanRow[]) {
  const ids = plans.map((p) => p.id);
  const initiativeIds = [...new Set(plans.map((p) => p.initiativeId).filter((id): id is string => !!id))];
  const [counts, inits] = await Promise.all([
    ids.length
      ? db
          .select({ planId: actionPlanItems.planId, status: actionPlanItems.status, n: count() })
          .from(actionPlanItems)
          .where(and(eq(actionPlanItems.districtId, districtId), inArray(actionPlanItems.planId, ids)))
          .groupBy(actionPlanItems.planId, actionPlanItems.status)
      : [],
    initiativeIds.length
      ? db
          .select({ id: initiatives.id, name: initiatives.name })
          .from(initiatives)
          .where(and(eq(initiatives.districtId, districtId), inArray(initiatives.id, initiativeIds)))
      : [],
  ]);
  const names = new Map(inits.map((i) => [i.id, i]));
  return plans.map((p): ActionPlanSummary => {
    const c = { open: 0, in_progress: 0, done: 0, dropped: 0 };
    for (const row of counts) if (row.planId === p.id) c[row.status as keyof typeof c] = row.n;
    return {
      id: p.id,
      title: p.title,
      team: { id: team.id, name: team.name, kind: team.kind as ImplementationTeamKind },
      initiative: p.initiativeId ? (names.get(p.initiativeId) ?? null) : null,
      active: p.active,
      counts: c,
      version: p.version,
      createdAt: p.createdAt.toISOString(),
    };
  });
}

/** GET /api/implementation-teams/:id/action-plans: active plans first, newest first. */
export async function listPlans(ctx: Ctx, teamId: string): Promise<ActionPlanList> {
  const access = await teamAccess(ctx, teamId);
  const plans = await ctx.db
    .select()
    .from(actionPlans)
    .where(and(eq(actionPlans.districtId, ctx.actor.districtId), eq(actionPlans.teamId, teamId)))
    .orderBy(desc(actionPlans.active), desc(actionPlans.createdAt))
    .limit(200);
  return { items: await summaries(ctx.db, ctx.actor.districtId, access.team, plans), abilities: { create: access.edit } };
}

/** GET /api/action-plans/:planId: the plan and its items, soonest due first. */
export async function planView(ctx: Ctx, planId: string, db: Executor = ctx.db): Promise<ActionPlanDetail> {
  const { plan, team, today, edit } = await loadPlan(ctx, planId, db);
  const rows = await db
    .select()
    .from(actionPlanItems)
    .where(and(eq(actionPlanItems.districtId, ctx.actor.districtId), eq(actionPlanItems.planId, planId)))
    .orderBy(asc(actionPlanItems.dueOn), asc(actionPlanItems.createdAt));
  const [summary] = await summaries(db, ctx.actor.districtId, team, [plan]);
  return { ...summary!, items: await presentItems(db, ctx.actor.districtId, rows, today, edit), abilities: { edit } };
}

/** POST /api/implementation-teams/:id/action-plans: for the team's initiative unless it serves none (then any of the district's). */
export async function createPlan(ctx: Ctx, teamId: string, input: CreateActionPlanInput): Promise<ActionPlanDetail> {
  const access = await teamAccess(ctx, teamId);
  requireEditor(access);
  const initiativeId = input.initiativeId === undefined ? access.team.initiativeId : input.initiativeId;
  if (initiativeId) {
    if (access.team.initiativeId && access.team.initiativeId !== initiativeId)
      throw invalidField('initiativeId', 'not the initiative this team leads');
    const [found] = await ctx.db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(and(eq(initiatives.id, initiativeId), eq(initiatives.districtId, ctx.actor.districtId)));
    if (!found) throw invalidField('initiativeId', 'not an initiative of this district');
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(actionPlans)
      .values({ districtId: ctx.actor.districtId, teamId, initiativeId, title: input.title, createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, { action: 'action_plan.create', entityType: 'action_plan', entityId: row!.id, after: row });
    return row!.id;
  });
  return planView(ctx, id);
}

/** PATCH /api/action-plans/:planId: title, or closing and reopening; 409 with the current plan on a stale version. */
export async function updatePlan(ctx: Ctx, planId: string, input: UpdateActionPlanInput): Promise<ActionPlanDetail> {
  const access = await loadPlan(ctx, planId);
  requireEditor(access);
  const { version, ...set } = input;
  if (access.plan.version !== version) throw conflict(await planView(ctx, planId));
  const written = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(actionPlans)
      .set({ ...set, version: version + 1, updatedAt: new Date() })
      .where(and(eq(actionPlans.id, planId), eq(actionPlans.districtId, ctx.actor.districtId), eq(actionPlans.version, version)))
      .returning();
    if (!row) return false;
    await recordAudit(tx, ctx, {
      action: 'action_plan.update',
      entityType: 'action_plan',
      entityId: planId,
      before: access.plan,
      after: row,
    });
    return true;
  });
  if (!written) throw conflict(await planView(ctx, planId));
  return planView(ctx, planId);
}

/**
 * GET /api/action-plans/:planId/options: what the protocol form offers. Owners: people of the
 * district (the team's current members first is the web's concern; here the team's members and the
 * people named on its open action items). Sources: the initiative's PDSA cycles, the team's
 * decisions, the components of the initiative's practice profile; the team's open action items to promote.
 */
export async function planOptions(ctx: Ctx, planId: string): Promise<ActionPlanOptions> {
  const { plan, today } = await loadPlan(ctx, planId);
  const districtId = ctx.actor.districtId;
  const [initiative] = plan.initiativeId
    ? await ctx.db
        .select()
        .from(initiatives)
        .where(and(eq(initiatives.id, plan.initiativeId), eq(initiatives.districtId, districtId)))
    : [];
  const [members, cycles, decisions, components, actionItems] = await Promise.all([
    ctx.db
      .selectDistinct({ id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName })
      .from(implementationTeamMembers)
      .innerJoin(
        people,
        and(eq(people.id, implementationTeamMembers.personId), eq(people.districtId, implementationTeamMembers.districtId)),
      )
      .where(
        and(
          eq(implementationTeamMembers.districtId, districtId),
          eq(implementationTeamMembers.teamId, plan.teamId),
          lte(implementationTeamMembers.startsOn, today),
          or(isNull(implementationTeamMembers.endsOn), gt(implementationTeamMembers.endsOn, today)),
        ),
      ),
    initiative
      ? ctx.db
          .select({ id: pdsaCycles.id, name: pdsaCycles.title })
          .from(pdsaCycles)
          .where(and(eq(pdsaCycles.districtId, districtId), eq(pdsaCycles.initiativeId, initiative.id)))
          .orderBy(desc(pdsaCycles.updatedAt))
          .limit(200)
      : [],
    ctx.db
      .select({ id: implementationDecisions.id, name: implementationDecisions.text })
      .from(implementationDecisions)
      .innerJoin(
        implementationMeetings,
        and(
          eq(implementationMeetings.id, implementationDecisions.meetingId),
          eq(implementationMeetings.districtId, implementationDecisions.districtId),
        ),
      )
      .where(and(eq(implementationDecisions.districtId, districtId), eq(implementationMeetings.teamId, plan.teamId)))
      .orderBy(desc(implementationDecisions.createdAt))
      .limit(200),
    initiative?.profileVersionId
      ? ctx.db
          .select({ id: frameworkItems.id, name: frameworkItems.fullStatement })
          .from(frameworkItems)
          .where(and(eq(frameworkItems.districtId, districtId), eq(frameworkItems.versionId, initiative.profileVersionId)))
          .orderBy(asc(frameworkItems.humanCode))
      : [],
    ctx.db
      .select({
        id: implementationActionItems.id,
        text: implementationActionItems.text,
        ownerId: implementationActionItems.ownerPersonId,
        dueOn: implementationActionItems.dueOn,
      })
      .from(implementationActionItems)
      .where(
        and(
          eq(implementationActionItems.districtId, districtId),
          eq(implementationActionItems.teamId, plan.teamId),
          isNull(implementationActionItems.doneAt),
        ),
      )
      .orderBy(asc(implementationActionItems.dueOn))
      .limit(200),
  ]);
  return {
    people: members.sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName)),
    sources: { pdsa_cycle: cycles, implementation_decision: decisions, fidelity_component: components },
    actionItems,
  };
}

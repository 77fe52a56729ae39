import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActionStepCheckResult, ActionStepStatus } from '../../../common/observation.ts';
import { ACTION_STEP_STATUSES } from '../../../common/observation.ts';
import type { ActionStep, ActionStepList, ActionStepListQuery } from '../../../common/schemas/action-steps.ts';
import type { Executor } from '../../db/client.ts';
import { actionStepChecks, actionSteps, frameworkItems, observations, people } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { actionStepAbilities, canReadActionStep } from '../../policies/observations.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { personNameSql } from '../observations/access.ts';
import { qualified } from '../../db/qualified.ts';

export type ActionStepRow = typeof actionSteps.$inferSelect;

const creator = alias(people, 'creator');
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * A step of a draft observation is seen only by that observation's observers until it is
 * published (then the teacher is told it was assigned).
 */
export function visibleToActorWhere(actor: Actor): SQL {
  return or(
    isNull(actionSteps.observationId),
    eq(observations.status, 'published'),
    eq(observations.observerPersonId, actor.personId),
    eq(observations.coObserverPersonId, actor.personId),
  )!;
}

/** The latest check of each step recorded by a published observation (one statement). */
const lastCheckSql = sql<{ observationId: string; observedOn: string; result: ActionStepCheckResult; comment: string | null } | null>`(
  select json_build_object('observationId', c.observation_id, 'observedOn', co.observed_on, 'result', c.result, 'comment', c.comment)
  from ${actionStepChecks} c join ${observations} co on co.id = c.observation_id
  where c.action_step_id = ${qualified(actionSteps.id)} and co.status = 'published'
  order by co.observed_on desc, c.created_at desc limit 1)`;

function selectSteps(db: Executor) {
  return db
    .select({
      step: actionSteps,
      personName: personNameSql(people),
      creatorName: personNameSql(creator),
      item: { id: frameworkItems.id, humanCode: frameworkItems.humanCode, fullStatement: frameworkItems.fullStatement },
      observationStatus: observations.status,
      lastCheck: lastCheckSql,
    })
    .from(actionSteps)
    .innerJoin(people, eq(people.id, actionSteps.personId))
    .leftJoin(creator, eq(creator.id, actionSteps.createdByPersonId))
    .leftJoin(frameworkItems, eq(frameworkItems.id, actionSteps.itemId))
    .leftJoin(observations, eq(observations.id, actionSteps.observationId));
}

type SelectedStep = Awaited<ReturnType<ReturnType<typeof selectSteps>['where']>>[number];

function present(actor: Actor, r: SelectedStep): ActionStep {
  const s = r.step;
  return {
    id: s.id,
    person: { id: s.personId, name: r.personName },
    observationId: s.observationId,
    observationPublished: s.observationId === null || r.observationStatus === 'published',
    libraryStepId: s.libraryStepId,
    item: r.item?.id ? r.item : null,
    title: s.title,
    practicePrompt: s.practicePrompt,
    dueOn: s.dueOn,
    status: s.status as ActionStepStatus,
    masteredAt: iso(s.masteredAt),
    createdBy: s.createdByPersonId ? { id: s.createdByPersonId, name: r.creatorName } : null,
    createdAt: iso(s.createdAt)!,
    updatedAt: iso(s.updatedAt)!,
    lastCheck: r.lastCheck,
    version: s.version,
    abilities: actionStepAbilities(actor, { districtId: s.districtId, personId: s.personId, createdByPersonId: s.createdByPersonId }),
  };
}

/** Steps matching `where` (already limited to what the caller may read), oldest due first. */
export async function actionStepViews(actor: Actor, db: Executor, where: SQL): Promise<ActionStep[]> {
  const rows = await selectSteps(db)
    .where(and(eq(actionSteps.districtId, actor.districtId), visibleToActorWhere(actor), where))
    .orderBy(sql`${actionSteps.dueOn} asc nulls last`, actionSteps.createdAt);
  return rows.map((r) => present(actor, r));
}

/** One step the caller may read, else 404. */
export async function actionStepView(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<ActionStep> {
  const [step] = await actionStepViews(ctx.actor, db, eq(actionSteps.id, id));
  if (!step) throw notFound('Action step');
  const units = (await currentOrgUnitsOf(db, ctx.actor.districtId, [step.person.id])).get(step.person.id) ?? [];
  if (
    !canReadActionStep(
      ctx.actor,
      { districtId: ctx.actor.districtId, personId: step.person.id, createdByPersonId: step.createdBy?.id ?? null },
      units,
    )
  ) {
    throw notFound('Action step');
  }
  return step;
}

/** GET /api/action-steps: a person's steps (default: mine) or an observation's, filtered by status. */
export async function listActionSteps(ctx: Ctx, q: ActionStepListQuery): Promise<ActionStepList> {
  const where: SQL[] = [];
  if (q.observationId) where.push(eq(actionSteps.observationId, q.observationId));
  if (q.personId || !q.observationId) where.push(eq(actionSteps.personId, q.personId ?? ctx.actor.personId));
  const statuses = q.open === 'true' ? ['assigned', 'practicing'] : (q.status?.split(',').map((s) => s.trim()) ?? []);
  const known = statuses.filter((s): s is ActionStepStatus => (ACTION_STEP_STATUSES as readonly string[]).includes(s));
  if (known.length > 0) where.push(inArray(actionSteps.status, known));
  const visible = await filterReadable(ctx, await actionStepViews(ctx.actor, ctx.db, and(...where)!));
  return { items: visible.slice(q.offset, q.offset + q.limit), total: visible.length };
}

async function filterReadable(ctx: Ctx, steps: ActionStep[]): Promise<ActionStep[]> {
  const units = await currentOrgUnitsOf(ctx.db, ctx.actor.districtId, [...new Set(steps.map((s) => s.person.id))]);
  return steps.filter((s) =>
    canReadActionStep(
      ctx.actor,
      { districtId: ctx.actor.districtId, personId: s.person.id, createdByPersonId: s.createdBy?.id ?? null },
      units.get(s.person.id) ?? [],
    ),
  );
}

import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ClosePlanInput,
  ImprovementPlan,
  ImprovementPlanFields,
  ImprovementPlanInput,
  ImprovementPlanListQuery,
  ImprovementPlanUpdate,
  ResponseInput,
} from '../../../../common/schemas/professionalism.ts';
import type { Executor } from '../../../db/client.ts';
import { improvementPlans, professionalismConcerns } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, invalidState, notFound } from '../../../lib/errors.ts';
import { canReadConcern } from '../../../policies/performance.ts';
import { recordAudit } from '../../audit.ts';
import { notify } from '../../notifications/notify.ts';
import { namesOf, orgUnitsOfPerson, supervises, visibleTo } from './access.ts';
import { invalid, raisableOrgUnits } from './concerns.ts';

type PlanRow = typeof improvementPlans.$inferSelect;

/** Dates in order: starts on or before it ends, every check date inside. */
function checkDates(input: z.infer<typeof ImprovementPlanFields>) {
  if (input.startsOn > input.endsOn) throw invalid('endsOn', 'Ends on or after it starts');
  input.checkDates.forEach((c, i) => {
    if (c.on < input.startsOn || c.on > input.endsOn) throw invalid(`checkDates.${i}.on`, 'Inside the plan’s dates');
  });
}

function present(ctx: Ctx, r: PlanRow, names: Map<string, string>, orgUnitIds: string[]): ImprovementPlan {
  const self = r.personId === ctx.actor.personId;
  const over = !self && (r.ownerPersonId === ctx.actor.personId || supervises(ctx, r.personId, orgUnitIds));
  return {
    id: r.id,
    person: { id: r.personId, name: names.get(r.personId) ?? '?' },
    owner: { id: r.ownerPersonId, name: names.get(r.ownerPersonId) ?? '?' },
    concernId: r.concernId,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    goals: r.goals,
    supports: r.supports,
    checkDates: r.checkDates,
    status: r.status as ImprovementPlan['status'],
    outcome: r.outcome as ImprovementPlan['outcome'],
    outcomeNote: r.outcomeNote,
    personResponse: r.personResponse,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    abilities: {
      edit: over && r.status !== 'closed',
      activate: over && r.status === 'draft',
      close: over && r.status === 'active',
      respond: self && r.status !== 'draft',
    },
  };
}

async function presentAll(ctx: Ctx, db: Executor, rows: PlanRow[]): Promise<ImprovementPlan[]> {
  const names = await namesOf(
    db,
    ctx.actor.districtId,
    rows.flatMap((r) => [r.personId, r.ownerPersonId]),
  );
  const units = new Map<string, string[]>();
  for (const id of new Set(rows.map((r) => r.personId))) units.set(id, await orgUnitsOfPerson(db, ctx.actor.districtId, id));
  return rows.map((r) => present(ctx, r, names, units.get(r.personId) ?? []));
}

/** A plan the caller may read, else 404; the person sees their plan once it is active. */
async function loadReadablePlan(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<PlanRow> {
  const [row] = await db
    .select()
    .from(improvementPlans)
    .where(and(eq(improvementPlans.id, id), eq(improvementPlans.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Improvement plan');
  const orgUnitIds = await orgUnitsOfPerson(db, ctx.actor.districtId, row.personId);
  const readable = canReadConcern(
    ctx.actor,
    { districtId: row.districtId, personId: row.personId, ownerPersonId: row.ownerPersonId },
    orgUnitIds,
  );
  if (!readable || (row.personId === ctx.actor.personId && row.status === 'draft')) throw notFound('Improvement plan');
  return row;
}

export async function getImprovementPlan(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<ImprovementPlan> {
  return (await presentAll(ctx, db, [await loadReadablePlan(ctx, id, db)]))[0]!;
}

/** A leader of the person's school or HR drafts a plan, from one of the person's concerns if given. */
export async function createImprovementPlan(ctx: Ctx, personId: string, input: z.infer<typeof ImprovementPlanInput>) {
  await raisableOrgUnits(ctx, personId);
  checkDates(input);
  if (input.concernId) {
    const [concern] = await ctx.db
      .select({ personId: professionalismConcerns.personId })
      .from(professionalismConcerns)
      .where(and(eq(professionalismConcerns.id, input.concernId), eq(professionalismConcerns.districtId, ctx.actor.districtId)));
    if (concern?.personId !== personId) throw invalid('concernId', 'A concern about this person');
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(improvementPlans)
      .values({ districtId: ctx.actor.districtId, personId, ownerPersonId: ctx.actor.personId, ...input })
      .returning();
    await recordAudit(tx, ctx, { action: 'improvement_plan.create', entityType: 'improvement_plan', entityId: row!.id, after: row });
    return row!.id;
  });
  return getImprovementPlan(ctx, id);
}

/** Plans the caller may see (drafts hidden from the person), newest first. */
export async function listImprovementPlans(ctx: Ctx, q: z.infer<typeof ImprovementPlanListQuery>) {
  const p = improvementPlans;
  const filters: (SQL | undefined)[] = [
    eq(p.districtId, ctx.actor.districtId),
    visibleTo(ctx, p.personId, p.ownerPersonId, sql`${p.status} = 'draft'`),
    q.status ? eq(p.status, q.status) : undefined,
    q.personId ? eq(p.personId, q.personId) : undefined,
  ];
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(p).where(where).orderBy(desc(p.startsOn), desc(p.createdAt)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(p).where(where),
  ]);
  return { items: await presentAll(ctx, ctx.db, rows), total: total?.n ?? 0 };
}

type Ability = keyof ImprovementPlan['abilities'];

async function write(
  ctx: Ctx,
  id: string,
  version: number,
  need: Ability,
  action: string,
  change: (row: PlanRow) => Partial<PlanRow>,
  after?: (tx: Executor, row: PlanRow) => Promise<void>,
) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadReadablePlan(ctx, id, tx);
    const [plan] = await presentAll(ctx, tx, [row]);
    if (!plan!.abilities[need]) {
      const mayAtAll = need === 'respond' ? row.personId === ctx.actor.personId : row.personId !== ctx.actor.personId;
      throw mayAtAll ? invalidState(`The plan is ${row.status}`) : forbidden();
    }
    if (row.version !== version) throw conflict(plan);
    const [saved] = await tx
      .update(improvementPlans)
      .set({ ...change(row), version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(improvementPlans.id, id), eq(improvementPlans.version, row.version)))
      .returning();
    if (!saved) throw conflict(await getImprovementPlan(ctx, id, tx));
    await recordAudit(tx, ctx, { action, entityType: 'improvement_plan', entityId: id, before: row, after: saved });
    await after?.(tx, saved);
  });
  return getImprovementPlan(ctx, id);
}

/** Goals, supports, dates and check notes, until the plan is closed. */
export async function updateImprovementPlan(ctx: Ctx, id: string, input: z.infer<typeof ImprovementPlanUpdate>) {
  checkDates(input);
  const { version, ...fields } = input;
  return write(ctx, id, version, 'edit', 'improvement_plan.update', () => fields);
}

/** The plan starts: the person sees it and is told. */
export async function activateImprovementPlan(ctx: Ctx, id: string, version: number) {
  return write(
    ctx,
    id,
    version,
    'activate',
    'improvement_plan.activate',
    () => ({ status: 'active' }),
    async (tx, row) => {
      const owner = (await namesOf(tx, ctx.actor.districtId, [row.ownerPersonId])).get(row.ownerPersonId) ?? '';
      await notify(tx, ctx, {
        personIds: [row.personId],
        kind: 'improvement_plan_activated',
        entityType: 'improvement_plan',
        entityId: row.id,
        params: { owner, startsOn: row.startsOn, endsOn: row.endsOn },
        path: `/performance/improvement-plans/${row.id}`,
      });
    },
  );
}

/** The plan ends with an outcome (met, not met, extended) and a note. */
export async function closeImprovementPlan(ctx: Ctx, id: string, input: z.infer<typeof ClosePlanInput>) {
  return write(ctx, id, input.version, 'close', 'improvement_plan.close', () => ({
    status: 'closed',
    outcome: input.outcome,
    outcomeNote: input.note,
  }));
}

/** The person's response to their plan (active or closed). */
export async function respondToImprovementPlan(ctx: Ctx, id: string, input: z.infer<typeof ResponseInput>) {
  return write(ctx, id, input.version, 'respond', 'improvement_plan.respond', () => ({ personResponse: input.response }));
}

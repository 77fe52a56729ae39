import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { todayIn } from '../../../../common/clock.ts';
import type { Concern, ConcernInput, ConcernListQuery, ResponseInput } from '../../../../common/schemas/professionalism.ts';
import type { Executor } from '../../../db/client.ts';
import { districts, escalationSteps, professionalismConcerns, professionalismExpectations } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../../lib/errors.ts';
import { isHrOrAdmin } from '../../../policies/app.ts';
import { canReadConcern } from '../../../policies/performance.ts';
import { recordAudit } from '../../audit.ts';
import { notify } from '../../notifications/notify.ts';
import { loadReadablePerson } from '../../people/load.ts';
import { namesOf, orgUnitsOfPerson, supervises, visibleTo } from './access.ts';

type ConcernRow = typeof professionalismConcerns.$inferSelect;

export const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

/** Today's date in the district's time zone. */
export async function districtDay(db: Executor, districtId: string): Promise<string> {
  const [row] = await db.select({ timeZone: districts.timeZone }).from(districts).where(eq(districts.id, districtId));
  return todayIn(row?.timeZone ?? 'America/New_York');
}

/** Concerns as the API shows them, with what the caller may do with each. */
async function present(ctx: Ctx, db: Executor, rows: ConcernRow[]): Promise<Concern[]> {
  const d = ctx.actor.districtId;
  const names = await namesOf(
    db,
    d,
    rows.flatMap((r) => [r.personId, r.raisedByPersonId]),
  );
  const [expectations, steps] = await Promise.all([
    db.select().from(professionalismExpectations).where(eq(professionalismExpectations.districtId, d)),
    db.select().from(escalationSteps).where(eq(escalationSteps.districtId, d)),
  ]);
  const expectation = new Map(expectations.map((e) => [e.id, e.title]));
  const step = new Map(steps.map((s) => [s.id, s.title]));
  const units = new Map<string, string[]>();
  for (const id of new Set(rows.map((r) => r.personId))) units.set(id, await orgUnitsOfPerson(db, d, id));
  return rows.map((r) => {
    const self = r.personId === ctx.actor.personId;
    const over = !self && (r.raisedByPersonId === ctx.actor.personId || supervises(ctx, r.personId, units.get(r.personId) ?? []));
    return {
      id: r.id,
      person: { id: r.personId, name: names.get(r.personId) ?? '?' },
      raisedBy: { id: r.raisedByPersonId, name: names.get(r.raisedByPersonId) ?? '?' },
      expectation: { id: r.expectationId, title: expectation.get(r.expectationId) ?? '?' },
      escalationStep: r.escalationStepId ? { id: r.escalationStepId, title: step.get(r.escalationStepId) ?? '?' } : null,
      occurredOn: r.occurredOn,
      description: r.description,
      personResponse: r.personResponse,
      respondedAt: r.respondedAt?.toISOString() ?? null,
      status: r.status as Concern['status'],
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      abilities: {
        respond: self && r.status === 'open',
        resolve: over && r.status === 'open',
        openPlan: !self && supervises(ctx, r.personId, units.get(r.personId) ?? []),
      },
    };
  });
}

/** A concern the caller may read, else 404 (another district, a coach, a leader of another school). */
export async function loadReadableConcern(ctx: Ctx, id: string, db: Executor = ctx.db) {
  const [row] = await db
    .select()
    .from(professionalismConcerns)
    .where(and(eq(professionalismConcerns.id, id), eq(professionalismConcerns.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Concern');
  const orgUnitIds = await orgUnitsOfPerson(db, ctx.actor.districtId, row.personId);
  if (!canReadConcern(ctx.actor, { districtId: row.districtId, personId: row.personId, ownerPersonId: row.raisedByPersonId }, orgUnitIds)) {
    throw notFound('Concern');
  }
  return { row, orgUnitIds };
}

export async function getConcern(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<Concern> {
  const { row } = await loadReadableConcern(ctx, id, db);
  return (await present(ctx, db, [row]))[0]!;
}

/** An active expectation or escalation step of the caller's district, else 400 on `path`. */
async function checkActive(ctx: Ctx, table: typeof professionalismExpectations | typeof escalationSteps, id: string, path: string) {
  const [row] = await ctx.db
    .select({ active: table.active, title: table.title })
    .from(table)
    .where(and(eq(table.id, id), eq(table.districtId, ctx.actor.districtId)));
  if (!row) throw invalid(path, 'Not one of the district’s');
  if (!row.active) throw invalid(path, 'No longer in use');
  return row;
}

/** A leader of the person's school, HR or an admin documents a concern; the person is told (in-app and e-mail). */
export async function raiseConcern(ctx: Ctx, personId: string, input: z.infer<typeof ConcernInput>): Promise<Concern> {
  await raisableOrgUnits(ctx, personId);
  const expectation = await checkActive(ctx, professionalismExpectations, input.expectationId, 'expectationId');
  if (input.escalationStepId) await checkActive(ctx, escalationSteps, input.escalationStepId, 'escalationStepId');
  if (input.occurredOn > (await districtDay(ctx.db, ctx.actor.districtId))) throw invalid('occurredOn', 'Not in the future');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(professionalismConcerns)
      .values({ districtId: ctx.actor.districtId, personId, raisedByPersonId: ctx.actor.personId, ...input })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'professionalism_concern.create',
      entityType: 'professionalism_concern',
      entityId: row!.id,
      after: row,
    });
    const author = (await namesOf(tx, ctx.actor.districtId, [ctx.actor.personId])).get(ctx.actor.personId) ?? '';
    await notify(tx, ctx, {
      personIds: [personId],
      kind: 'concern_documented',
      entityType: 'professionalism_concern',
      entityId: row!.id,
      params: { author, expectation: expectation.title, date: input.occurredOn },
      path: `/performance/concerns/${row!.id}`,
    });
    return row!.id;
  });
  return getConcern(ctx, id);
}

/**
 * The person's current org units, when the caller may document a concern about (or open a plan for)
 * them: someone who may raise none at all (not HR, leading no school) 403; a person outside the
 * caller's schools 404.
 */
export async function raisableOrgUnits(ctx: Ctx, personId: string): Promise<string[]> {
  if (!isHrOrAdmin(ctx.actor) && ctx.actor.leaderOrgUnitIds.length === 0) {
    throw forbidden('Only school leaders and HR document concerns');
  }
  const { assignments } = await loadReadablePerson(ctx, personId);
  const orgUnitIds = assignments.filter((a) => a.current).map((a) => a.orgUnitId);
  if (personId === ctx.actor.personId) throw forbidden('Nobody documents a concern about themselves');
  if (!supervises(ctx, personId, orgUnitIds)) throw notFound('Person');
  return orgUnitIds;
}

/** Concerns the caller may see (their own, raised by them, their schools', all for HR), newest first. */
export async function listConcerns(ctx: Ctx, q: z.infer<typeof ConcernListQuery>) {
  const c = professionalismConcerns;
  const filters: (SQL | undefined)[] = [
    eq(c.districtId, ctx.actor.districtId),
    visibleTo(ctx, c.personId, c.raisedByPersonId),
    q.status ? eq(c.status, q.status) : undefined,
    q.personId ? eq(c.personId, q.personId) : undefined,
    q.expectationId ? eq(c.expectationId, q.expectationId) : undefined,
  ];
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(c).where(where).orderBy(desc(c.occurredOn), desc(c.createdAt)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(c).where(where),
  ]);
  return { items: await present(ctx, ctx.db, rows), total: total?.n ?? 0 };
}

/** The concerns of one person, for whoever may read them (the person must be readable: else 404). */
export async function personConcerns(ctx: Ctx, personId: string, q: z.infer<typeof ConcernListQuery>) {
  const { assignments } = await loadReadablePerson(ctx, personId);
  const orgUnitIds = assignments.filter((a) => a.current).map((a) => a.orgUnitId);
  const list = await listConcerns(ctx, { ...q, personId });
  // Only the person, who may supervise them, or who raised one of their concerns sees the list.
  if (personId !== ctx.actor.personId && !supervises(ctx, personId, orgUnitIds) && list.total === 0) throw notFound('Person');
  return list;
}

async function write(ctx: Ctx, id: string, version: number, action: string, change: (row: ConcernRow) => Partial<ConcernRow>) {
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadReadableConcern(ctx, id, tx);
    if (row.version !== version) throw conflict(await getConcern(ctx, id, tx));
    const [after] = await tx
      .update(professionalismConcerns)
      .set({ ...change(row), version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(professionalismConcerns.id, id), eq(professionalismConcerns.version, row.version)))
      .returning();
    if (!after) throw conflict(await getConcern(ctx, id, tx));
    await recordAudit(tx, ctx, { action, entityType: 'professionalism_concern', entityId: id, before: row, after });
  });
  return getConcern(ctx, id);
}

/** The person writes (or rewrites) their response while the concern is open. */
export async function respondToConcern(ctx: Ctx, id: string, input: z.infer<typeof ResponseInput>) {
  const concern = await getConcern(ctx, id);
  if (concern.person.id !== ctx.actor.personId) throw forbidden('Only the person responds');
  if (concern.status !== 'open') throw invalidState('The concern is resolved');
  return write(ctx, id, input.version, 'professionalism_concern.respond', () => ({
    personResponse: input.response,
    respondedAt: new Date(),
  }));
}

/** Who raised it, a leader of the person's school or HR resolves an open concern. */
export async function resolveConcern(ctx: Ctx, id: string, version: number) {
  const concern = await getConcern(ctx, id);
  if (!concern.abilities.resolve) {
    if (concern.status !== 'open' && concern.person.id !== ctx.actor.personId) throw invalidState('The concern is resolved');
    throw forbidden('Only who raised it, the school’s leaders or HR resolve a concern');
  }
  return write(ctx, id, version, 'professionalism_concern.resolve', () => ({ status: 'resolved' }));
}

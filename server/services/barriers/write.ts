import { and, asc, eq } from 'drizzle-orm';
import { BARRIER_NEXT, isClosedBarrier, type BarrierStatus } from '../../../common/action-plans.ts';
import type { Barrier, BarrierNotesInput, MoveBarrierInput, RaiseBarrierInput } from '../../../common/schemas/barriers.ts';
import type { Executor } from '../../db/client.ts';
import { barriers, implementationTeamMembers, implementationTeams, initiatives, orgUnits, type BarrierRow } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidField, invalidState, notFound } from '../../lib/errors.ts';
import { canHandleBarrier, canRaiseBarrier } from '../../policies/action-plans.ts';
import { recordAudit } from '../audit.ts';
import { districtToday, personRefs } from '../coaching/refs.ts';
import { assertInitiativeOrgUnits, assertProfileItems } from '../implementation/initiative.ts';
import { notify } from '../notifications/notify.ts';
import { holdsOn } from '../teams/periods.ts';
import { barrierView, loadBarrier } from './load.ts';

/**
 * Raising and handling barriers. Routing: the school's active implementation team for the
 * initiative first, else the initiative's district team; with neither, a 400 naming `initiativeId`.
 * Escalating moves it from a school team to the team it reports to (else the initiative's district
 * team); with no district team, 409 `invalid_state` code `no_district_team`. Closing (resolved, will
 * not fix) needs an answer, which goes back to the person who raised it as a notification.
 */

type TeamRow = typeof implementationTeams.$inferSelect;

async function activeTeam(db: Executor, districtId: string, where: { kind: string; initiativeId: string; orgUnitId?: string }) {
  const [team] = await db
    .select()
    .from(implementationTeams)
    .where(
      and(
        eq(implementationTeams.districtId, districtId),
        eq(implementationTeams.kind, where.kind),
        eq(implementationTeams.initiativeId, where.initiativeId),
        eq(implementationTeams.active, true),
        where.orgUnitId ? eq(implementationTeams.orgUnitId, where.orgUnitId) : undefined,
      ),
    )
    .orderBy(asc(implementationTeams.createdAt))
    .limit(1);
  return team ?? null;
}

/** The team above a school team: the one it reports to when that is an active district team, else the initiative's district team. */
async function districtTeamFor(db: Executor, districtId: string, team: TeamRow, initiativeId: string): Promise<TeamRow | null> {
  if (team.reportsToTeamId) {
    const [above] = await db
      .select()
      .from(implementationTeams)
      .where(and(eq(implementationTeams.id, team.reportsToTeamId), eq(implementationTeams.districtId, districtId)));
    if (above?.active && above.kind === 'district') return above;
  }
  return activeTeam(db, districtId, { kind: 'district', initiativeId });
}

/** Current members of a team (person ids). */
async function currentMembers(db: Executor, districtId: string, teamId: string): Promise<string[]> {
  const { today } = await districtToday(db, districtId);
  const rows = await db
    .select()
    .from(implementationTeamMembers)
    .where(and(eq(implementationTeamMembers.districtId, districtId), eq(implementationTeamMembers.teamId, teamId)));
  return [...new Set(rows.filter((r) => holdsOn(r, today)).map((r) => r.personId))];
}

async function names(db: Executor, row: BarrierRow) {
  const [[initiative], [school]] = await Promise.all([
    db.select({ name: initiatives.name }).from(initiatives).where(eq(initiatives.id, row.initiativeId)),
    db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, row.orgUnitId)),
  ]);
  return { initiative: initiative?.name ?? '', school: school?.name ?? '' };
}

/** Tells the members of the team now holding the barrier (in the write's transaction). */
async function notifyTeam(tx: Executor, ctx: Ctx, row: BarrierRow) {
  const people = await currentMembers(tx, ctx.actor.districtId, row.routedTeamId);
  const author = (await personRefs(tx, ctx.actor.districtId, [row.raisedByPersonId])).get(row.raisedByPersonId);
  await notify(tx, ctx, {
    personIds: people,
    kind: 'barrier_raised',
    entityType: 'barrier',
    entityId: row.id,
    params: { author: author ? `${author.preferredName ?? author.givenName} ${author.familyName}` : '', ...(await names(tx, row)) },
    path: `/barriers/${row.id}`,
  });
}

/** POST /api/barriers: anyone on staff; routed on the way in. */
export async function raiseBarrier(ctx: Ctx, input: RaiseBarrierInput): Promise<Barrier> {
  if (!canRaiseBarrier(ctx.actor)) throw notFound('Barrier');
  const d = ctx.actor.districtId;
  const [initiative] = await ctx.db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.id, input.initiativeId), eq(initiatives.districtId, d)));
  if (!initiative) throw invalidField('initiativeId', 'not an initiative of this district');
  await assertInitiativeOrgUnits(ctx, initiative, [input.orgUnitId], 'orgUnitId');
  if (input.itemId) await assertProfileItems(ctx, initiative, [input.itemId], 'itemId');
  const team =
    (await activeTeam(ctx.db, d, { kind: 'school', initiativeId: initiative.id, orgUnitId: input.orgUnitId })) ??
    (await activeTeam(ctx.db, d, { kind: 'district', initiativeId: initiative.id }));
  if (!team) throw invalidField('initiativeId', 'no implementation team leads this initiative yet to route the barrier to');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(barriers)
      .values({
        districtId: d,
        kind: input.kind,
        initiativeId: initiative.id,
        itemId: input.itemId ?? null,
        orgUnitId: input.orgUnitId,
        description: input.description,
        raisedByPersonId: ctx.actor.personId,
        routedTeamId: team.id,
        firstTeamId: team.id,
        updatedBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'barrier.raise', entityType: 'barrier', entityId: row!.id, after: row });
    await notifyTeam(tx, ctx, row!);
    return row!.id;
  });
  return barrierView(ctx, id);
}

/** The handler's guards: may act (403 otherwise), fresh version (409 with the current barrier). */
async function loadForHandling(ctx: Ctx, id: string, version: number) {
  const loaded = await loadBarrier(ctx, id);
  if (!canHandleBarrier(ctx.actor, loaded.standing)) throw forbidden('Only the team holding this barrier, HR and admins act on it');
  if (loaded.row.version !== version) throw conflict(await barrierView(ctx, id));
  return loaded.row;
}

/** Writes the change under the version check, audited; 409 with the current barrier when someone got there first. */
async function writeBarrier(
  ctx: Ctx,
  row: BarrierRow,
  set: Partial<BarrierRow>,
  action: string,
  after?: (tx: Executor, next: BarrierRow) => Promise<void>,
) {
  const written = await ctx.db.transaction(async (tx) => {
    const [next] = await tx
      .update(barriers)
      .set({ ...set, updatedBy: ctx.actor.userId, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(barriers.id, row.id), eq(barriers.districtId, ctx.actor.districtId), eq(barriers.version, row.version)))
      .returning();
    if (!next) return false;
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, row[k as keyof BarrierRow]]));
    await recordAudit(tx, ctx, { action, entityType: 'barrier', entityId: row.id, before, after: set });
    await after?.(tx, next);
    return true;
  });
  if (!written) throw conflict(await barrierView(ctx, row.id));
  return barrierView(ctx, row.id);
}

/** POST /api/barriers/:id/move: acknowledge, escalate, resolve or decline (will not fix). */
export async function moveBarrier(ctx: Ctx, id: string, input: MoveBarrierInput): Promise<Barrier> {
  const row = await loadForHandling(ctx, id, input.version);
  const status = row.status as BarrierStatus;
  if (isClosedBarrier(status)) throw invalidState('This barrier is closed', { code: 'barrier_closed' });
  if (!BARRIER_NEXT[status].includes(input.to)) throw invalidState(`A barrier ${status} cannot move to ${input.to}`, { code: 'bad_move' });
  const answer = input.answer?.trim() ?? '';
  if (input.to === 'escalated') {
    const [holder] = await ctx.db.select().from(implementationTeams).where(eq(implementationTeams.id, row.routedTeamId));
    if (!holder || holder.kind !== 'school') throw invalidState('Only a school team escalates a barrier', { code: 'not_school_team' });
    const above = await districtTeamFor(ctx.db, ctx.actor.districtId, holder, row.initiativeId);
    if (!above) throw invalidState('No district team leads this initiative: there is no team to escalate to', { code: 'no_district_team' });
    return writeBarrier(
      ctx,
      row,
      { status: 'escalated', routedTeamId: above.id, escalatedAt: new Date(), ...(answer ? { answer } : {}) },
      'barrier.escalate',
      (tx, next) => notifyTeam(tx, ctx, next),
    );
  }
  if (input.to === 'acknowledged')
    return writeBarrier(ctx, row, { status: 'acknowledged', ...(answer ? { answer } : {}) }, 'barrier.acknowledge');
  if (!answer) throw invalidField('answer', 'write the answer that goes back to the person who raised it');
  return writeBarrier(ctx, row, { status: input.to, answer, closedAt: new Date() }, `barrier.${input.to}`, async (tx, next) =>
    notify(tx, ctx, {
      personIds: [next.raisedByPersonId],
      kind: 'barrier_answered',
      entityType: 'barrier',
      entityId: next.id,
      params: await names(tx, next),
      path: `/barriers/${next.id}`,
    }),
  );
}

/** PATCH /api/barriers/:id: the teams' internal notes (never shown to the person who raised it). */
export async function saveBarrierNotes(ctx: Ctx, id: string, input: BarrierNotesInput): Promise<Barrier> {
  const row = await loadForHandling(ctx, id, input.version);
  return writeBarrier(ctx, row, { internalNotes: input.internalNotes }, 'barrier.notes');
}

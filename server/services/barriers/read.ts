import { and, asc, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { BARRIER_STATUSES, CLOSED_BARRIER_STATUSES } from '../../../common/action-plans.ts';
import type { BarrierList, BarrierListQuery, BarrierOptions } from '../../../common/schemas/barriers.ts';
import { barriers, frameworkItems, initiatives, initiativeSchools, orgUnits, roleAssignments } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { canRaiseBarrier, canReadAllBarriers, canReadTeamBarriers } from '../../policies/action-plans.ts';
import { districtToday } from '../coaching/refs.ts';
import { loadTeamRow } from '../implementation/teams/load.ts';
import { myTeamIds, presentBarriers } from './load.ts';

/** Lists of barriers: the caller's own, a team's queue, and every barrier for HR and admins. */

function statusFilter(q: BarrierListQuery): SQL | undefined {
  if (!q.status) return undefined;
  if (q.status === 'closed') return inArray(barriers.status, [...CLOSED_BARRIER_STATUSES]);
  if (q.status === 'open')
    return inArray(
      barriers.status,
      BARRIER_STATUSES.filter((s) => !(CLOSED_BARRIER_STATUSES as readonly string[]).includes(s)),
    );
  return eq(barriers.status, q.status);
}

async function list(ctx: Ctx, where: SQL | undefined, q: BarrierListQuery): Promise<BarrierList> {
  const filter = and(eq(barriers.districtId, ctx.actor.districtId), where, statusFilter(q));
  const [rows, [total], teams] = await Promise.all([
    ctx.db.select().from(barriers).where(filter).orderBy(desc(barriers.createdAt), asc(barriers.id)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(barriers).where(filter),
    myTeamIds(ctx),
  ]);
  return { items: await presentBarriers(ctx, rows, teams), total: total?.n ?? 0 };
}

/** GET /api/barriers/mine: the barriers the caller raised, newest first, with the teams' answers. */
export async function myBarriers(ctx: Ctx, q: BarrierListQuery): Promise<BarrierList> {
  if (!canRaiseBarrier(ctx.actor)) throw notFound('Barrier');
  return list(ctx, eq(barriers.raisedByPersonId, ctx.actor.personId), q);
}

/** GET /api/implementation-teams/:id/barriers: the barriers the team holds or first held (members, HR, admins; others 403). */
export async function teamBarriers(ctx: Ctx, teamId: string, q: BarrierListQuery): Promise<BarrierList> {
  const team = await loadTeamRow(ctx, teamId);
  const teams = await myTeamIds(ctx);
  if (!canReadTeamBarriers(ctx.actor, teams.has(team.id)))
    throw forbidden("Only the team's current members, HR and admins see its barriers");
  return list(ctx, or(eq(barriers.routedTeamId, teamId), eq(barriers.firstTeamId, teamId)), q);
}

/** GET /api/barriers: every barrier of the district (HR and admins; others 403). */
export async function allBarriers(ctx: Ctx, q: BarrierListQuery): Promise<BarrierList> {
  if (!canRaiseBarrier(ctx.actor)) throw notFound('Barrier');
  if (!canReadAllBarriers(ctx.actor)) throw forbidden('Only HR and admins see every barrier');
  return list(ctx, undefined, q);
}

/** GET /api/barriers/options: active initiatives with the schools they cover and their components; the caller's own schools. */
export async function barrierOptions(ctx: Ctx): Promise<BarrierOptions> {
  if (!canRaiseBarrier(ctx.actor)) throw notFound('Barrier');
  const d = ctx.actor.districtId;
  const inits = await ctx.db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.districtId, d), eq(initiatives.status, 'active')))
    .orderBy(asc(initiatives.name));
  const ids = inits.map((i) => i.id);
  const versionIds = [...new Set(inits.map((i) => i.profileVersionId).filter((v): v is string => !!v))];
  const { today } = await districtToday(ctx.db, d);
  const [schools, components, mine] = await Promise.all([
    ids.length
      ? ctx.db
          .select({ initiativeId: initiativeSchools.initiativeId, id: orgUnits.id, name: orgUnits.name })
          .from(initiativeSchools)
          .innerJoin(orgUnits, and(eq(orgUnits.id, initiativeSchools.orgUnitId), eq(orgUnits.districtId, initiativeSchools.districtId)))
          .where(and(eq(initiativeSchools.districtId, d), inArray(initiativeSchools.initiativeId, ids)))
          .orderBy(asc(orgUnits.name))
      : [],
    versionIds.length
      ? ctx.db
          .select({ versionId: frameworkItems.versionId, id: frameworkItems.id, name: frameworkItems.fullStatement })
          .from(frameworkItems)
          .where(and(eq(frameworkItems.districtId, d), inArray(frameworkItems.versionId, versionIds)))
          .orderBy(asc(frameworkItems.humanCode))
      : [],
    ctx.db
      .select({ orgUnitId: roleAssignments.orgUnitId, beginDate: roleAssignments.beginDate, endDate: roleAssignments.endDate })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.districtId, d), eq(roleAssignments.personId, ctx.actor.personId), eq(roleAssignments.active, true))),
  ]);
  return {
    initiatives: inits.map((i) => ({
      id: i.id,
      name: i.name,
      schools: schools.filter((s) => s.initiativeId === i.id).map(({ id, name }) => ({ id, name })),
      components: components.filter((c) => c.versionId === i.profileVersionId).map(({ id, name }) => ({ id, name })),
    })),
    mySchoolIds: [
      ...new Set(mine.filter((r) => (!r.beginDate || r.beginDate <= today) && (!r.endDate || r.endDate >= today)).map((r) => r.orgUnitId)),
    ],
  };
}

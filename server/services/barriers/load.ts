import { and, eq, inArray } from 'drizzle-orm';
import type { BarrierKind, BarrierStatus } from '../../../common/action-plans.ts';
import type { Barrier } from '../../../common/schemas/barriers.ts';
import type { Executor } from '../../db/client.ts';
import {
  barriers,
  frameworkItems,
  implementationTeamMembers,
  implementationTeams,
  initiatives,
  orgUnits,
  type BarrierRow,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { barrierMoves, canHandleBarrier, canReadBarrier, canReadBarrierNotes, type BarrierStanding } from '../../policies/action-plans.ts';
import { districtToday, personRefs, unknownPerson } from '../coaching/refs.ts';
import { holdsOn } from '../teams/periods.ts';

/** The implementation teams the caller is a current member of (ids). */
export async function myTeamIds(ctx: Ctx, db: Executor = ctx.db): Promise<Set<string>> {
  const { today } = await districtToday(db, ctx.actor.districtId);
  const rows = await db
    .select({
      teamId: implementationTeamMembers.teamId,
      startsOn: implementationTeamMembers.startsOn,
      endsOn: implementationTeamMembers.endsOn,
    })
    .from(implementationTeamMembers)
    .where(and(eq(implementationTeamMembers.districtId, ctx.actor.districtId), eq(implementationTeamMembers.personId, ctx.actor.personId)));
  return new Set(rows.filter((r) => holdsOn(r, today)).map((r) => r.teamId));
}

export function standing(ctx: Ctx, row: BarrierRow, teams: Set<string>): BarrierStanding {
  return {
    raisedByMe: row.raisedByPersonId === ctx.actor.personId,
    onRoutedTeam: teams.has(row.routedTeamId),
    onFirstTeam: teams.has(row.firstTeamId),
    leadsSchool: ctx.actor.leaderOrgUnitIds.includes(row.orgUnitId),
  };
}

/** The barrier of the caller's district that the caller may read, with their standing; 404 otherwise. */
export async function loadBarrier(ctx: Ctx, id: string, db: Executor = ctx.db) {
  const [row] = await db
    .select()
    .from(barriers)
    .where(and(eq(barriers.id, id), eq(barriers.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Barrier');
  const teams = await myTeamIds(ctx, db);
  const s = standing(ctx, row, teams);
  if (!canReadBarrier(ctx.actor, s)) throw notFound('Barrier');
  return { row, standing: s, teams };
}

const named = (
  db: Executor,
  table: typeof initiatives | typeof orgUnits | typeof implementationTeams,
  districtId: string,
  ids: string[],
) =>
  ids.length
    ? db
        .select({ id: table.id, name: table.name })
        .from(table)
        .where(and(eq(table.districtId, districtId), inArray(table.id, ids)))
    : Promise.resolve([]);

/** Barriers as this caller may read them: internal notes only for the teams, HR and admins. */
export async function presentBarriers(ctx: Ctx, rows: BarrierRow[], teams: Set<string>, db: Executor = ctx.db): Promise<Barrier[]> {
  const d = ctx.actor.districtId;
  const uniq = (ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => !!x))];
  const [inits, units, teamRows, items, raisers] = await Promise.all([
    named(db, initiatives, d, uniq(rows.map((r) => r.initiativeId))),
    named(db, orgUnits, d, uniq(rows.map((r) => r.orgUnitId))),
    uniq(rows.flatMap((r) => [r.routedTeamId, r.firstTeamId])).length
      ? db
          .select({ id: implementationTeams.id, name: implementationTeams.name, kind: implementationTeams.kind })
          .from(implementationTeams)
          .where(
            and(
              eq(implementationTeams.districtId, d),
              inArray(implementationTeams.id, uniq(rows.flatMap((r) => [r.routedTeamId, r.firstTeamId]))),
            ),
          )
      : Promise.resolve([]),
    uniq(rows.map((r) => r.itemId)).length
      ? db
          .select({ id: frameworkItems.id, name: frameworkItems.fullStatement })
          .from(frameworkItems)
          .where(and(eq(frameworkItems.districtId, d), inArray(frameworkItems.id, uniq(rows.map((r) => r.itemId)))))
      : Promise.resolve([]),
    personRefs(
      db,
      d,
      rows.map((r) => r.raisedByPersonId),
    ),
  ]);
  const map = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const [i, u, t, c] = [map(inits), map(units), map(teamRows), map(items)];
  const ref = (m: Map<string, { id: string; name: string }>, id: string) => {
    const found = m.get(id);
    return { id, name: found?.name ?? '' };
  };
  return rows.map((r) => {
    const s = standing(ctx, r, teams);
    return {
      id: r.id,
      kind: r.kind as BarrierKind,
      initiative: ref(i, r.initiativeId),
      component: r.itemId ? ref(c, r.itemId) : null,
      school: ref(u, r.orgUnitId),
      description: r.description,
      raisedBy: raisers.get(r.raisedByPersonId) ?? unknownPerson(r.raisedByPersonId),
      routedTeam: ref(t, r.routedTeamId),
      firstTeam: ref(t, r.firstTeamId),
      status: r.status as BarrierStatus,
      answer: r.answer,
      internalNotes: canReadBarrierNotes(ctx.actor, s) ? r.internalNotes : null,
      escalatedAt: r.escalatedAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      abilities: {
        move:
          canHandleBarrier(ctx.actor, s) &&
          barrierMoves(ctx.actor, s, r.status as BarrierStatus, t.get(r.routedTeamId)?.kind ?? '').length > 0,
        moves: barrierMoves(ctx.actor, s, r.status as BarrierStatus, t.get(r.routedTeamId)?.kind ?? ''),
        editNotes: canHandleBarrier(ctx.actor, s),
      },
    };
  });
}

/** GET /api/barriers/:id */
export async function barrierView(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<Barrier> {
  const { row, teams } = await loadBarrier(ctx, id, db);
  const [presented] = await presentBarriers(ctx, [row], teams, db);
  return presented!;
}

import { and, asc, count, desc, eq, gte, isNotNull, lte, type SQL } from 'drizzle-orm';
import type { PdsaAct, PdsaProblem, PdsaStatus } from '../../../../common/implementation.ts';
import type { PdsaCycle, PdsaCycleDetail, PdsaFidelity, PdsaList, PdsaListQuery } from '../../../../common/schemas/pdsa.ts';
import type { Executor } from '../../../db/client.ts';
import { fidelityChecks, fidelityMonthly, frameworkItems, orgUnits, pdsaCycles } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { canActForUnit, type TeamReach } from '../../../policies/implementation-stages.ts';
import { dateIn, districtToday } from '../../coaching/refs.ts';
import { loadWorkInitiative, teamReach } from '../stages/access.ts';

export type CycleRow = typeof pdsaCycles.$inferSelect;
interface Loaded {
  cycle: CycleRow;
  schoolName: string;
  unitType: string;
  itemCode: string | null;
  itemName: string | null;
}

const columns = {
  cycle: pdsaCycles,
  schoolName: orgUnits.name,
  unitType: orgUnits.type,
  itemCode: frameworkItems.humanCode,
  itemName: frameworkItems.fullStatement,
};

function selectCycles(db: Executor, where: SQL | undefined) {
  return db
    .select(columns)
    .from(pdsaCycles)
    .innerJoin(orgUnits, and(eq(orgUnits.id, pdsaCycles.orgUnitId), eq(orgUnits.districtId, pdsaCycles.districtId)))
    .leftJoin(frameworkItems, and(eq(frameworkItems.id, pdsaCycles.itemId), eq(frameworkItems.districtId, pdsaCycles.districtId)))
    .where(where);
}

export const isDistrictUnit = (l: Pick<Loaded, 'unitType'>) => l.unitType === 'district';

export function presentCycle(ctx: Ctx, l: Loaded, reach: TeamReach): PdsaCycle {
  const c = l.cycle;
  return {
    id: c.id,
    initiativeId: c.initiativeId,
    school: { id: c.orgUnitId, name: l.schoolName },
    component: c.itemId ? { id: c.itemId, code: l.itemCode, name: l.itemName ?? '' } : null,
    title: c.title,
    status: c.status as PdsaStatus,
    change: c.change,
    prediction: c.prediction,
    measures: c.measures,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    doneAsIntended: c.doneAsIntended,
    doNotes: c.doNotes,
    study: c.study,
    predictionMet: c.predictionMet,
    act: c.act as PdsaAct | null,
    actNotes: c.actNotes,
    problem: c.problem as PdsaProblem | null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    abilities: {
      edit: c.status !== 'closed' && canActForUnit(ctx.actor, { orgUnitId: c.orgUnitId, isDistrict: isDistrictUnit(l) }, reach),
    },
  };
}

/** The cycle of this initiative in the caller's district, else 404. */
export async function loadCycle(ctx: Ctx, initiativeId: string, cycleId: string, db: Executor = ctx.db): Promise<Loaded> {
  const [row] = await selectCycles(
    db,
    and(eq(pdsaCycles.districtId, ctx.actor.districtId), eq(pdsaCycles.initiativeId, initiativeId), eq(pdsaCycles.id, cycleId)),
  );
  if (!row) throw notFound('PDSA cycle');
  return row;
}

/** GET /api/initiatives/:id/pdsa: the initiative's cycles, newest change first, filtered by school, component and status. */
export async function listCycles(ctx: Ctx, initiativeId: string, q: PdsaListQuery): Promise<PdsaList> {
  await loadWorkInitiative(ctx, initiativeId);
  const where = and(
    eq(pdsaCycles.districtId, ctx.actor.districtId),
    eq(pdsaCycles.initiativeId, initiativeId),
    q.orgUnitId ? eq(pdsaCycles.orgUnitId, q.orgUnitId) : undefined,
    q.itemId ? eq(pdsaCycles.itemId, q.itemId) : undefined,
    q.status ? eq(pdsaCycles.status, q.status) : undefined,
  );
  const [rows, [total], reach] = await Promise.all([
    selectCycles(ctx.db, where).orderBy(desc(pdsaCycles.updatedAt), asc(pdsaCycles.id)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(pdsaCycles).where(where),
    teamReach(ctx, initiativeId),
  ]);
  return { items: rows.map((r) => presentCycle(ctx, r, reach)), total: total?.n ?? 0 };
}

/**
 * The fidelity data the do step looks at (read-only): the scored checks at the cycle's school
 * between its start (else the day it was written) and its end (else today), without names
 * (fidelity is not evaluation), and the component's monthly figures over the same months.
 */
async function cycleFidelity(ctx: Ctx, cycle: CycleRow): Promise<PdsaFidelity> {
  const { timeZone, today } = await districtToday(ctx.db, ctx.actor.districtId);
  const from = cycle.startsOn ?? dateIn(timeZone, cycle.createdAt);
  const to = cycle.endsOn ?? today;
  const [checks, months] = await Promise.all([
    ctx.db
      .select({
        id: fidelityChecks.id,
        checkedOn: fidelityChecks.checkedOn,
        scorePct: fidelityChecks.scorePct,
        atFidelity: fidelityChecks.atFidelity,
      })
      .from(fidelityChecks)
      .where(
        and(
          eq(fidelityChecks.districtId, ctx.actor.districtId),
          eq(fidelityChecks.initiativeId, cycle.initiativeId),
          eq(fidelityChecks.orgUnitId, cycle.orgUnitId),
          isNotNull(fidelityChecks.scorePct),
          gte(fidelityChecks.checkedOn, from),
          lte(fidelityChecks.checkedOn, to),
        ),
      )
      .orderBy(asc(fidelityChecks.checkedOn))
      .limit(500),
    cycle.itemId
      ? ctx.db
          .select()
          .from(fidelityMonthly)
          .where(
            and(
              eq(fidelityMonthly.districtId, ctx.actor.districtId),
              eq(fidelityMonthly.initiativeId, cycle.initiativeId),
              eq(fidelityMonthly.orgUnitId, cycle.orgUnitId),
              eq(fidelityMonthly.itemId, cycle.itemId),
              gte(fidelityMonthly.month, `${from.slice(0, 7)}-01`),
              lte(fidelityMonthly.month, to),
            ),
          )
          .orderBy(asc(fidelityMonthly.month))
      : Promise.resolve([]),
  ]);
  return {
    from,
    to,
    checks: checks.map((c) => ({ ...c, scorePct: c.scorePct === null ? null : Number(c.scorePct) })),
    component: months.map((m) => ({
      month: m.month,
      checks: m.checks,
      averagePct: m.checks > 0 ? Math.round(Number(m.sumPct) / m.checks) : null,
      present: m.present,
    })),
  };
}

/** GET /api/initiatives/:id/pdsa/:cycleId: the cycle with the fidelity data of its school and period. */
export async function cycleView(ctx: Ctx, initiativeId: string, cycleId: string): Promise<PdsaCycleDetail> {
  await loadWorkInitiative(ctx, initiativeId);
  const loaded = await loadCycle(ctx, initiativeId, cycleId);
  const [reach, fidelity] = await Promise.all([teamReach(ctx, initiativeId), cycleFidelity(ctx, loaded.cycle)]);
  return { ...presentCycle(ctx, loaded, reach), fidelity };
}

import type { SQL } from 'drizzle-orm';
import { DRIVERS, IMPLEMENTATION_STAGES, type Driver, type ImplementationStage } from '../../../common/implementation.ts';
import type { DashboardInitiative } from '../../../common/schemas/dashboards.ts';
import type { OutcomeSeries } from '../../../common/schemas/outcomes.ts';
import type { Executor } from '../../db/client.ts';
import type { driverPlans } from '../../db/schema/index.ts';
import { healthOf } from '../implementation/drivers/health.ts';
import { figure } from '../outcomes/suppress.ts';
import { implementationStatements, outcomeStatements, type DashboardScope } from './statements.ts';

type PlanRow = typeof driverPlans.$inferSelect;
type Row = Record<string, unknown>;

const rowsOf = async (db: Executor, q: SQL) => ((await db.execute(q)) as unknown as { rows: Row[] }).rows;
const groupBy = (rows: Row[]) => {
  const map = new Map<string, Row[]>();
  for (const r of rows) {
    const key = r.initiative_id as string;
    map.set(key, [...(map.get(key) ?? []), r]);
  }
  return map;
};
const oneBy = (rows: Row[]) => new Map(rows.map((r) => [r.initiative_id as string, r]));
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** An initiative's figures but its outcomes: what a stored summary holds. */
export type ImplementationFigures = Omit<DashboardInitiative, 'outcomes'>;

/**
 * Stage, driver health, training, coaching and fidelity of every initiative of the scope: the
 * statements of statements.ts, sent together, their rows put together per initiative. Driver health
 * is the rule of drivers/health.ts applied to the `exists` probes.
 */
export async function implementationFigures(db: Executor, scope: DashboardScope): Promise<ImplementationFigures[]> {
  const q = implementationStatements(scope);
  const [initiatives, stages, plans, records, sessions, attendance, coached, dosage, latest, monthly] = await Promise.all([
    rowsOf(db, q.initiatives),
    rowsOf(db, q.stages),
    rowsOf(db, q.plans),
    rowsOf(db, q.records),
    rowsOf(db, q.sessions),
    rowsOf(db, q.attendance),
    rowsOf(db, q.coached),
    rowsOf(db, q.dosage),
    rowsOf(db, q.latest),
    rowsOf(db, q.monthly),
  ]);
  const stageBy = groupBy(stages);
  const planBy = groupBy(plans);
  const recordBy = oneBy(records);
  const sessionBy = oneBy(sessions);
  const attendanceBy = oneBy(attendance);
  const coachedBy = oneBy(coached);
  const dosageBy = oneBy(dosage);
  const latestBy = oneBy(latest);
  const monthlyBy = groupBy(monthly);

  return initiatives.map((i) => {
    const id = i.id as string;
    const counts = Object.fromEntries(IMPLEMENTATION_STAGES.map((s) => [s, 0])) as Record<ImplementationStage, number>;
    for (const s of stageBy.get(id) ?? []) counts[s.stage as ImplementationStage] += num(s.n);
    const schools = Object.values(counts).reduce((a, b) => a + b, 0);
    const current = scope.orgUnitId ? ((stageBy.get(id)?.[0]?.stage as ImplementationStage | undefined) ?? null) : null;

    const r = recordBy.get(id);
    const plansOf = new Map((planBy.get(id) ?? []).map((p) => [p.driver as string, toPlan(p)]));
    const recordCounts = {
      sessions: r?.sessions ? 1 : 0,
      assignments: r?.assignments ? 1 : 0,
      checks: r?.checks ? 1 : 0,
      attendanceInWindow: r?.attendance ? 1 : 0,
      logsInWindow: r?.logs ? 1 : 0,
      checksInWindow: r?.recent_checks ? 1 : 0,
    };
    const drivers = DRIVERS.map((driver: Driver) => healthOf(driver, plansOf.get(driver), recordCounts));

    const a = attendanceBy.get(id);
    const coachedN = num(coachedBy.get(id)?.n);
    const dosageN = num(dosageBy.get(id)?.n);
    const components = new Map<string, DashboardInitiative['fidelity']['components'][number]>();
    for (const m of monthlyBy.get(id) ?? []) {
      const key = m.item_id as string;
      const c = components.get(key) ?? { itemId: key, title: m.title as string, points: [] };
      const checks = num(m.checks);
      // Every figure as computed; the reader's small-group suppression is applied when served (dashboards.ts).
      c.points.push({
        month: m.month as string,
        checks,
        averagePct: checks ? Math.round((num(m.sum_pct) / checks) * 10) / 10 : null,
        suppressed: false,
      });
      components.set(key, c);
    }
    return {
      id,
      name: i.name as string,
      status: i.status as string,
      asOf: null,
      stage: { schools, counts, current },
      drivers,
      training: {
        sessions: num(sessionBy.get(id)?.total),
        upcomingSessions: num(sessionBy.get(id)?.upcoming),
        marked: num(a?.marked),
        trained: num(a?.trained),
        attendancePct: pct(num(a?.present), num(a?.marks)),
      },
      coaching: {
        coached: coachedN,
        sessions: dosageN,
        weeks: scope.dosageWeeks,
        perTeacher: coachedN > 0 ? Math.round((dosageN / coachedN) * 10) / 10 : null,
      },
      fidelity: {
        people: num(latestBy.get(id)?.people),
        atFidelity: num(latestBy.get(id)?.at),
        suppressed: false,
        components: [...components.values()],
      },
    };
  });
}

/**
 * The outcomes each initiative watches, period by period, always read live so the district's
 * current minimum applies: every figure passes through `figure` (suppressed under the minimum).
 */
export async function outcomeSeries(db: Executor, scope: DashboardScope): Promise<Map<string, OutcomeSeries[]>> {
  const q = outcomeStatements(scope);
  const [measures, outcomes] = await Promise.all([rowsOf(db, q.measures), rowsOf(db, q.outcomes)]);
  const outcomeBy = groupBy(outcomes);
  const out = new Map<string, OutcomeSeries[]>();
  for (const m of measures) {
    const id = m.initiative_id as string;
    out.set(id, [
      ...(out.get(id) ?? []),
      {
        measureId: m.id as string,
        key: m.key as string,
        name: m.name as string,
        unit: m.unit as string,
        higherIsBetter: Boolean(m.higher_is_better),
        points: (outcomeBy.get(id) ?? [])
          .filter((o) => o.measure_id === m.id)
          .map((o) => ({
            period: { id: o.period_id as string, label: o.label as string, startsOn: o.starts_on as string, endsOn: o.ends_on as string },
            ...figure(o.value === null ? null : Number(o.value), num(o.count), scope.minCount),
          })),
      },
    ]);
  }
  return out;
}

function toPlan(p: Row): PlanRow {
  return {
    driver: p.driver as string,
    ownerPersonId: (p.owner_person_id as string | null) ?? null,
    plan: (p.plan as string) ?? '',
    details: (p.details as Record<string, string>) ?? {},
    dataWindowWeeks: num(p.data_window_weeks),
  } as PlanRow;
}

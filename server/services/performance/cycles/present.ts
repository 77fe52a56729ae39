import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Cycle, CycleSummary } from '../../../../common/schemas/performance-cycles.ts';
import type { Executor } from '../../../db/client.ts';
import { frameworkItems, orgUnits, pathwaySteps, performanceCompletion, performanceCycles } from '../../../db/schema/index.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { districtJob } from '../../jobs/store.ts';
import { inPopulation, notPlannedElsewhere } from './population.ts';

export type CycleRow = typeof performanceCycles.$inferSelect;

const ZERO = { plans: 0, selfAssessed: 0, submitted: 0, signed: 0, reviewed: 0, acknowledged: 0, noRubric: 0 };

/** Completion counts per cycle, summed over schools (a few hundred summary rows, never the plans). */
export async function countsOf(db: Executor, districtId: string, cycleIds: string[]) {
  const out = new Map<string, typeof ZERO>();
  if (cycleIds.length === 0) return out;
  const c = performanceCompletion;
  const rows = await db
    .select({
      cycleId: c.cycleId,
      plans: sql<number>`sum(${c.plans})::int`,
      selfAssessed: sql<number>`sum(${c.selfAssessed})::int`,
      submitted: sql<number>`sum(${c.submitted})::int`,
      signed: sql<number>`sum(${c.signed})::int`,
      reviewed: sql<number>`sum(${c.reviewed})::int`,
      acknowledged: sql<number>`sum(${c.acknowledged})::int`,
      noRubric: sql<number>`sum(${c.noRubric})::int`,
    })
    .from(c)
    .where(and(eq(c.districtId, districtId), inArray(c.cycleId, cycleIds)))
    .groupBy(c.cycleId);
  for (const { cycleId, ...counts } of rows) out.set(cycleId, counts);
  return out;
}

export function presentSummary(row: CycleRow, counts = ZERO): CycleSummary {
  return {
    id: row.id,
    title: row.title,
    schoolYear: row.schoolYear,
    status: row.status as CycleSummary['status'],
    population: row.population,
    openedAt: row.openedAt?.toISOString() ?? null,
    counts,
  };
}

/** Names of the steps, org units and weighted competencies the cycle mentions. */
async function namesOf(db: Executor, districtId: string, row: CycleRow): Promise<Cycle['names']> {
  const itemIds = Object.keys(row.ratingMethod.weights);
  const [steps, units, items] = await Promise.all([
    row.population.stepIds.length
      ? db
          .select({ id: pathwaySteps.id, title: pathwaySteps.title })
          .from(pathwaySteps)
          .where(and(eq(pathwaySteps.districtId, districtId), inArray(pathwaySteps.id, row.population.stepIds)))
      : [],
    row.population.orgUnitIds.length
      ? db
          .select({ id: orgUnits.id, name: orgUnits.name })
          .from(orgUnits)
          .where(and(eq(orgUnits.districtId, districtId), inArray(orgUnits.id, row.population.orgUnitIds)))
      : [],
    itemIds.length
      ? db
          .select({ id: frameworkItems.id, code: frameworkItems.humanCode, title: frameworkItems.fullStatement })
          .from(frameworkItems)
          .where(and(eq(frameworkItems.districtId, districtId), inArray(frameworkItems.id, itemIds)))
      : [],
  ]);
  return { steps, orgUnits: units, competencies: items };
}

/** While a job works on the cycle: plans made so far against the people in the population to plan here. */
async function progressOf(db: Executor, row: CycleRow) {
  const result = (await db.execute(sql`select
      (select count(*) from performance_plans pp where pp.cycle_id = ${row.id} and pp.left_on is null)::int as done,
      (select count(*) from people p where ${inPopulation(row.districtId, row.population)}
        and ${notPlannedElsewhere(row.districtId, row.id, row.schoolYear)})::int as total`)) as unknown as {
    rows: { done: number; total: number }[];
  };
  const r = result.rows[0]!;
  return { done: Math.min(r.done, r.total), total: r.total };
}

/**
 * People of the population who have no plan here because they have one in another cycle of the
 * same school year, with those cycles' titles (what HR needs when two populations overlap).
 */
async function plannedElsewhereOf(db: Executor, row: CycleRow): Promise<Cycle['plannedElsewhere']> {
  const result = (await db.execute(sql`select other_c.id, other_c.title, count(*)::int as people
      from people p
      join performance_plans other_pp on other_pp.person_id = p.id and other_pp.left_on is null and other_pp.cycle_id <> ${row.id}
      join performance_cycles other_c on other_c.id = other_pp.cycle_id
        and other_c.district_id = ${row.districtId} and other_c.school_year = ${row.schoolYear}
      where ${inPopulation(row.districtId, row.population)}
        and not exists (select 1 from performance_plans here_pp where here_pp.cycle_id = ${row.id} and here_pp.person_id = p.id)
      group by other_c.id, other_c.title order by other_c.title`)) as unknown as { rows: { id: string; title: string; people: number }[] };
  return result.rows.map((r) => ({ cycleId: r.id, title: r.title, people: r.people }));
}

/** The whole cycle for HR: counts, the last job's state, progress while it runs, names, abilities. */
export async function presentCycle(db: Executor, jobs: Pick<JobQueue, 'sql'> | null, row: CycleRow): Promise<Cycle> {
  const [counts, names, job, plannedElsewhere] = await Promise.all([
    countsOf(db, row.districtId, [row.id]),
    namesOf(db, row.districtId, row),
    row.openJobId && jobs ? districtJob(jobs.sql, row.districtId, row.openJobId) : undefined,
    row.status === 'draft' ? [] : plannedElsewhereOf(db, row),
  ]);
  const working = row.status === 'opening' || (job !== undefined && ['created', 'retry', 'active'].includes(job.state));
  return {
    ...presentSummary(row, counts.get(row.id)),
    phases: row.phases as Cycle['phases'],
    checkInDates: row.checkInDates,
    ratingMethod: row.ratingMethod,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    job: job ? { id: job.id, state: job.state } : null,
    progress: working ? await progressOf(db, row) : null,
    plannedElsewhere,
    names,
    abilities: {
      edit: row.status === 'draft',
      open: row.status === 'draft' || (row.status === 'opening' && job?.state === 'failed'),
      sync: row.status === 'open' && !working,
      close: row.status === 'open' && !working,
    },
  };
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { dashboardScope } from '../services/dashboards/scope.ts';
import { refreshDistrictOutcomes } from '../services/dashboards/summary.ts';
import { initiativeMeasures, initiativeSchools, orgUnits, outcomeMeasures, outcomePeriods, outcomeValues } from '../db/schema/index.ts';

/** The demo's two measures (Trellis's own, invented figures; no district's real data). */
const DEMO_MEASURES = [
  { key: 'reading_benchmark', name: 'Students at or above the reading benchmark', unit: '%', higherIsBetter: true, base: 38, step: 6 },
  {
    key: 'oral_reading_fluency',
    name: 'Oral reading fluency (median words correct per minute)',
    unit: ' wcpm',
    higherIsBetter: true,
    base: 62,
    step: 7,
  },
] as const;

/** The last three school-year periods (fall, winter, spring) that ended before `today` (YYYY-MM-DD). */
export function demoPeriods(today: string): { label: string; startsOn: string; endsOn: string }[] {
  const year = Number(today.slice(0, 4));
  const all = [];
  for (let y = year - 2; y <= year; y++) {
    const sy = `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
    all.push(
      { label: `${sy} Fall`, startsOn: `${y}-08-15`, endsOn: `${y}-12-19` },
      { label: `${sy} Winter`, startsOn: `${y + 1}-01-05`, endsOn: `${y + 1}-03-27` },
      { label: `${sy} Spring`, startsOn: `${y + 1}-04-06`, endsOn: `${y + 1}-06-12` },
    );
  }
  return all.filter((p) => p.endsOn < today).slice(-3);
}

/**
 * Outcome data for a demo initiative: two measures it watches, three periods, and a value per covered
 * school and period that rises period by period (more at schools further along), with one school's
 * first period under the minimum count (10) so the demo shows "fewer than 10 students". Idempotent:
 * a second call changes nothing. Returns what it wrote. For the demo seed (server/seed/), which calls
 * it with the demo literacy initiative.
 */
export async function installDemoOutcomes(db: Executor, districtId: string, opts: { initiativeId: string; today: string }) {
  const schools = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(initiativeSchools)
    .innerJoin(orgUnits, eq(orgUnits.id, initiativeSchools.orgUnitId))
    .where(and(eq(initiativeSchools.districtId, districtId), eq(initiativeSchools.initiativeId, opts.initiativeId)))
    .orderBy(orgUnits.name);
  const measures: ((typeof DEMO_MEASURES)[number] & { id: string })[] = [];
  for (const m of DEMO_MEASURES) {
    const { base: _base, step: _step, ...fields } = m;
    await db
      .insert(outcomeMeasures)
      .values({ districtId, ...fields })
      .onConflictDoNothing();
    const [row] = await db
      .select()
      .from(outcomeMeasures)
      .where(and(eq(outcomeMeasures.districtId, districtId), eq(outcomeMeasures.key, m.key)));
    await db.insert(initiativeMeasures).values({ districtId, initiativeId: opts.initiativeId, measureId: row!.id }).onConflictDoNothing();
    measures.push({ ...m, id: row!.id });
  }
  const periods: (typeof outcomePeriods.$inferSelect)[] = [];
  for (const p of demoPeriods(opts.today)) {
    await db
      .insert(outcomePeriods)
      .values({ districtId, ...p })
      .onConflictDoNothing();
    const [row] = await db
      .select()
      .from(outcomePeriods)
      .where(and(eq(outcomePeriods.districtId, districtId), eq(outcomePeriods.label, p.label)));
    periods.push(row!);
  }
  const cells = schools.flatMap((school, s) =>
    measures.flatMap((m) =>
      periods.map((period, p) => ({
        districtId,
        measureId: m.id,
        periodId: period.id,
        orgUnitId: school.id,
        value: m.base + p * m.step + (schools.length - s) * 2,
        // The last school's first period is a small group: never shown.
        count: s === schools.length - 1 && p === 0 ? 8 : 42 + ((s * 17 + p * 5) % 60),
      })),
    ),
  );
  if (cells.length) {
    await db.delete(outcomeValues).where(
      and(
        eq(outcomeValues.districtId, districtId),
        inArray(
          outcomeValues.measureId,
          measures.map((m) => m.id),
        ),
        inArray(
          outcomeValues.periodId,
          periods.map((p) => p.id),
        ),
      ),
    );
    await db.insert(outcomeValues).values(cells);
  }
  await refreshDistrictOutcomes(db, await dashboardScope(db, districtId));
  return { measures: measures.length, periods: periods.length, values: cells.length };
}

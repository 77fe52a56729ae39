import { sql } from 'drizzle-orm';
import { todayIn } from '../../../common/clock.ts';
import { DEFAULT_MIN_COUNT, FLOOR_MIN_COUNT } from '../../../common/outcomes.ts';
import type { Executor } from '../../db/client.ts';
import type { DashboardScope } from './statements.ts';

const TREND_MONTHS = 12;
const DOSAGE_WEEKS = 12;

/** The first day of the month `months` before `today`'s month (YYYY-MM-DD). */
function monthsBack(today: string, months: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The district's time zone and minimum count in one statement (the bench sends it raw too). */
export const scopeStatement = (districtId: string) =>
  sql`select d.time_zone, s.min_count from districts d left join outcome_settings s on s.district_id = d.id where d.id = ${districtId}`;

/** What the dashboards' statements need: the district's today, a year of months, 12 weeks of coaching, the minimum count. */
export async function dashboardScope(db: Executor, districtId: string, orgUnitId?: string): Promise<DashboardScope> {
  const [row] = ((await db.execute(scopeStatement(districtId))) as unknown as { rows: { time_zone: string; min_count: number | null }[] })
    .rows;
  const today = todayIn(row?.time_zone ?? 'America/New_York');
  const minCount = Math.max(row?.min_count ?? DEFAULT_MIN_COUNT, FLOOR_MIN_COUNT);
  return { districtId, today, since: monthsBack(today, TREND_MONTHS - 1), dosageWeeks: DOSAGE_WEEKS, minCount, orgUnitId };
}

import type { Executor } from '../../db/client.ts';
import { districtToday } from '../coaching/refs.ts';
import { loadOutcomeSettings } from '../outcomes/access.ts';
import type { DashboardScope } from './statements.ts';

const TREND_MONTHS = 12;
const DOSAGE_WEEKS = 12;

/** The first day of the month `months` before `today`'s month (YYYY-MM-DD). */
function monthsBack(today: string, months: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** What the dashboards' statements need: the district's today, a year of months, 12 weeks of coaching, the minimum count. */
export async function dashboardScope(db: Executor, districtId: string, orgUnitId?: string): Promise<DashboardScope> {
  const { today } = await districtToday(db, districtId);
  const { minCount } = await loadOutcomeSettings(db, districtId);
  return { districtId, today, since: monthsBack(today, TREND_MONTHS - 1), dosageWeeks: DOSAGE_WEEKS, minCount, orgUnitId };
}

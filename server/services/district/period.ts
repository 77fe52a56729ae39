import type { PeriodQuery } from '../../../common/schemas/district.ts';
import type { Executor } from '../../db/client.ts';
import { districtToday } from '../coaching/refs.ts';
import { termOn } from '../school-calendar/context.ts';

/**
 * The period a district view covers: the dates asked for, else the current term, else the school
 * year around today (July to June), with the district's today and time zone.
 */
export async function districtPeriod(db: Executor, districtId: string, q: PeriodQuery) {
  const { timeZone, today } = await districtToday(db, districtId);
  if (q.from && q.to) return { timeZone, today, period: { from: q.from, to: q.to, termName: null } };
  const term = await termOn(db, districtId, today);
  if (term)
    return {
      timeZone,
      today,
      period: { from: q.from ?? term.startsOn, to: q.to ?? term.endsOn, termName: q.from || q.to ? null : term.name },
    };
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '07-01' ? 1 : 0);
  return { timeZone, today, period: { from: q.from ?? `${year}-07-01`, to: q.to ?? `${year + 1}-06-30`, termName: null } };
}

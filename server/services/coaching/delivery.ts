import { and, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import { DEFAULT_PLAN_REVIEWS } from '../../../common/coaching.ts';
import type { PlanDelivery } from '../../../common/schemas/coaching.ts';
import type { Executor } from '../../db/client.ts';
import { coachingLogAttendees, coachingLogs, type FrequencyPhase } from '../../db/schema/index.ts';
import { dateIn } from './refs.ts';

/** Delivered below this share of planned (to date) flags a plan as behind. */
export const BEHIND_SHARE = 0.8;

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const daysInMonth = (ms: number) => {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The phase in effect on `day`: the latest one started on or before it (none before the first). */
export function phaseOn(phases: FrequencyPhase[], day: string): FrequencyPhase | null {
  let found: FrequencyPhase | null = null;
  for (const p of [...phases].sort((a, b) => a.startsOn.localeCompare(b.startsOn))) if (p.startsOn <= day) found = p;
  return found;
}

/**
 * Planned versus delivered per calendar month of the plan's span. Planned comes from the phase in
 * effect each day (sessionsPerMonth spread over the month's days, so partial months are prorated);
 * delivered counts the held sessions' dates. "To date" stops at `today`.
 */
export function planDelivery(
  plan: { startsOn: string; endsOn: string; phases: FrequencyPhase[] },
  heldOn: string[],
  today: string,
): PlanDelivery {
  const months = new Map<string, { planned: number; delivered: number }>();
  let plannedToDate = 0;
  const end = toUtc(plan.endsOn);
  for (let ms = toUtc(plan.startsOn); ms <= end; ms += DAY_MS) {
    const day = isoOf(ms);
    const month = months.get(day.slice(0, 7)) ?? { planned: 0, delivered: 0 };
    const share = (phaseOn(plan.phases, day)?.sessionsPerMonth ?? 0) / daysInMonth(ms);
    month.planned += share;
    if (day <= today) plannedToDate += share;
    months.set(day.slice(0, 7), month);
  }
  let deliveredToDate = 0;
  for (const day of heldOn) {
    if (day < plan.startsOn || day > plan.endsOn) continue;
    months.get(day.slice(0, 7))!.delivered += 1;
    if (day <= today) deliveredToDate += 1;
  }
  return {
    months: [...months].map(([month, v]) => ({ month, planned: round1(v.planned), delivered: v.delivered })),
    plannedToDate: round1(plannedToDate),
    deliveredToDate,
    behind: plannedToDate > 0 && deliveredToDate < BEHIND_SHARE * plannedToDate,
    asOf: today,
  };
}

export interface PlanForDelivery {
  id: string;
  startsOn: string;
  endsOn: string;
  phases: FrequencyPhase[];
  memberIds: string[];
}

/**
 * The dates of held sessions that count for each plan: logs linked to the plan, and held logs linked
 * to no plan with one of the plan's members attending within the plan's span.
 */
export async function heldDatesOfPlans(db: Executor, districtId: string, timeZone: string, plans: PlanForDelivery[]) {
  const out = new Map<string, string[]>(plans.map((p) => [p.id, []]));
  if (plans.length === 0) return out;
  const linked = await db
    .select({ planId: coachingLogs.planId, startsAt: coachingLogs.startsAt })
    .from(coachingLogs)
    .where(
      and(
        eq(coachingLogs.districtId, districtId),
        eq(coachingLogs.status, 'held'),
        inArray(
          coachingLogs.planId,
          plans.map((p) => p.id),
        ),
      ),
    );
  for (const l of linked) out.get(l.planId!)?.push(dateIn(timeZone, l.startsAt));
  const memberIds = [...new Set(plans.flatMap((p) => p.memberIds))];
  if (memberIds.length === 0) return out;
  const from = plans.reduce((m, p) => (p.startsOn < m ? p.startsOn : m), plans[0]!.startsOn);
  const to = plans.reduce((m, p) => (p.endsOn > m ? p.endsOn : m), plans[0]!.endsOn);
  const loose = await db
    .select({ logId: coachingLogs.id, personId: coachingLogAttendees.personId, startsAt: coachingLogs.startsAt })
    .from(coachingLogs)
    .innerJoin(coachingLogAttendees, eq(coachingLogAttendees.logId, coachingLogs.id))
    .where(
      and(
        eq(coachingLogs.districtId, districtId),
        eq(coachingLogs.status, 'held'),
        isNull(coachingLogs.planId),
        inArray(coachingLogAttendees.personId, memberIds),
        gte(coachingLogs.startsAt, new Date(toUtc(from) - DAY_MS)),
        lt(coachingLogs.startsAt, new Date(toUtc(to) + 2 * DAY_MS)),
      ),
    );
  for (const plan of plans) {
    const seen = new Set<string>();
    for (const l of loose) {
      if (seen.has(l.logId) || !plan.memberIds.includes(l.personId)) continue;
      const day = dateIn(timeZone, l.startsAt);
      if (day < plan.startsOn || day > plan.endsOn) continue;
      seen.add(l.logId);
      out.get(plan.id)!.push(day);
    }
  }
  return out;
}

/** Three review dates spread through the span: after its first third, its second, and at its end. */
export function defaultReviewDates(startsOn: string, endsOn: string, count = DEFAULT_PLAN_REVIEWS): string[] {
  const start = toUtc(startsOn);
  const days = (toUtc(endsOn) - start) / DAY_MS;
  return [...new Set(Array.from({ length: count }, (_, i) => isoOf(start + Math.round(((i + 1) * days) / count) * DAY_MS)))];
}

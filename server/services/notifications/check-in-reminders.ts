import { and, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { people, performanceCycles, performancePlans, planCheckIns } from '../../db/schema/index.ts';
import { personNameSql } from '../observations/access.ts';
import type { NewNotification } from './notify.ts';
import type { ReminderWindow } from './reminder-targets.ts';

/** A check-in is reminded this many school days before it is due. */
export const CHECK_IN_NOTICE_SCHOOL_DAYS = 3;

/**
 * Performance check-ins (the cycle's dates) of signed plans not held yet: due within the next
 * `CHECK_IN_NOTICE_SCHOOL_DAYS` school days (`checkInDueBy`, on the district's calendar) or overdue;
 * to the person and their evaluator. People who left are not reminded.
 */
export async function checkInReminders(db: Executor, w: ReminderWindow & { checkInDueBy: string }): Promise<NewNotification[]> {
  const dueSoon = (d: string) => d > w.today && d <= w.checkInDueBy;
  const overdue = (d: string) => d < w.today && d >= w.overdueFrom;
  const cycles = (
    await db
      .select({ id: performanceCycles.id, dates: performanceCycles.checkInDates })
      .from(performanceCycles)
      .where(and(eq(performanceCycles.districtId, w.districtId), eq(performanceCycles.status, 'open')))
  )
    .map((c) => ({ id: c.id, dates: c.dates.filter((d) => dueSoon(d) || overdue(d)) }))
    .filter((c) => c.dates.length > 0);
  if (cycles.length === 0) return [];
  const evaluator = alias(people, 'evaluator');
  const plans = await db
    .select({
      id: performancePlans.id,
      cycleId: performancePlans.cycleId,
      personId: performancePlans.personId,
      evaluatorPersonId: performancePlans.evaluatorPersonId,
      person: personNameSql(people),
      evaluator: personNameSql(evaluator),
    })
    .from(performancePlans)
    .innerJoin(people, eq(people.id, performancePlans.personId))
    .leftJoin(evaluator, eq(evaluator.id, performancePlans.evaluatorPersonId))
    .where(
      and(
        eq(performancePlans.districtId, w.districtId),
        inArray(
          performancePlans.cycleId,
          cycles.map((c) => c.id),
        ),
        inArray(performancePlans.status, ['signed', 'reviewed']),
        isNull(performancePlans.leftOn),
      ),
    );
  if (plans.length === 0) return [];
  const held = await db
    .select({ planId: planCheckIns.planId, dueOn: planCheckIns.dueOn, heldOn: planCheckIns.heldOn })
    .from(planCheckIns)
    .where(
      and(
        eq(planCheckIns.districtId, w.districtId),
        inArray(
          planCheckIns.planId,
          plans.map((p) => p.id),
        ),
      ),
    );
  const done = new Set(held.filter((h) => h.heldOn !== null).map((h) => `${h.planId}:${h.dueOn}`));
  const datesOf = new Map(cycles.map((c) => [c.id, c.dates]));
  return plans.flatMap((p) =>
    (datesOf.get(p.cycleId) ?? [])
      .filter((d) => !done.has(`${p.id}:${d}`))
      .flatMap((d) =>
        [p.personId, p.evaluatorPersonId]
          .filter((id): id is string => Boolean(id))
          .map((personId) => ({
            personId,
            kind: overdue(d) ? ('check_in_overdue' as const) : ('check_in_due' as const),
            entityType: 'performance_plan',
            entityId: p.id,
            params: { person: p.person, evaluator: p.evaluator ?? '', date: d, path: `/performance/plans/${p.id}/check-ins` },
            dueOn: d,
          })),
      ),
  );
}

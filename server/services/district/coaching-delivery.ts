import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { CoachingDeliveryReport, DeliveryFigures, PeriodQuery } from '../../../common/schemas/district.ts';
import type { Executor } from '../../db/client.ts';
import { coachingPlans, orgUnits } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { BEHIND_SHARE, heldDatesOfPlans, planDelivery } from '../coaching/delivery.ts';
import { membersOfPlans } from '../coaching/members.ts';
import { dateIn, personRefs, unknownPerson } from '../coaching/refs.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { districtPeriod } from './period.ts';

const round1 = (n: number) => Math.round(n * 10) / 10;
const empty = (): DeliveryFigures => ({ plans: 0, planned: 0, delivered: 0, behind: 0 });

function add(into: DeliveryFigures, planned: number, delivered: number) {
  into.plans += 1;
  into.planned = round1(into.planned + planned);
  into.delivered += delivered;
  if (planned > 0 && delivered < BEHIND_SHARE * planned) into.behind += 1;
}

/**
 * Planned against delivered for every coaching plan of the district in the period: each plan's
 * days inside the period up to today (a closed plan's up to the day it was closed), its frequency
 * phases prorated over them (services/coaching/delivery.ts), and the held sessions counted for it.
 */
export async function deliveryOfPlans(db: Executor, districtId: string, q: PeriodQuery) {
  const { timeZone, today, period } = await districtPeriod(db, districtId, q);
  const plans = await db
    .select()
    .from(coachingPlans)
    .where(and(eq(coachingPlans.districtId, districtId), lte(coachingPlans.startsOn, period.to), gte(coachingPlans.endsOn, period.from)));
  const members = await membersOfPlans(
    db,
    districtId,
    plans.map((p) => p.id),
  );
  const held = await heldDatesOfPlans(
    db,
    districtId,
    timeZone,
    plans.map((p) => ({ ...p, memberIds: members.get(p.id) ?? [] })),
  );
  const asOf = period.to < today ? period.to : today;
  const rows = plans.map((p) => {
    const closedOn = p.status === 'closed' ? dateIn(timeZone, p.updatedAt) : p.endsOn;
    const startsOn = p.startsOn > period.from ? p.startsOn : period.from;
    const endsOn = [p.endsOn, period.to, closedOn].sort()[0]!;
    const d = endsOn < startsOn ? null : planDelivery({ startsOn, endsOn, phases: p.phases }, held.get(p.id) ?? [], asOf);
    return { plan: p, memberIds: members.get(p.id) ?? [], planned: d?.plannedToDate ?? 0, delivered: d?.deliveredToDate ?? 0 };
  });
  return { period, asOf, rows };
}

/** Coaching delivered against plans, per coach and per school (HR and district admins). */
export async function coachingDeliveryReport(ctx: Ctx, q: PeriodQuery): Promise<CoachingDeliveryReport> {
  if (!isHrOrAdmin(ctx.actor)) throw forbidden('Only HR and district admins see district-wide coaching');
  const districtId = ctx.actor.districtId;
  const { period, asOf, rows } = await deliveryOfPlans(ctx.db, districtId, q);
  const schoolsOf = await currentOrgUnitsOf(ctx.db, districtId, [...new Set(rows.flatMap((r) => r.memberIds))]);
  const totals = empty();
  const byCoach = new Map<string, DeliveryFigures>();
  const bySchool = new Map<string | null, DeliveryFigures>();
  for (const r of rows) {
    add(totals, r.planned, r.delivered);
    const coach = byCoach.get(r.plan.coachPersonId) ?? empty();
    add(coach, r.planned, r.delivered);
    byCoach.set(r.plan.coachPersonId, coach);
    const schools = [...new Set(r.memberIds.flatMap((id) => schoolsOf.get(id) ?? []))];
    for (const school of schools.length ? schools : [null]) {
      const figures = bySchool.get(school) ?? empty();
      add(figures, r.planned, r.delivered);
      bySchool.set(school, figures);
    }
  }
  const names = await personRefs(ctx.db, districtId, [...byCoach.keys()]);
  const unitIds = [...bySchool.keys()].filter((id): id is string => id !== null);
  const units = unitIds.length
    ? await ctx.db
        .select({ id: orgUnits.id, name: orgUnits.name })
        .from(orgUnits)
        .where(and(eq(orgUnits.districtId, districtId), inArray(orgUnits.id, unitIds)))
    : [];
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const coaches = [...byCoach].map(([id, f]) => ({ coach: names.get(id) ?? unknownPerson(id), ...f }));
  coaches.sort((a, b) => a.coach.familyName.localeCompare(b.coach.familyName) || a.coach.givenName.localeCompare(b.coach.givenName));
  const schools = [...bySchool].map(([id, f]) => ({ school: id ? { id, name: unitName.get(id) ?? '' } : null, ...f }));
  schools.sort((a, b) => (a.school?.name ?? '\uffff').localeCompare(b.school?.name ?? '\uffff'));
  return { period, asOf, totals, coaches, schools };
}

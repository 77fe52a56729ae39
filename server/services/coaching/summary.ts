import { and, asc, desc, eq, gt, gte, inArray, lte, ne } from 'drizzle-orm';
import type { CoachingCyclePhase } from '../../../common/coaching.ts';
import type { CoachingPersonSummary } from '../../../common/schemas/coaching.ts';
import { coachingCycles, coachingLogAttendees, coachingLogs, coachingPlanMembers, coachingPlans, roleAssignments, schoolTerms } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { termOn } from '../school-calendar/context.ts';
import { heldDatesOfPlans, planDelivery } from './delivery.ts';
import { dateIn, districtToday, focusItemRefs, personRefs, unknownPerson } from './refs.ts';

/** The school year around `today`: its terms' span, else July 1 to June 30. */
async function schoolYearSpan(ctx: Ctx, today: string, termYear: string | null) {
  if (termYear) {
    const terms = await ctx.db
      .select({ startsOn: schoolTerms.startsOn, endsOn: schoolTerms.endsOn })
      .from(schoolTerms)
      .where(and(eq(schoolTerms.districtId, ctx.actor.districtId), eq(schoolTerms.schoolYear, termYear)))
      .orderBy(asc(schoolTerms.startsOn));
    if (terms.length) return { from: terms[0]!.startsOn, to: terms.reduce((m, t) => (t.endsOn > m ? t.endsOn : m), terms[0]!.endsOn) };
  }
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '07-01' ? 1 : 0);
  return { from: `${year}-07-01`, to: `${year + 1}-06-30` };
}

/**
 * That coaching happened for a person, as a school leader may see it: sessions held this term and
 * this school year, last and next session, current focus and the active plan's delivery. No notes.
 */
export async function personCoachingSummary(ctx: Ctx, personId: string, opts: { checked?: boolean } = {}): Promise<CoachingPersonSummary> {
  const districtId = ctx.actor.districtId;
  const person = (await personRefs(ctx.db, districtId, [personId])).get(personId);
  if (!person) throw notFound('Person');
  if (!opts.checked) {
    const units = (await currentOrgUnitsOf(ctx.db, districtId, [personId])).get(personId) ?? [];
    const allowed =
      personId === ctx.actor.personId ||
      ctx.actor.caseloadPersonIds.includes(personId) ||
      isHrOrAdmin(ctx.actor) ||
      units.some((id) => ctx.actor.leaderOrgUnitIds.includes(id));
    if (!allowed) throw notFound('Person');
  }
  const { timeZone, today } = await districtToday(ctx.db, districtId);
  const held = await ctx.db
    .select({ startsAt: coachingLogs.startsAt })
    .from(coachingLogs)
    .innerJoin(coachingLogAttendees, eq(coachingLogAttendees.logId, coachingLogs.id))
    .where(and(eq(coachingLogs.districtId, districtId), eq(coachingLogs.status, 'held'), eq(coachingLogAttendees.personId, personId)))
    .orderBy(desc(coachingLogs.startsAt));
  const heldDays = held.map((h) => dateIn(timeZone, h.startsAt));
  const term = await termOn(ctx.db, districtId, today);
  const year = await schoolYearSpan(ctx, today, term?.schoolYear ?? null);
  const within = (from: string, to: string) => heldDays.filter((d) => d >= from && d <= to).length;
  const [next] = await ctx.db
    .select({ startsAt: coachingLogs.startsAt })
    .from(coachingLogs)
    .innerJoin(coachingLogAttendees, eq(coachingLogAttendees.logId, coachingLogs.id))
    .where(
      and(
        eq(coachingLogs.districtId, districtId),
        eq(coachingLogs.status, 'scheduled'),
        eq(coachingLogAttendees.personId, personId),
        gt(coachingLogs.startsAt, new Date()),
      ),
    )
    .orderBy(asc(coachingLogs.startsAt))
    .limit(1);
  const [plan] = await ctx.db
    .select({ plan: coachingPlans })
    .from(coachingPlans)
    .innerJoin(coachingPlanMembers, eq(coachingPlanMembers.planId, coachingPlans.id))
    .where(
      and(
        eq(coachingPlans.districtId, districtId),
        eq(coachingPlanMembers.personId, personId),
        eq(coachingPlans.status, 'active'),
        lte(coachingPlans.startsOn, today),
        gte(coachingPlans.endsOn, today),
      ),
    )
    .orderBy(desc(coachingPlans.startsOn))
    .limit(1);
  const [cycle] = await ctx.db
    .select({ phase: coachingCycles.phase, focusItemId: coachingCycles.focusItemId })
    .from(coachingCycles)
    .where(and(eq(coachingCycles.districtId, districtId), eq(coachingCycles.coacheePersonId, personId), ne(coachingCycles.phase, 'complete')))
    .orderBy(desc(coachingCycles.startedOn))
    .limit(1);
  const itemIds = [...new Set([...(plan?.plan.focusItemIds ?? []), ...(cycle?.focusItemId ? [cycle.focusItemId] : [])])];
  const items = await focusItemRefs(ctx.db, districtId, itemIds);
  let activePlan: CoachingPersonSummary['activePlan'] = null;
  if (plan) {
    const p = plan.plan;
    const memberIds = (
      await ctx.db.select({ personId: coachingPlanMembers.personId }).from(coachingPlanMembers).where(eq(coachingPlanMembers.planId, p.id))
    ).map((m) => m.personId);
    const dates = await heldDatesOfPlans(ctx.db, districtId, timeZone, [{ ...p, memberIds }]);
    const coach = (await personRefs(ctx.db, districtId, [p.coachPersonId])).get(p.coachPersonId) ?? unknownPerson(p.coachPersonId);
    activePlan = { id: p.id, title: p.title, coach, delivery: planDelivery(p, dates.get(p.id) ?? [], today) };
  }
  return {
    person,
    sessionsThisTerm: term ? within(term.startsOn, term.endsOn) : null,
    sessionsThisYear: within(year.from, year.to),
    lastSessionOn: heldDays.find((d) => d <= today) ?? null,
    nextSessionAt: next ? next.startsAt.toISOString() : null,
    focusItems: itemIds.flatMap((id) => (items.has(id) ? [items.get(id)!] : [])),
    focusComponents: plan?.plan.focusComponents ?? [],
    cyclePhase: (cycle?.phase as CoachingCyclePhase | undefined) ?? null,
    activePlan,
  };
}

/**
 * Coaching in a leader's schools: a summary for each person of those schools who has a plan or a
 * session. School leaders see their schools; HR and admins name a school (`orgUnitId`).
 */
export async function schoolCoaching(ctx: Ctx, orgUnitId?: string) {
  const units = orgUnitId ? [orgUnitId] : ctx.actor.leaderOrgUnitIds;
  if (!isHrOrAdmin(ctx.actor) && (ctx.actor.leaderOrgUnitIds.length === 0 || units.some((u) => !ctx.actor.leaderOrgUnitIds.includes(u)))) {
    throw forbidden('Only school leaders see coaching in their schools');
  }
  if (units.length === 0) return { items: [] };
  const staff = await ctx.db
    .selectDistinct({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, ctx.actor.districtId), inArray(roleAssignments.orgUnitId, units), currentAssignment()));
  const ids = staff.map((s) => s.personId);
  if (ids.length === 0) return { items: [] };
  const attended = await ctx.db
    .selectDistinct({ personId: coachingLogAttendees.personId })
    .from(coachingLogAttendees)
    .where(and(eq(coachingLogAttendees.districtId, ctx.actor.districtId), inArray(coachingLogAttendees.personId, ids)));
  const planned = await ctx.db
    .selectDistinct({ personId: coachingPlanMembers.personId })
    .from(coachingPlanMembers)
    .where(and(eq(coachingPlanMembers.districtId, ctx.actor.districtId), inArray(coachingPlanMembers.personId, ids)));
  const coached = [...new Set([...attended, ...planned].map((r) => r.personId))];
  const items: CoachingPersonSummary[] = [];
  for (const id of coached) items.push(await personCoachingSummary(ctx, id, { checked: true }));
  items.sort((a, b) => a.person.familyName.localeCompare(b.person.familyName) || a.person.givenName.localeCompare(b.person.givenName));
  return { items };
}

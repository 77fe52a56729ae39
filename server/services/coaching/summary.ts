import { and, asc, desc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import type { CoachingCyclePhase } from '../../../common/coaching.ts';
import type { CoachingPersonSummary } from '../../../common/schemas/coaching.ts';
import {
  coachingCycles,
  coachingLogAttendees,
  coachingLogs,
  coachingPlanMembers,
  coachingPlans,
  roleAssignments,
  schoolTerms,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { termOn } from '../school-calendar/context.ts';
import { heldDatesOfPlans, planDelivery } from './delivery.ts';
import { membersOfPlans } from './members.ts';
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

/** May the actor see that coaching happened for this person? The person, their coach, their school leaders, HR and admins. */
async function checkSummaryAccess(ctx: Ctx, personId: string) {
  const units = (await currentOrgUnitsOf(ctx.db, ctx.actor.districtId, [personId])).get(personId) ?? [];
  const allowed =
    personId === ctx.actor.personId ||
    ctx.actor.caseloadPersonIds.includes(personId) ||
    isHrOrAdmin(ctx.actor) ||
    units.some((id) => ctx.actor.leaderOrgUnitIds.includes(id));
  if (!allowed) throw notFound('Person');
}

/**
 * That coaching happened for a person, as a school leader may see it: sessions held this term and
 * this school year, last and next session, current focus and the active plan's delivery. No notes.
 */
export async function personCoachingSummary(ctx: Ctx, personId: string): Promise<CoachingPersonSummary> {
  const person = (await personRefs(ctx.db, ctx.actor.districtId, [personId])).get(personId);
  if (!person) throw notFound('Person');
  await checkSummaryAccess(ctx, personId);
  return (await coachingSummaries(ctx, [personId]))[0]!;
}

/** Summaries of many people in a fixed number of queries (the caller checked access). */
async function coachingSummaries(ctx: Ctx, personIds: string[]): Promise<CoachingPersonSummary[]> {
  if (personIds.length === 0) return [];
  const districtId = ctx.actor.districtId;
  const { timeZone, today } = await districtToday(ctx.db, districtId);
  const term = await termOn(ctx.db, districtId, today);
  const year = await schoolYearSpan(ctx, today, term?.schoolYear ?? null);
  const sessions = await ctx.db
    .select({ personId: coachingLogAttendees.personId, status: coachingLogs.status, startsAt: coachingLogs.startsAt })
    .from(coachingLogs)
    .innerJoin(coachingLogAttendees, eq(coachingLogAttendees.logId, coachingLogs.id))
    .where(
      and(
        eq(coachingLogs.districtId, districtId),
        inArray(coachingLogs.status, ['held', 'scheduled']),
        inArray(coachingLogAttendees.personId, personIds),
      ),
    )
    .orderBy(asc(coachingLogs.startsAt));
  const plans = await ctx.db
    .select({ plan: coachingPlans, personId: coachingPlanMembers.personId })
    .from(coachingPlans)
    .innerJoin(coachingPlanMembers, eq(coachingPlanMembers.planId, coachingPlans.id))
    .where(
      and(
        eq(coachingPlans.districtId, districtId),
        inArray(coachingPlanMembers.personId, personIds),
        eq(coachingPlans.status, 'active'),
        lte(coachingPlans.startsOn, today),
        gte(coachingPlans.endsOn, today),
      ),
    )
    .orderBy(desc(coachingPlans.startsOn), desc(coachingPlans.createdAt));
  const cycles = await ctx.db
    .select({ personId: coachingCycles.coacheePersonId, phase: coachingCycles.phase, focusItemId: coachingCycles.focusItemId })
    .from(coachingCycles)
    .where(
      and(
        eq(coachingCycles.districtId, districtId),
        inArray(coachingCycles.coacheePersonId, personIds),
        ne(coachingCycles.phase, 'complete'),
      ),
    )
    .orderBy(desc(coachingCycles.startedOn), desc(coachingCycles.createdAt));
  const planOf = new Map<string, (typeof plans)[number]['plan']>();
  for (const p of plans) if (!planOf.has(p.personId)) planOf.set(p.personId, p.plan);
  const cycleOf = new Map<string, (typeof cycles)[number]>();
  for (const c of cycles) if (!cycleOf.has(c.personId)) cycleOf.set(c.personId, c);
  const chosen = [...new Map([...planOf.values()].map((p) => [p.id, p])).values()];
  const members = await membersOfPlans(
    ctx.db,
    districtId,
    chosen.map((p) => p.id),
  );
  const held = await heldDatesOfPlans(
    ctx.db,
    districtId,
    timeZone,
    chosen.map((p) => ({ ...p, memberIds: members.get(p.id) ?? [] })),
  );
  const names = await personRefs(ctx.db, districtId, [...personIds, ...chosen.map((p) => p.coachPersonId)]);
  const items = await focusItemRefs(ctx.db, districtId, [...chosen.flatMap((p) => p.focusItemIds), ...cycles.map((c) => c.focusItemId)]);
  const now = Date.now();
  return personIds.map((personId) => {
    const mine = sessions.filter((s) => s.personId === personId);
    const heldDays = mine.filter((s) => s.status === 'held').map((s) => dateIn(timeZone, s.startsAt));
    const within = (from: string, to: string) => heldDays.filter((d) => d >= from && d <= to).length;
    const next = mine.find((s) => s.status === 'scheduled' && s.startsAt.getTime() > now);
    const plan = planOf.get(personId);
    const cycle = cycleOf.get(personId);
    const itemIds = [...new Set([...(plan?.focusItemIds ?? []), ...(cycle?.focusItemId ? [cycle.focusItemId] : [])])];
    return {
      person: names.get(personId) ?? unknownPerson(personId),
      sessionsThisTerm: term ? within(term.startsOn, term.endsOn) : null,
      sessionsThisYear: within(year.from, year.to),
      lastSessionOn: heldDays.filter((d) => d <= today).at(-1) ?? null,
      nextSessionAt: next ? next.startsAt.toISOString() : null,
      focusItems: itemIds.flatMap((id) => (items.has(id) ? [items.get(id)!] : [])),
      focusComponents: plan?.focusComponents ?? [],
      cyclePhase: (cycle?.phase as CoachingCyclePhase | undefined) ?? null,
      activePlan: plan
        ? {
            id: plan.id,
            title: plan.title,
            coach: names.get(plan.coachPersonId) ?? unknownPerson(plan.coachPersonId),
            delivery: planDelivery(plan, held.get(plan.id) ?? [], today),
          }
        : null,
    };
  });
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
  const items = await coachingSummaries(ctx, coached);
  items.sort((a, b) => a.person.familyName.localeCompare(b.person.familyName) || a.person.givenName.localeCompare(b.person.givenName));
  return { items };
}

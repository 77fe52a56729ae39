import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { CoachingCyclePhase } from '../../../common/coaching.ts';
import type { CaseloadEntry, FocusItemRef } from '../../../common/schemas/coaching.ts';
import {
  coachingCycles,
  coachingLogAttendees,
  coachingLogs,
  coachingPlanMembers,
  coachingPlans,
  frameworkItems,
  frameworkVersions,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canCoachAnyone } from '../../policies/coaching.ts';
import { publishedObservationVersionId } from '../observations/role-rubric.ts';
import { heldDatesOfPlans, planDelivery } from './delivery.ts';
import { membersOfPlans } from './members.ts';
import { districtToday, personRefs, unknownPerson } from './refs.ts';

/**
 * The coach's caseload: each coachee with their plan (active first) and whether it is behind, the
 * current cycle's phase, the last held and the next scheduled session with this coach.
 */
export async function caseload(ctx: Ctx): Promise<{ items: CaseloadEntry[] }> {
  if (!canCoachAnyone(ctx.actor)) throw forbidden('Only coaches have a caseload');
  const ids = ctx.actor.caseloadPersonIds;
  if (ids.length === 0) return { items: [] };
  const districtId = ctx.actor.districtId;
  const me = ctx.actor.personId;
  const names = await personRefs(ctx.db, districtId, ids);
  const plans = await ctx.db
    .select({ plan: coachingPlans, personId: coachingPlanMembers.personId })
    .from(coachingPlans)
    .innerJoin(coachingPlanMembers, eq(coachingPlanMembers.planId, coachingPlans.id))
    .where(and(eq(coachingPlans.districtId, districtId), eq(coachingPlans.coachPersonId, me), inArray(coachingPlanMembers.personId, ids)))
    .orderBy(asc(coachingPlans.status), desc(coachingPlans.startsOn));
  const planRows = [...new Map(plans.map((p) => [p.plan.id, p.plan])).values()];
  const members = await membersOfPlans(
    ctx.db,
    districtId,
    planRows.map((p) => p.id),
  );
  const { timeZone, today } = await districtToday(ctx.db, districtId);
  const held = await heldDatesOfPlans(
    ctx.db,
    districtId,
    timeZone,
    planRows.map((p) => ({ ...p, memberIds: members.get(p.id) ?? [] })),
  );
  const cycles = await ctx.db
    .select({ id: coachingCycles.id, phase: coachingCycles.phase, personId: coachingCycles.coacheePersonId })
    .from(coachingCycles)
    .where(
      and(
        eq(coachingCycles.districtId, districtId),
        eq(coachingCycles.coachPersonId, me),
        inArray(coachingCycles.coacheePersonId, ids),
        ne(coachingCycles.phase, 'complete'),
      ),
    )
    .orderBy(desc(coachingCycles.startedOn));
  const sessions = await ctx.db
    .select({ personId: coachingLogAttendees.personId, status: coachingLogs.status, startsAt: coachingLogs.startsAt })
    .from(coachingLogs)
    .innerJoin(coachingLogAttendees, eq(coachingLogAttendees.logId, coachingLogs.id))
    .where(
      and(
        eq(coachingLogs.districtId, districtId),
        eq(coachingLogs.coachPersonId, me),
        inArray(coachingLogAttendees.personId, ids),
        ne(coachingLogs.status, 'cancelled'),
      ),
    )
    .orderBy(asc(coachingLogs.startsAt));
  const now = Date.now();
  const items = ids.map((id): CaseloadEntry => {
    const plan = plans.find((p) => p.personId === id)?.plan;
    const cycle = cycles.find((c) => c.personId === id);
    const mine = sessions.filter((s) => s.personId === id);
    const last = mine.filter((s) => s.status === 'held' && s.startsAt.getTime() <= now).at(-1);
    const next = mine.find((s) => s.status === 'scheduled' && s.startsAt.getTime() > now);
    return {
      person: names.get(id) ?? unknownPerson(id),
      plan: plan
        ? {
            id: plan.id,
            title: plan.title,
            status: plan.status as 'active' | 'closed',
            behind: planDelivery(plan, held.get(plan.id) ?? [], today).behind,
          }
        : null,
      cycle: cycle ? { id: cycle.id, phase: cycle.phase as CoachingCyclePhase } : null,
      lastSessionAt: last ? last.startsAt.toISOString() : null,
      nextSessionAt: next ? next.startsAt.toISOString() : null,
    };
  });
  items.sort((a, b) => a.person.familyName.localeCompare(b.person.familyName) || a.person.givenName.localeCompare(b.person.givenName));
  return { items };
}

/** Competencies a plan, cycle or session may focus on: the items of the published observation framework. */
export async function focusItemChoices(ctx: Ctx): Promise<{ items: FocusItemRef[] }> {
  const versionId = await publishedObservationVersionId(ctx.db, ctx.actor.districtId);
  if (!versionId) return { items: [] };
  const rows = await ctx.db
    .select({
      id: frameworkItems.id,
      code: frameworkItems.humanCode,
      full: frameworkItems.fullStatement,
      short: frameworkItems.abbreviatedStatement,
    })
    .from(frameworkItems)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, frameworkItems.versionId))
    .where(and(eq(frameworkItems.districtId, ctx.actor.districtId), eq(frameworkItems.versionId, versionId)))
    .orderBy(asc(frameworkItems.humanCode), asc(frameworkItems.position));
  return { items: rows.map((r) => ({ id: r.id, code: r.code, statement: r.short ?? r.full })) };
}

import { and, eq, inArray } from 'drizzle-orm';
import type { OverdueReviewList } from '../../../common/schemas/coaching-reviews.ts';
import type { Executor } from '../../db/client.ts';
import { coachingPlanReviews, coachingPlans, teamMembers } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { canCoachAnyone } from '../../policies/coaching.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { holdsOn } from '../teams/periods.ts';
import { membersOfPlans } from './members.ts';
import { districtToday, personRefs, unknownPerson } from './refs.ts';
import { overdueDates } from './reviews.ts';

/** People currently on a team the person currently leads (the coaches whose overdue reviews they see). */
async function ledTeamMates(db: Executor, districtId: string, personId: string, today: string): Promise<string[]> {
  const led = (
    await db
      .select({ teamId: teamMembers.teamId, startsOn: teamMembers.startsOn, endsOn: teamMembers.endsOn })
      .from(teamMembers)
      .where(and(eq(teamMembers.districtId, districtId), eq(teamMembers.personId, personId), eq(teamMembers.role, 'lead')))
  ).filter((r) => holdsOn(r, today));
  if (led.length === 0) return [];
  const mates = await db
    .select({ personId: teamMembers.personId, startsOn: teamMembers.startsOn, endsOn: teamMembers.endsOn })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.districtId, districtId),
        inArray(
          teamMembers.teamId,
          led.map((r) => r.teamId),
        ),
      ),
    );
  return [...new Set(mates.filter((m) => holdsOn(m, today) && m.personId !== personId).map((m) => m.personId))];
}

/**
 * Review dates past (the district's day) with no review recorded, on active plans: a coach's own
 * plans, the plans of coachees in a school leader's schools, the plans of coaches on a team the
 * reader leads, every plan for HR and admins. Others 403.
 */
export async function overdueReviews(ctx: Ctx): Promise<OverdueReviewList> {
  const { actor } = ctx;
  const all = isHrOrAdmin(actor);
  const leads = actor.leaderOrgUnitIds.length > 0;
  const coaches = canCoachAnyone(actor);
  const districtId = actor.districtId;
  const { today } = await districtToday(ctx.db, districtId);
  const teamCoaches = all ? [] : await ledTeamMates(ctx.db, districtId, actor.personId, today);
  if (!all && !leads && !coaches && teamCoaches.length === 0)
    throw forbidden('Overdue reviews are for coaches, their leads, HR and admins');
  const where = [eq(coachingPlans.districtId, districtId), eq(coachingPlans.status, 'active')];
  if (!all && !leads) where.push(inArray(coachingPlans.coachPersonId, [actor.personId, ...teamCoaches]));
  const plans = await ctx.db
    .select()
    .from(coachingPlans)
    .where(and(...where));
  const pastDue = plans.filter((p) => p.reviewDates.some((d) => d < today));
  if (pastDue.length === 0) return { items: [], asOf: today };
  const ids = pastDue.map((p) => p.id);
  const members = await membersOfPlans(ctx.db, districtId, ids);
  const units = await currentOrgUnitsOf(ctx.db, districtId, [...new Set([...members.values()].flat())]);
  const inScope = pastDue.filter(
    (p) =>
      all ||
      p.coachPersonId === actor.personId ||
      teamCoaches.includes(p.coachPersonId) ||
      (leads && (members.get(p.id) ?? []).some((m) => (units.get(m) ?? []).some((u) => actor.leaderOrgUnitIds.includes(u)))),
  );
  if (inScope.length === 0) return { items: [], asOf: today };
  const reviewed = await ctx.db
    .select({ planId: coachingPlanReviews.planId, reviewDate: coachingPlanReviews.reviewDate })
    .from(coachingPlanReviews)
    .where(
      and(
        eq(coachingPlanReviews.districtId, districtId),
        inArray(
          coachingPlanReviews.planId,
          inScope.map((p) => p.id),
        ),
      ),
    );
  const names = await personRefs(
    ctx.db,
    districtId,
    inScope.flatMap((p) => [p.coachPersonId, ...(members.get(p.id) ?? [])]),
  );
  const ref = (id: string) => names.get(id) ?? unknownPerson(id);
  const items = inScope.flatMap((p) =>
    overdueDates(
      p.reviewDates,
      reviewed.filter((r) => r.planId === p.id).map((r) => r.reviewDate),
      today,
      p.status,
    ).map((reviewDate) => ({
      planId: p.id,
      planTitle: p.title,
      reviewDate,
      coach: ref(p.coachPersonId),
      members: (members.get(p.id) ?? []).map(ref),
    })),
  );
  items.sort((a, b) => a.reviewDate.localeCompare(b.reviewDate) || a.planTitle.localeCompare(b.planTitle));
  return { items, asOf: today };
}

import { and, eq, gt, gte, inArray, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import { ROLE_ACCESS, isStaffRole } from '../../../common/roles.ts';
import type { Executor } from '../../db/client.ts';
import {
  actionSteps,
  coachingPlanReviews,
  coachingPlans,
  observations,
  orgUnits,
  people,
  roleAssignments,
  teamMembers,
} from '../../db/schema/index.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { membersOfPlans } from '../coaching/members.ts';
import { personNameSql } from '../observations/access.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { alias } from 'drizzle-orm/pg-core';
import { holdsOn } from '../teams/periods.ts';
import type { NewNotification } from './notify.ts';

const networks = alias(orgUnits, 'networks');

/**
 * The days a reminders run covers (ISO dates): `today` (a school day); due reminders for what is due
 * after today up to `nextSchoolDay` (today is the last school day before it); overdue ones for what
 * was due before today, back to `overdueFrom`.
 */
export interface ReminderWindow {
  districtId: string;
  today: string;
  nextSchoolDay: string;
  overdueFrom: string;
}

const isDueSoon = (w: ReminderWindow, day: string) => day > w.today && day <= w.nextSchoolDay;
const isOverdue = (w: ReminderWindow, day: string) => day < w.today && day >= w.overdueFrom;

/** Feedback of published observations not held yet: due soon, or overdue; to the observer and the co-observer. */
export async function feedbackReminders(db: Executor, w: ReminderWindow): Promise<NewNotification[]> {
  const rows = await db
    .select({
      id: observations.id,
      observerPersonId: observations.observerPersonId,
      coObserverPersonId: observations.coObserverPersonId,
      observedOn: observations.observedOn,
      dueOn: observations.feedbackDueOn,
      teacher: personNameSql(people),
    })
    .from(observations)
    .innerJoin(people, eq(people.id, observations.observedPersonId))
    .where(
      and(
        eq(observations.districtId, w.districtId),
        eq(observations.status, 'published'),
        isNull(observations.feedbackHeldAt),
        isNotNull(observations.feedbackDueOn),
        gte(observations.feedbackDueOn, w.overdueFrom),
        lte(observations.feedbackDueOn, w.nextSchoolDay),
        ne(observations.feedbackDueOn, w.today),
      ),
    );
  return rows.flatMap((r) =>
    [r.observerPersonId, r.coObserverPersonId]
      .filter((id): id is string => id !== null)
      .map((personId) => ({
        personId,
        kind: r.dueOn! > w.today ? ('feedback_due' as const) : ('feedback_overdue' as const),
        entityType: 'observation',
        entityId: r.id,
        params: { teacher: r.teacher, date: r.observedOn, due: r.dueOn!, path: `/observations/${r.id}` },
        dueOn: r.dueOn!,
      })),
  );
}

/** Open action steps due soon (those of an observation once it is published); to their owner. */
export async function actionStepReminders(db: Executor, w: ReminderWindow): Promise<NewNotification[]> {
  const rows = await db
    .select({ id: actionSteps.id, personId: actionSteps.personId, title: actionSteps.title, dueOn: actionSteps.dueOn })
    .from(actionSteps)
    .leftJoin(observations, eq(observations.id, actionSteps.observationId))
    .where(
      and(
        eq(actionSteps.districtId, w.districtId),
        ne(actionSteps.status, 'mastered'),
        gt(actionSteps.dueOn, w.today),
        lte(actionSteps.dueOn, w.nextSchoolDay),
        or(isNull(actionSteps.observationId), eq(observations.status, 'published')),
      ),
    );
  return rows.map((r) => ({
    personId: r.personId,
    kind: 'action_step_due' as const,
    entityType: 'action_step',
    entityId: r.id,
    params: { title: r.title, due: r.dueOn!, path: '/observations?tab=received' },
    dueOn: r.dueOn!,
  }));
}

/**
 * The leads of each coach whose overdue reviews they see on the overdue list: the current leads of
 * the teams the coach is currently on, and the school leaders holding a role in a coachee's school
 * or in its network (an instructional superintendent).
 */
async function leadsOf(
  db: Executor,
  w: ReminderWindow,
  plans: { id: string; coachPersonId: string }[],
  members: Map<string, string[]>,
): Promise<Map<string, string[]>> {
  const coachIds = [...new Set(plans.map((p) => p.coachPersonId))];
  const coachTeams = (
    await db
      .select({ teamId: teamMembers.teamId, personId: teamMembers.personId, startsOn: teamMembers.startsOn, endsOn: teamMembers.endsOn })
      .from(teamMembers)
      .where(and(eq(teamMembers.districtId, w.districtId), inArray(teamMembers.personId, coachIds), ne(teamMembers.role, 'lead')))
  ).filter((r) => holdsOn(r, w.today));
  const teamLeads =
    coachTeams.length === 0
      ? []
      : (
          await db
            .select({
              teamId: teamMembers.teamId,
              personId: teamMembers.personId,
              startsOn: teamMembers.startsOn,
              endsOn: teamMembers.endsOn,
            })
            .from(teamMembers)
            .where(
              and(
                eq(teamMembers.districtId, w.districtId),
                eq(teamMembers.role, 'lead'),
                inArray(teamMembers.teamId, [...new Set(coachTeams.map((r) => r.teamId))]),
              ),
            )
        ).filter((r) => holdsOn(r, w.today));
  const coacheeUnits = await currentOrgUnitsOf(db, w.districtId, [...new Set([...members.values()].flat())]);
  const schools = [...new Set([...coacheeUnits.values()].flat())];
  // A school's network (its parent of type network): whoever leads the network leads the school (policies/networks.ts).
  const networkOf = new Map(
    schools.length === 0
      ? []
      : (
          await db
            .select({ schoolId: orgUnits.id, networkId: networks.id })
            .from(orgUnits)
            .innerJoin(
              networks,
              and(eq(networks.id, orgUnits.parentId), eq(networks.type, 'network'), eq(networks.districtId, w.districtId)),
            )
            .where(and(eq(orgUnits.districtId, w.districtId), inArray(orgUnits.id, schools)))
        ).map((r) => [r.schoolId, r.networkId]),
  );
  const units = [...new Set([...schools, ...networkOf.values()])];
  const leaders =
    units.length === 0
      ? []
      : (
          await db
            .select({ personId: roleAssignments.personId, orgUnitId: roleAssignments.orgUnitId, role: roleAssignments.role })
            .from(roleAssignments)
            .where(and(eq(roleAssignments.districtId, w.districtId), inArray(roleAssignments.orgUnitId, units), currentAssignment()))
        ).filter((r) => isStaffRole(r.role) && ROLE_ACCESS[r.role] === 'school_leader');
  return new Map(
    plans.map((p) => {
      const teams = coachTeams.filter((t) => t.personId === p.coachPersonId).map((t) => t.teamId);
      const planSchools = (members.get(p.id) ?? []).flatMap((m) => coacheeUnits.get(m) ?? []);
      const planUnits = [...planSchools, ...planSchools.flatMap((s) => networkOf.get(s) ?? [])];
      const ids = [
        ...teamLeads.filter((l) => teams.includes(l.teamId)).map((l) => l.personId),
        ...leaders.filter((l) => planUnits.includes(l.orgUnitId)).map((l) => l.personId),
      ];
      return [p.id, [...new Set(ids)].filter((id) => id !== p.coachPersonId)];
    }),
  );
}

/**
 * Review dates of active plans with no review recorded: due soon (to the coach and the coachees),
 * or overdue (to the coach and their leads).
 */
export async function reviewReminders(db: Executor, w: ReminderWindow): Promise<NewNotification[]> {
  const plans = (
    await db
      .select({
        id: coachingPlans.id,
        coachPersonId: coachingPlans.coachPersonId,
        title: coachingPlans.title,
        reviewDates: coachingPlans.reviewDates,
      })
      .from(coachingPlans)
      .where(and(eq(coachingPlans.districtId, w.districtId), eq(coachingPlans.status, 'active')))
  ).filter((p) => p.reviewDates.some((d) => isDueSoon(w, d) || isOverdue(w, d)));
  if (plans.length === 0) return [];
  const ids = plans.map((p) => p.id);
  const reviewed = await db
    .select({ planId: coachingPlanReviews.planId, reviewDate: coachingPlanReviews.reviewDate })
    .from(coachingPlanReviews)
    .where(and(eq(coachingPlanReviews.districtId, w.districtId), inArray(coachingPlanReviews.planId, ids)));
  const done = new Set(reviewed.map((r) => `${r.planId}:${r.reviewDate}`));
  const members = await membersOfPlans(db, w.districtId, ids);
  const overduePlans = plans.filter((p) => p.reviewDates.some((d) => isOverdue(w, d) && !done.has(`${p.id}:${d}`)));
  const leads = overduePlans.length ? await leadsOf(db, w, overduePlans, members) : new Map<string, string[]>();
  const coaches = await db
    .select({ id: people.id, name: personNameSql(people) })
    .from(people)
    .where(and(eq(people.districtId, w.districtId), inArray(people.id, [...new Set(plans.map((p) => p.coachPersonId))])));
  const coachName = new Map(coaches.map((c) => [c.id, c.name]));
  return plans.flatMap((p) =>
    p.reviewDates
      .filter((d) => !done.has(`${p.id}:${d}`))
      .flatMap((d) => {
        const overdue = isOverdue(w, d);
        if (!overdue && !isDueSoon(w, d)) return [];
        const to = overdue ? [p.coachPersonId, ...(leads.get(p.id) ?? [])] : [p.coachPersonId, ...(members.get(p.id) ?? [])];
        const params = { plan: p.title, date: d, coach: coachName.get(p.coachPersonId) ?? '', path: `/coaching/plans/${p.id}` };
        return [...new Set(to)].map((personId) => ({
          personId,
          kind: overdue ? ('coaching_review_overdue' as const) : ('coaching_review_due' as const),
          entityType: 'coaching_plan',
          entityId: p.id,
          params,
          dueOn: d,
        }));
      }),
  );
}

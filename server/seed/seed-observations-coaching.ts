/**
 * The demo term's coaching: caseloads for three coaches (the demo coach's exists already), a plan per
 * coachee (one group plan), cycles in every phase, held sessions with notes, ratings and some shared,
 * sessions scheduled in the next two weeks. The coach of the second school delivers far less than
 * the plan says (about one session a month against four planned). Past review dates are reviewed
 * (the lagging coach changes focus), except the demo coach's group plan: its review is overdue.
 */
import { randomUUID } from 'node:crypto';
import type { CoachingActivity, CoachingCyclePhase } from '../../common/coaching.ts';
import type {
  caseloadMembers,
  coachingCycles,
  coachingLogAttendees,
  coachingLogs,
  coachingPlanMembers,
  coachingPlanReviews,
  coachingPlans,
} from '../db/schema/index.ts';
import { planDelivery } from '../services/coaching/delivery.ts';
import type { BuildContext, DemoPerson, DemoSchool } from './seed-observations-build.ts';
import { addSchoolDays, plusDays, schoolDaysIn } from './seed-observations-calendar.ts';
import { CYCLE_GOALS, CYCLE_OUTCOMES, GROUP_PLAN, PLAN_FOCUS, SESSION_NOTES } from './seed-observations-data.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
export interface CoachingRows {
  caseload: Insert<typeof caseloadMembers>[];
  plans: Insert<typeof coachingPlans>[];
  members: Insert<typeof coachingPlanMembers>[];
  cycles: Insert<typeof coachingCycles>[];
  logs: Insert<typeof coachingLogs>[];
  attendees: Insert<typeof coachingLogAttendees>[];
  reviews: Insert<typeof coachingPlanReviews>[];
  /** The demo teacher's next scheduled session (for a notification). */
  teacherNext: { id: string; startsAt: Date; activity: string; coach: DemoPerson } | null;
}

export interface CoachingInput {
  ctx: BuildContext;
  /** Each coach's coachees; `lagging` delivers about a quarter of the plan. */
  coaches: { coach: DemoPerson; school: DemoSchool; coachees: DemoPerson[]; existing: boolean; lagging: boolean; group: boolean }[];
  termStartsOn: string;
  yearEndsOn: string;
}

const REVIEW_NOTES = {
  onTrack: {
    data: 'Exit tickets moved from about half to three quarters correct; walkthroughs show the routine in most lessons.',
    next: 'Keep the weekly cycle until the next review; start fading the model lessons.',
  },
  lagging: {
    data: 'Too few sessions were held to see a change in the observation data.',
    next: 'Narrow the focus to one routine and book the sessions for the month now.',
  },
};
const ACTIVITIES: CoachingActivity[] = ['observation', 'feedback', 'co_planning', 'modeling', 'data_reflection', 'prompting'];
/** Phases of the coachees' current cycles, in caseload order: every phase appears. */
const PHASES: CoachingCyclePhase[] = ['improve', 'learn', 'identify', 'complete', 'learn', 'improve', 'identify', 'learn'];

export function buildCoaching({ ctx, coaches, termStartsOn, yearEndsOn }: CoachingInput): CoachingRows {
  const { districtId, random, at, closed, today } = ctx;
  const rows: CoachingRows = { caseload: [], plans: [], members: [], cycles: [], logs: [], attendees: [], reviews: [], teacherNext: null };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const planStart = addSchoolDays(termStartsOn, 10, closed);
  const fadeOn = plusDays(planStart, 70);
  const reviews = [plusDays(planStart, 42), plusDays(planStart, 150), plusDays(yearEndsOn, -21)];
  const yesterday = plusDays(today, -1);

  for (const { coach, coachees, existing, lagging, group } of coaches) {
    if (!existing)
      rows.caseload.push(...coachees.map((p) => ({ districtId, coachPersonId: coach.id, personId: p.id, startsOn: termStartsOn })));
    // Individual plans, and for the demo coach one group plan for the last three coachees.
    const groupMembers = group ? coachees.slice(-3) : [];
    const units: { people: DemoPerson[]; focus: { code: string; title: string; components: string[] } }[] = [
      ...coachees.filter((p) => !groupMembers.includes(p)).map((p, i) => ({ people: [p], focus: PLAN_FOCUS[i % PLAN_FOCUS.length]! })),
      ...(groupMembers.length ? [{ people: groupMembers, focus: GROUP_PLAN }] : []),
    ];
    units.forEach((unit, unitIndex) => {
      const planId = randomUUID();
      const itemId = ctx.itemByCode.get(unit.focus.code) ?? null;
      const sessionMinutes = unit.people.length > 1 ? 45 : 30;
      const title = unit.people.length > 1 ? unit.focus.title : `${unit.people[0]!.name}: ${unit.focus.title.toLowerCase()}`;
      rows.plans.push({
        id: planId,
        districtId,
        coachPersonId: coach.id,
        title,
        focusItemIds: itemId ? [itemId] : [],
        focusComponents: unit.focus.components,
        activities: ['observation', 'feedback', 'modeling', 'co_planning', 'data_reflection'],
        sessionMinutes,
        phases: [
          { startsOn: planStart, sessionsPerMonth: 4, criterion: null },
          { startsOn: fadeOn, sessionsPerMonth: 2, criterion: `Once ${unit.focus.code} is at Demonstrating on two observations in a row` },
        ],
        reviewDates: reviews,
        startsOn: planStart,
        endsOn: yearEndsOn,
        status: 'active',
        createdAt: at(planStart, 7),
        updatedAt: at(planStart, 7),
      });
      rows.members.push(...unit.people.map((p) => ({ districtId, planId, personId: p.id })));

      // Cycles: one per coachee in the phase of the list; a completed one has a successor when it is the demo teacher's.
      const cycleOf = new Map<string, { id: string; startedOn: string; switchOn: string | null; previous: string | null }>();
      for (const person of unit.people) {
        const index = coachees.indexOf(person);
        const isTeacher = person.id === ctx.special.teacher;
        const phase = isTeacher ? 'improve' : PHASES[(index + unitIndex) % PHASES.length]!;
        const code = unit.focus.code;
        let previous: string | null = null;
        let switchOn: string | null = null;
        if (isTeacher) {
          previous = randomUUID();
          switchOn = plusDays(planStart, 35);
          rows.cycles.push({
            id: previous,
            districtId,
            planId,
            coachPersonId: coach.id,
            coacheePersonId: person.id,
            focusItemId: ctx.itemByCode.get('2b') ?? null,
            phase: 'complete',
            goal: CYCLE_GOALS['2b']!,
            outcome: CYCLE_OUTCOMES[0]!,
            startedOn: planStart,
            completedOn: switchOn,
          });
        }
        const id = randomUUID();
        const startedOn = switchOn ?? planStart;
        rows.cycles.push({
          id,
          districtId,
          planId,
          coachPersonId: coach.id,
          coacheePersonId: person.id,
          focusItemId: isTeacher ? (ctx.itemByCode.get('3c') ?? null) : itemId,
          phase,
          goal: CYCLE_GOALS[isTeacher ? '3c' : code] ?? CYCLE_GOALS['3c']!,
          outcome: phase === 'complete' ? CYCLE_OUTCOMES[1]! : null,
          startedOn,
          completedOn: phase === 'complete' ? yesterday : null,
        });
        cycleOf.set(person.id, { id, startedOn, switchOn, previous });
      }

      // Held sessions: weekly (every other week after the fade), the lagging coach about monthly.
      const days = schoolDaysIn(planStart, yesterday, closed).filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 2 + (unitIndex % 3));
      const held = days.filter((d, i) => (lagging ? i % 4 === 0 : d < fadeOn || i % 2 === 0));
      const addLog = (day: string, status: 'held' | 'scheduled' | 'cancelled', activity: CoachingActivity) => {
        const id = randomUUID();
        const startsAt = at(day, 10 + (unitIndex % 4), unitIndex % 2 ? 30 : 0);
        const lead = unit.people[0]!;
        const cycle = cycleOf.get(lead.id)!;
        const cycleId = cycle.previous && cycle.switchOn && day < cycle.switchOn ? cycle.previous : cycle.id;
        const wording = status === 'held' ? pick(SESSION_NOTES[activity] ?? SESSION_NOTES.feedback!) : { notes: '', nextSteps: '' };
        rows.logs.push({
          id,
          districtId,
          coachPersonId: coach.id,
          planId,
          cycleId,
          status,
          startsAt,
          durationMinutes: sessionMinutes,
          activity,
          focusItemId: itemId,
          notes: wording.notes,
          nextSteps: wording.nextSteps,
          createdAt: new Date(startsAt.getTime() - 7 * 86_400_000),
          updatedAt: status === 'held' ? new Date(startsAt.getTime() + sessionMinutes * 60_000) : startsAt,
        });
        const shared = status === 'held' && random() < 0.2;
        for (const person of unit.people) {
          const rated = status === 'held' && random() < 0.65;
          rows.attendees.push({
            districtId,
            logId: id,
            personId: person.id,
            helpfulness: rated ? 3 + Math.floor(random() * 3) : null,
            ratedAt: rated ? new Date(startsAt.getTime() + 5 * 3600_000) : null,
            sharedAt: shared ? new Date(startsAt.getTime() + 6 * 3600_000) : null,
          });
        }
        return { id, startsAt };
      };
      held.forEach((day, i) => addLog(day, 'held', ACTIVITIES[(i + unitIndex) % ACTIVITIES.length]!));
      const overdue = existing && group && unit.people.length > 1;
      const plan = rows.plans[rows.plans.length - 1]!;
      for (const reviewDate of overdue ? [] : reviews.filter((d) => d < today)) {
        const delivery = planDelivery({ startsOn: planStart, endsOn: yearEndsOn, phases: plan.phases ?? [] }, held, reviewDate);
        const forTeacher = unit.people.some((p) => p.id === ctx.special.teacher);
        rows.reviews.push({
          districtId,
          planId,
          reviewDate,
          plannedSessions: delivery.plannedToDate,
          deliveredSessions: delivery.deliveredToDate,
          followed: lagging ? 'no' : 'yes',
          decision: lagging ? 'change_focus' : 'continue',
          dataNotes: lagging ? REVIEW_NOTES.lagging.data : REVIEW_NOTES.onTrack.data,
          nextSteps: lagging ? REVIEW_NOTES.lagging.next : REVIEW_NOTES.onTrack.next,
          recordedByPersonId: coach.id,
          createdAt: at(reviewDate, 15),
          updatedAt: at(reviewDate, 15),
          // The demo teacher has a review to acknowledge; the others acknowledged theirs.
          ...(forTeacher
            ? {}
            : { acknowledgedByPersonId: unit.people[0]!.id, acknowledgedAt: at(plusDays(reviewDate, 1), 16), coacheeNote: 'Agreed.' }),
        });
      }
      if (lagging)
        days
          .filter((_, i) => i % 4 === 2)
          .slice(0, 2)
          .forEach((day) => addLog(day, 'cancelled', 'observation'));
      // Upcoming: one or two sessions in the next two weeks.
      const next = ctx.nextDays.filter((_, i) => i % 5 === unitIndex % 5);
      next.slice(0, lagging ? 1 : 2).forEach((day, i) => {
        const activity = ACTIVITIES[(held.length + i + unitIndex) % ACTIVITIES.length]!;
        const log = addLog(day, 'scheduled', activity);
        if (unit.people.some((p) => p.id === ctx.special.teacher) && !rows.teacherNext) rows.teacherNext = { ...log, activity, coach };
      });
    });
  }
  return rows;
}

import type { Executor } from '../db/client.ts';
import { actionPlanItems, actionPlanReviews, actionPlans, barriers } from '../db/schema/index.ts';

/** The records the demo's action plan and barrier hang on (ids of the demo seed's own rows). */
export interface ActionPlansDemoRefs {
  districtId: string;
  initiativeId: string;
  /** A pilot school, its school team, and the district team that school team reports to. */
  schoolId: string;
  schoolTeamId: string;
  districtTeamId: string;
  /** A member of the school team who owns the items; a coach at the school who raises the barrier. */
  ownerPersonId: string;
  coachPersonId: string;
  /** A meeting of the school team at which the first item was reviewed (optional). */
  meetingId?: string | null;
  /** A PDSA cycle of the initiative the second item comes from (optional). */
  pdsaCycleId?: string | null;
  /** The district's today (YYYY-MM-DD); the demo's dates are set around it. */
  today: string;
}

const day = (today: string, offset: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/**
 * Demo data for issue 15 parts 5 and 6, for the seed to call after the implementation demo: the
 * school team's capacity action plan (two items through the protocol, one reviewed at a meeting) and
 * a barrier a coach raised that the school team escalated and the district team resolved, its answer
 * back with the coach. Written straight to the tables like the rest of the seed; returns the ids.
 * @example await installActionPlansDemo(tx, { districtId, initiativeId, schoolId, schoolTeamId, districtTeamId, ownerPersonId, coachPersonId, today })
 */
export async function installActionPlansDemo(tx: Executor, refs: ActionPlansDemoRefs) {
  const { districtId, today } = refs;
  const [plan] = await tx
    .insert(actionPlans)
    .values({ districtId, teamId: refs.schoolTeamId, initiativeId: refs.initiativeId, title: 'Capacity assessment: coaching and data use' })
    .returning();
  const items = await tx
    .insert(actionPlanItems)
    .values([
      {
        districtId,
        planId: plan!.id,
        teamId: refs.schoolTeamId,
        problem: 'Only 4 of 10 K-3 teachers had a coaching cycle this term (coaching log, capacity item "coaching is provided")',
        sourceKind: 'manual',
        rootCauses: ['No coaching time in the timetable', 'Coaches cover absent teachers'],
        strategy: 'Protect two coaching periods a week for each coach; cover from the substitute pool first',
        ownerPersonId: refs.ownerPersonId,
        dueOn: day(today, 45),
        measure: 'Share of K-3 teachers with a coaching cycle each month (target 80%)',
        reviewOn: day(today, -1),
        status: 'in_progress',
      },
      {
        districtId,
        planId: plan!.id,
        teamId: refs.schoolTeamId,
        problem: 'Fidelity data reaches the team six weeks late (data review)',
        sourceKind: refs.pdsaCycleId ? 'pdsa_cycle' : 'manual',
        sourceId: refs.pdsaCycleId ?? null,
        rootCauses: ['Checks are entered at the end of the month', 'No one owns the monthly summary'],
        strategy: 'The data lead publishes the fidelity summary the week after checks',
        ownerPersonId: refs.ownerPersonId,
        dueOn: day(today, 30),
        measure: 'Days from check to team review (target under 14)',
        reviewOn: day(today, 14),
      },
    ])
    .returning();
  await tx.insert(actionPlanReviews).values({
    districtId,
    itemId: items[0]!.id,
    reviewedOn: day(today, -1),
    note: 'Two coaches have protected periods; the third still covers classes on Fridays.',
    meetingId: refs.meetingId ?? null,
  });
  const [barrier] = await tx
    .insert(barriers)
    .values({
      districtId,
      kind: 'schedule',
      initiativeId: refs.initiativeId,
      orgUnitId: refs.schoolId,
      description: 'The district bell schedule leaves no common planning time, so coaching debriefs cannot happen in the school day.',
      raisedByPersonId: refs.coachPersonId,
      routedTeamId: refs.districtTeamId,
      firstTeamId: refs.schoolTeamId,
      status: 'resolved',
      answer: 'From next month the bell schedule adds a 30-minute common planning block on Tuesdays and Thursdays at the pilot schools.',
      internalNotes: 'Escalated: only the district sets bell schedules. Agreed with operations on the Tuesday/Thursday block.',
      escalatedAt: new Date(`${day(today, -20)}T15:00:00Z`),
      closedAt: new Date(`${day(today, -6)}T15:00:00Z`),
      version: 4,
    })
    .returning();
  return { planId: plan!.id, itemIds: items.map((i) => i.id), barrierId: barrier!.id };
}

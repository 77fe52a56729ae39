import { and, eq } from 'drizzle-orm';
import { addDays } from '../../common/clock.ts';
import { DEFAULT_PLAN_TEMPLATE, type PlanStatus } from '../../common/performance.ts';
import type { Executor } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { stamps, type PerformanceDemo, type PlanInsert, type Snapshot } from './seed-performance.ts';

interface Extras extends PerformanceDemo {
  today: string;
  currentCycleId: string;
  previousCycleId: string;
  snapshot: Snapshot | null;
  previousSnapshot: Snapshot | null;
  currentPlans: { id: string; personId: string; status: string }[];
  ratingMethod: { cutScores: { min: number; label: string }[] };
}

type RatingInsert = typeof s.planRatings.$inferInsert;

const ratingsFor = (
  districtId: string,
  planId: string,
  snapshot: Snapshot,
  seed: number,
  raters: ('self' | 'evaluator')[],
): RatingInsert[] =>
  snapshot.criteria.flatMap((c, j) =>
    raters.map((rater) => {
      const level = c.levels[(seed + j + (rater === 'self' ? 1 : 0)) % Math.min(3, c.levels.length || 1)];
      return { districtId, planId, itemId: c.itemId, rater, scaleLevelId: level?.scaleLevelId ?? null, levelScore: level?.score ?? null };
    }),
  );

async function insertRatings(tx: Executor, rows: RatingInsert[]) {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(s.planRatings).values(rows.slice(i, i + 1000));
}

/**
 * The rest of the performance demo: review ratings on this year's reviewed plans, last year's
 * closed cycle at Palm Grove (the demo teacher's plan reviewed, signed and acknowledged), Palm
 * Grove's priorities with a school goal and the Grade 3 team's goal, the demo teacher's goal and
 * focus area aligned to them, and one improvement plan after a professionalism concern.
 */
export async function seedPerformanceExtras(tx: Executor, x: Extras) {
  const { districtId } = x;
  // This year's reviews: the evaluator's ratings, so the distribution has something to show.
  if (x.snapshot) {
    const reviewed = x.currentPlans.filter((p) => p.status === 'reviewed' || p.status === 'acknowledged');
    await insertRatings(
      tx,
      reviewed.flatMap((p, i) => ratingsFor(districtId, p.id, x.snapshot!, i, ['evaluator'])),
    );
  }

  // Last year at Palm Grove: every teacher reviewed and acknowledged.
  const lastYear = new Date(`${addDays(x.today, -200)}T15:00:00Z`);
  const previousPlans: PlanInsert[] = x.teachers.map((personId, i) => ({
    districtId,
    cycleId: x.previousCycleId,
    personId,
    stepId: x.previousSnapshot?.stepId ?? null,
    cycleRubricId: x.previousSnapshot?.id ?? null,
    orgUnitId: x.schoolId,
    evaluatorPersonId: x.principal,
    template: DEFAULT_PLAN_TEMPLATE,
    ...stamps('acknowledged' as PlanStatus, lastYear),
    overallLabel: x.ratingMethod.cutScores[i % 3]!.label,
    overallScore: 3.5 - (i % 3),
    reviewSummary: personId === x.teacher ? 'A strong year: routines are tight and questioning has deepened.' : '',
    personReflection: personId === x.teacher ? 'I want to keep building student discourse next year.' : '',
    reflections: (personId === x.teacher ? { strengths: 'Classroom routines.', growth: 'Higher-order questioning.' } : {}) as Record<
      string,
      string
    >,
  }));
  const previous = previousPlans.length
    ? await tx
        .insert(s.performancePlans)
        .values(previousPlans)
        .returning({ id: s.performancePlans.id, personId: s.performancePlans.personId })
    : [];
  if (x.previousSnapshot) {
    await insertRatings(
      tx,
      previous.flatMap((p, i) => ratingsFor(districtId, p.id, x.previousSnapshot!, i, ['self', 'evaluator'])),
    );
  }
  const teacherLastYear = previous.find((p) => p.personId === x.teacher);
  const [teacherPerson, principalPerson] = await Promise.all(
    [x.teacher, x.principal].map(async (id) => (await tx.select().from(s.people).where(eq(s.people.id, id)))[0]!),
  );
  const typed = (p: typeof teacherPerson) => `${p!.givenName} ${p!.familyName}`;
  if (teacherLastYear) {
    await tx.insert(s.planGoals).values({
      districtId,
      planId: teacherLastYear.id,
      title: 'Raise Grade 1 reading fluency',
      metric: 'Students at benchmark on the spring fluency check',
      baseline: '48%',
      target: '70%',
      rating: 'partly_met',
    });
    await tx.insert(planSignatures).values(
      (['plan', 'review'] as const).flatMap((stage) => [
        {
          districtId,
          planId: teacherLastYear.id,
          stage,
          signer: 'person',
          signerPersonId: x.teacher,
          typedName: typed(teacherPerson),
          signedAt: lastYear,
          planVersion: 1,
        },
        {
          districtId,
          planId: teacherLastYear.id,
          stage,
          signer: 'evaluator',
          signerPersonId: x.principal,
          typedName: typed(principalPerson),
          signedAt: lastYear,
          planVersion: 1,
        },
      ]),
    );
  }

  // The district's reading goal, Palm Grove's priorities, a school goal aligned to the district
  // goal and the Grade 3 team's goal under it.
  const [districtGoal] = await tx
    .insert(s.teamGoals)
    .values({
      districtId,
      level: 'district',
      schoolYear: '2026-27',
      title: 'Reading on grade level by the end of grade 3',
      metric: 'K-3 students at benchmark, district-wide',
      baseline: '58%',
      target: '70%',
      dueOn: '2027-06-15',
    })
    .returning({ id: s.teamGoals.id });
  const [literacy] = await tx
    .insert(s.schoolPriorities)
    .values([
      { districtId, orgUnitId: x.schoolId, schoolYear: '2026-27', position: 0, title: 'Every student reading on grade level by grade 3' },
      { districtId, orgUnitId: x.schoolId, schoolYear: '2026-27', position: 1, title: 'Strong classroom culture in every room' },
    ])
    .returning({ id: s.schoolPriorities.id });
  const [schoolGoal] = await tx
    .insert(s.teamGoals)
    .values({
      districtId,
      level: 'school',
      orgUnitId: x.schoolId,
      schoolYear: '2026-27',
      priorityId: literacy!.id,
      parentGoalId: districtGoal!.id,
      title: '75% of K-3 students at benchmark in reading',
      metric: 'Students at benchmark',
      baseline: '61%',
      target: '75%',
      dueOn: '2027-05-31',
    })
    .returning({ id: s.teamGoals.id });
  const [grade3] = await tx
    .select({ id: s.teams.id })
    .from(s.teams)
    .where(and(eq(s.teams.districtId, districtId), eq(s.teams.schoolId, x.schoolId), eq(s.teams.name, 'Grade 3')));
  if (grade3) {
    await tx.insert(s.teamGoals).values({
      districtId,
      level: 'team',
      orgUnitId: x.schoolId,
      teamId: grade3.id,
      schoolYear: '2026-27',
      priorityId: literacy!.id,
      parentGoalId: schoolGoal!.id,
      title: 'Grade 3 fluency: 80% at benchmark',
      metric: 'Students at benchmark',
      baseline: '58%',
      target: '80%',
      dueOn: '2027-05-31',
    });
  }
  const teacherPlan = x.currentPlans.find((p) => p.personId === x.teacher);
  if (teacherPlan) {
    await tx.insert(s.planGoals).values({
      districtId,
      planId: teacherPlan.id,
      title: 'Grade 1 reading fluency',
      metric: 'Students at benchmark',
      baseline: '52%',
      baselineOn: '2026-09-15',
      target: '75%',
      dueOn: '2027-05-31',
      alignedGoalId: schoolGoal!.id,
    });
    const item = x.snapshot?.criteria[0];
    if (item) {
      await tx.insert(s.planFocusAreas).values({
        districtId,
        planId: teacherPlan.id,
        itemId: item.itemId,
        rationale: 'Last year’s review named questioning as the next step.',
        actions: [{ kind: 'coaching', description: 'Biweekly coaching cycles on questioning' }],
      });
    }
  }

  // A professionalism concern and the improvement plan that followed it.
  const [punctuality] = await tx
    .insert(s.professionalismExpectations)
    .values([
      { districtId, position: 0, title: 'Punctuality', description: 'Arrive before students and start class on time.' },
      { districtId, position: 1, title: 'Deadlines', description: 'Submit grades and plans by the due date.' },
    ])
    .returning({ id: s.professionalismExpectations.id });
  const [, , written] = await tx
    .insert(s.escalationSteps)
    .values(
      ['Conversation', 'Written expectations', 'Improvement plan', 'HR referral'].map((title, position) => ({
        districtId,
        position,
        title,
      })),
    )
    .returning({ id: s.escalationSteps.id });
  const personId = x.teachers[5] ?? x.teacher;
  const [concern] = await tx
    .insert(s.professionalismConcerns)
    .values({
      districtId,
      personId,
      raisedByPersonId: x.principal,
      expectationId: punctuality!.id,
      escalationStepId: written!.id,
      occurredOn: addDays(x.today, -40),
      description: 'Arrived after the first bell on six days in three weeks.',
    })
    .returning({ id: s.professionalismConcerns.id });
  await tx.insert(s.improvementPlans).values({
    districtId,
    personId,
    ownerPersonId: x.principal,
    concernId: concern!.id,
    startsOn: addDays(x.today, -20),
    endsOn: addDays(x.today, 40),
    goals: [{ text: 'Arrive by 7:45 every school day', measure: 'Front office sign-in' }],
    supports: [{ text: 'Adjusted duty schedule', owner: 'Principal' }],
    checkDates: [
      { on: addDays(x.today, -6), note: 'On time every day this week.', held: true },
      { on: addDays(x.today, 10), note: '', held: false },
    ],
    status: 'active',
  });
}

const planSignatures = s.planSignatures;

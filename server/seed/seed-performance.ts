import { and, eq, inArray } from 'drizzle-orm';
import { addDays, todayIn } from '../../common/clock.ts';
import { DEFAULT_PLAN_TEMPLATE, type PlanStatus } from '../../common/performance.ts';
import type { Executor } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { refreshCompletion } from '../services/performance/completion.ts';
import { roleRubricForRole } from '../services/observations/role-rubric.ts';
import { seedPerformanceExtras } from './seed-performance-extras.ts';

/** The demo people performance management is built around (ids from the demo seed). */
export interface PerformanceDemo {
  districtId: string;
  /** Palm Grove, its principal (the demo principal), the demo teacher and Palm Grove's teachers. */
  schoolId: string;
  principal: string;
  teacher: string;
  teachers: string[];
}

const PLAN_ROLES = ['teacher', 'apprentice_teacher'];
/** Statuses dealt in turn over the district's teachers: every phase state appears at every school. */
const DEAL: PlanStatus[] = [
  'self_assessment',
  'self_assessment',
  'goal_setting',
  'submitted',
  'approved',
  'signed',
  'signed',
  'signed',
  'signed',
  'reviewed',
  'acknowledged',
];
const ORDER: PlanStatus[] = ['self_assessment', 'goal_setting', 'submitted', 'approved', 'signed', 'reviewed', 'acknowledged'];

export type PlanInsert = typeof s.performancePlans.$inferInsert;
export type Snapshot = typeof s.performanceCycleRubrics.$inferSelect;

/** A plan's timestamps for a status, all at `at`. */
export function stamps(status: PlanStatus, at: Date) {
  const reached = (x: PlanStatus) => ORDER.indexOf(status) >= ORDER.indexOf(x);
  return {
    status,
    selfAssessedAt: reached('goal_setting') ? at : null,
    submittedAt: reached('submitted') ? at : null,
    approvedAt: reached('approved') ? at : null,
    signedAt: reached('signed') ? at : null,
    reviewedAt: reached('reviewed') ? at : null,
    acknowledgedAt: reached('acknowledged') ? at : null,
  };
}

/** The teacher rubric, snapshotted into a cycle as opening a cycle would. */
async function snapshotTeacherRubric(tx: Executor, districtId: string, cycleIds: string[]) {
  const ref = await roleRubricForRole(tx, districtId, 'teacher');
  if (!ref) return [];
  const [rubric] = await tx.select().from(s.rubrics).where(eq(s.rubrics.id, ref.rubricId));
  const criteria = await tx
    .select({
      itemId: s.rubricCriteria.itemId,
      code: s.frameworkItems.humanCode,
      title: s.frameworkItems.fullStatement,
      position: s.rubricCriteria.position,
    })
    .from(s.rubricCriteria)
    .innerJoin(s.frameworkItems, eq(s.frameworkItems.id, s.rubricCriteria.itemId))
    .where(eq(s.rubricCriteria.rubricId, ref.rubricId))
    .orderBy(s.rubricCriteria.position);
  const levels = ref.scaleId
    ? await tx.select().from(s.scaleLevels).where(eq(s.scaleLevels.scaleId, ref.scaleId)).orderBy(s.scaleLevels.position)
    : [];
  return tx
    .insert(s.performanceCycleRubrics)
    .values(
      cycleIds.map((cycleId) => ({
        districtId,
        cycleId,
        stepId: rubric!.stepId,
        rubricId: rubric!.id,
        title: rubric!.title,
        criteria: criteria.map((c) => ({
          itemId: c.itemId!,
          code: c.code,
          title: c.title,
          position: c.position,
          weight: null,
          levels: levels.map((l) => ({ scaleLevelId: l.id, score: l.levelScore, label: l.label, descriptor: null })),
        })),
      })),
    )
    .returning();
}

const phases = (y: number) => [
  { key: 'self_assessment', startsOn: `${y}-08-15`, endsOn: `${y}-09-30` },
  { key: 'goal_setting', startsOn: `${y}-10-01`, endsOn: `${y}-10-31` },
  { key: 'mid_year_check_in', startsOn: `${y + 1}-01-05`, endsOn: `${y + 1}-01-31` },
  { key: 'end_of_year_review', startsOn: `${y + 1}-05-01`, endsOn: `${y + 1}-05-31` },
  { key: 'sign_off', startsOn: `${y + 1}-06-01`, endsOn: `${y + 1}-06-15` },
];

/**
 * Performance management in the demo district (issue 13): an open 2026-27 cycle over every
 * teacher in every phase state (self-assessments done and missing, signed and unsigned plans,
 * overdue check-ins, reviews), a closed 2025-26 cycle with reviewed and acknowledged plans at
 * Palm Grove, team goals, and one improvement plan. The demo teacher's plan is approved but not
 * yet signed; the demo principal evaluates Palm Grove. Written straight to the tables in batches.
 */
export async function seedPerformance(tx: Executor, demo: PerformanceDemo) {
  const { districtId } = demo;
  const [district] = await tx.select({ timeZone: s.districts.timeZone }).from(s.districts).where(eq(s.districts.id, districtId));
  const today = todayIn(district?.timeZone ?? 'America/New_York');
  const ratingMethod = {
    overall: true,
    weights: {},
    cutScores: [
      { min: 3.5, label: 'Highly effective' },
      { min: 2.5, label: 'Effective' },
      { min: 1.5, label: 'Developing' },
      { min: 0, label: 'Needs improvement' },
    ],
  };
  const everyone = { roles: [], stepIds: [], orgUnitIds: [] };
  const [current, previous] = await tx
    .insert(s.performanceCycles)
    .values([
      {
        districtId,
        title: 'Staff performance 2026-27',
        schoolYear: '2026-27',
        population: everyone,
        populationKey: 'everyone',
        phases: phases(2026),
        ratingMethod,
        checkInDates: ['2026-11-15', '2027-02-15', '2027-04-15'],
        status: 'open',
        openedAt: new Date('2026-08-15T12:00:00Z'),
      },
      {
        districtId,
        title: 'Staff performance 2025-26',
        schoolYear: '2025-26',
        population: everyone,
        populationKey: 'everyone',
        phases: phases(2025),
        ratingMethod,
        checkInDates: ['2025-11-15', '2026-02-15', '2026-04-15'],
        status: 'closed',
        openedAt: new Date('2025-08-15T12:00:00Z'),
      },
    ])
    .returning({ id: s.performanceCycles.id });
  const [snapshot, previousSnapshot] = await snapshotTeacherRubric(tx, districtId, [current!.id, previous!.id]);

  const staff = await tx
    .select({ personId: s.roleAssignments.personId, orgUnitId: s.roleAssignments.orgUnitId, role: s.roleAssignments.role })
    .from(s.roleAssignments)
    .where(
      and(eq(s.roleAssignments.districtId, districtId), eq(s.roleAssignments.isPrimary, true), inArray(s.roleAssignments.role, PLAN_ROLES)),
    )
    .orderBy(s.roleAssignments.orgUnitId, s.roleAssignments.personId);
  const principals = await tx
    .select({ personId: s.roleAssignments.personId, orgUnitId: s.roleAssignments.orgUnitId })
    .from(s.roleAssignments)
    .where(and(eq(s.roleAssignments.districtId, districtId), eq(s.roleAssignments.role, 'principal')));
  const principalOf = new Map(principals.map((p) => [p.orgUnitId, p.personId]));
  principalOf.set(demo.schoolId, demo.principal);

  const at = new Date(`${addDays(today, -30)}T15:00:00Z`);
  const plans: PlanInsert[] = staff.map((row, i) => {
    const status: PlanStatus = row.personId === demo.teacher ? 'approved' : DEAL[i % DEAL.length]!;
    const signed = ORDER.indexOf(status) >= ORDER.indexOf('signed');
    return {
      districtId,
      cycleId: current!.id,
      personId: row.personId,
      stepId: snapshot?.stepId ?? null,
      cycleRubricId: snapshot?.id ?? null,
      orgUnitId: row.orgUnitId,
      evaluatorPersonId: principalOf.get(row.orgUnitId) ?? null,
      template: DEFAULT_PLAN_TEMPLATE,
      ...stamps(status, at),
      // Every other signed plan missed its check-in three weeks ago.
      nextCheckInOn: signed ? addDays(today, i % 2 ? -21 : 45) : null,
      overallLabel: status === 'reviewed' || status === 'acknowledged' ? ratingMethod.cutScores[i % 3]!.label : null,
    };
  });
  const inserted: { id: string; personId: string; status: string }[] = [];
  for (let i = 0; i < plans.length; i += 500) {
    inserted.push(
      ...(await tx
        .insert(s.performancePlans)
        .values(plans.slice(i, i + 500))
        .returning({ id: s.performancePlans.id, personId: s.performancePlans.personId, status: s.performancePlans.status })),
    );
  }
  await seedPerformanceExtras(tx, {
    ...demo,
    today,
    currentCycleId: current!.id,
    previousCycleId: previous!.id,
    snapshot: snapshot ?? null,
    previousSnapshot: previousSnapshot ?? null,
    currentPlans: inserted,
    ratingMethod,
  });
  await refreshCompletion(tx, districtId, current!.id);
  await refreshCompletion(tx, districtId, previous!.id);
  return { currentCycleId: current!.id, previousCycleId: previous!.id };
}

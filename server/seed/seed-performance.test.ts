/** The demo's performance management: a 2026-27 cycle in every phase state, last year's reviews, team goals, an improvement plan. */
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_STATUSES } from '../../common/performance.ts';
import type { Database } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { openTestDatabase } from '../test/database.ts';
import { seedDemoDistrict } from './seed.ts';

describe('demo performance management', () => {
  let database: Database;
  let districtId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const started = performance.now();
    await seedDemoDistrict(database.db);
    console.info(`demo seed: ${Math.round(performance.now() - started)} ms`);
    const [district] = await database.db.select().from(s.districts).where(eq(s.districts.slug, 'sunshine'));
    districtId = district!.id;
  }, 180_000);
  afterAll(() => database?.close());
  const db = () => database.db;
  const personByEmail = async (email: string) =>
    (
      await db()
        .select()
        .from(s.people)
        .where(and(eq(s.people.districtId, districtId), eq(s.people.email, email)))
    )[0]!;

  it('has a 2026-27 cycle with plans in every status, overdue check-ins and a completion summary', async () => {
    const [cycle] = await db()
      .select()
      .from(s.performanceCycles)
      .where(and(eq(s.performanceCycles.districtId, districtId), eq(s.performanceCycles.schoolYear, '2026-27')));
    expect(cycle!.status).toBe('open');
    const statuses = await db()
      .selectDistinct({ status: s.performancePlans.status })
      .from(s.performancePlans)
      .where(eq(s.performancePlans.cycleId, cycle!.id));
    expect(statuses.map((r) => r.status).sort()).toEqual([...PLAN_STATUSES].sort());
    const [overdue] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(s.performancePlans)
      .where(and(eq(s.performancePlans.cycleId, cycle!.id), lt(s.performancePlans.nextCheckInOn, sql`current_date`)));
    expect(overdue!.n).toBeGreaterThan(0);
    const summary = await db().select().from(s.performanceCompletion).where(eq(s.performanceCompletion.cycleId, cycle!.id));
    expect(summary.length).toBeGreaterThan(1);
    expect(summary.some((r) => r.selfAssessed < r.plans && r.signed > 0)).toBe(true);
  });

  it('gives the demo teacher an unsigned plan from the demo principal, and last year reviewed and acknowledged', async () => {
    const teacher = await personByEmail('teacher@sunshine.example');
    const principal = await personByEmail('principal@sunshine.example');
    const plans = await db()
      .select({
        status: s.performancePlans.status,
        evaluator: s.performancePlans.evaluatorPersonId,
        year: s.performanceCycles.schoolYear,
        cycleStatus: s.performanceCycles.status,
      })
      .from(s.performancePlans)
      .innerJoin(s.performanceCycles, eq(s.performanceCycles.id, s.performancePlans.cycleId))
      .where(eq(s.performancePlans.personId, teacher.id));
    expect(plans.find((p) => p.year === '2026-27')).toMatchObject({ status: 'approved', evaluator: principal.id });
    expect(plans.find((p) => p.year === '2025-26')).toMatchObject({ status: 'acknowledged', cycleStatus: 'closed' });
    const evaluated = await db().select().from(s.performancePlans).where(eq(s.performancePlans.evaluatorPersonId, principal.id));
    expect(evaluated.length).toBeGreaterThan(5);
  });

  it('has a district goal, and team goals under a school priority and one improvement plan after a concern', async () => {
    const goals = await db().select().from(s.teamGoals).where(eq(s.teamGoals.districtId, districtId));
    expect(goals.map((g) => g.level).sort()).toEqual(['district', 'school', 'team']);
    // The school goal rolls up to the district goal.
    expect(goals.find((g) => g.level === 'school')!.parentGoalId).toBe(goals.find((g) => g.level === 'district')!.id);
    expect(goals.find((g) => g.level === 'team')!.teamId).not.toBeNull();
    expect(await db().select().from(s.schoolPriorities).where(eq(s.schoolPriorities.districtId, districtId))).toHaveLength(2);
    const aligned = await db()
      .select()
      .from(s.planGoals)
      .where(and(eq(s.planGoals.districtId, districtId), isNotNull(s.planGoals.alignedGoalId)));
    expect(aligned).toHaveLength(1);
    const improvement = await db().select().from(s.improvementPlans).where(eq(s.improvementPlans.districtId, districtId));
    expect(improvement).toHaveLength(1);
    expect(improvement[0]!.concernId).not.toBeNull();
    const ratings = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(s.planRatings)
      .where(eq(s.planRatings.districtId, districtId));
    expect(ratings[0]!.n).toBeGreaterThan(0);
  });
});

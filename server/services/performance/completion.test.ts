/** The completion summary HR's view reads: counts per cycle and school, recounted on write. */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { performanceCompletion, performancePlans } from '../../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildPerson } from '../../test/factories.ts';
import { buildPerformanceWorld, buildPlan } from '../../test/fixtures/performance.ts';
import { useTestApp } from '../../test/harness.ts';
import { refreshCompletion } from './completion.ts';

const t = useTestApp();

describe('performance completion summary', () => {
  it('counts each school, leaves out people who left, and recounts one school on write', async () => {
    const db = t.database.db;
    const districtId = (await buildDistrict(db)).id;
    const world = await buildPerformanceWorld(db, districtId);
    const palm = await buildOrgUnit(db, districtId, { name: 'Palm' });
    const oak = await buildOrgUnit(db, districtId, { name: 'Oak' });
    const people = await Promise.all([0, 1, 2, 3].map(() => buildPerson(db, districtId, { orgUnitId: palm.id })));
    await buildPlan(db, world, { personId: people[0]!.id, evaluatorPersonId: null, orgUnitId: palm.id, status: 'signed' });
    await buildPlan(db, world, { personId: people[1]!.id, evaluatorPersonId: null, orgUnitId: palm.id, status: 'goal_setting' });
    const leaver = await buildPlan(db, world, { personId: people[2]!.id, evaluatorPersonId: null, orgUnitId: palm.id });
    await buildPlan(db, world, { personId: people[3]!.id, evaluatorPersonId: null, orgUnitId: oak.id, status: 'acknowledged' });

    await db.update(performancePlans).set({ leftOn: '2026-10-01' }).where(eq(performancePlans.id, leaver.id));
    await refreshCompletion(db, districtId, world.cycleId, palm.id);

    const rows = await db
      .select()
      .from(performanceCompletion)
      .where(and(eq(performanceCompletion.cycleId, world.cycleId)));
    const bySchool = new Map(rows.map((r) => [r.orgUnitId, r]));
    expect(bySchool.get(palm.id)).toMatchObject({ plans: 2, selfAssessed: 2, submitted: 1, signed: 1, reviewed: 0 });
    expect(bySchool.get(oak.id)).toMatchObject({ plans: 1, signed: 1, reviewed: 1, acknowledged: 1 });
    expect(rows).toHaveLength(2);
  });
});

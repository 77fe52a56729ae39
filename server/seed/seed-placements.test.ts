import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/database.ts';
import type { Database } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { roleRubricForPerson } from '../services/observations/role-rubric.ts';
import { computedEvaluators } from '../services/evaluators/computed.ts';
import { seedDemoDistrict } from './seed.ts';

describe('demo networks, career steps and evaluators', () => {
  let database: Database;
  let districtId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoDistrict(database.db);
    const [district] = await database.db.select().from(s.districts).where(eq(s.districts.slug, 'sunshine'));
    districtId = district!.id;
  }, 120_000);
  afterAll(() => database?.close());
  const db = () => database.db;

  it("observes Palm Grove's promoted team lead on the teacher-leader rubric, with the promotion in the history", async () => {
    const [promoted] = await db()
      .select({ personId: s.stepPlacements.personId })
      .from(s.stepPlacements)
      .where(and(eq(s.stepPlacements.districtId, districtId), eq(s.stepPlacements.startDate, '2021-08-01')));
    const history = await db().select().from(s.stepPlacements).where(eq(s.stepPlacements.personId, promoted!.personId));
    expect(history).toHaveLength(2);
    const rubric = await roleRubricForPerson(db(), districtId, promoted!.personId);
    const [step] = await db().select().from(s.pathwaySteps).where(eq(s.pathwaySteps.id, rubric!.stepId));
    expect(step!.code).toBe('teacher_leader');
    const open = await db()
      .select()
      .from(s.stepPlacements)
      .where(and(eq(s.stepPlacements.districtId, districtId), isNull(s.stepPlacements.endDate)));
    expect(open.length).toBeGreaterThan(200);
  });

  it('puts Palm Grove in the north network, led by the superintendent who signs in, who evaluates its principal', async () => {
    const [palm] = await db().select().from(s.orgUnits).where(eq(s.orgUnits.name, 'Palm Grove Elementary'));
    const [network] = await db().select().from(s.orgUnits).where(eq(s.orgUnits.id, palm!.parentId!));
    expect(network).toMatchObject({ type: 'network', name: 'North Network' });
    const [superintendent] = await db().select().from(s.users).where(eq(s.users.email, 'superintendent@sunshine.example'));
    const [principal] = await db().select().from(s.users).where(eq(s.users.email, 'principal@sunshine.example'));
    const evaluators = await computedEvaluators(db(), districtId, [principal!.personId]);
    expect(evaluators.get(principal!.personId)!.evaluator!.id).toBe(superintendent!.personId);
    expect(await db().select().from(s.evaluatorAssignments).where(eq(s.evaluatorAssignments.districtId, districtId))).toHaveLength(1);
  });
});

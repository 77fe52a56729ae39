/**
 * Permission matrix tested here: none beyond the writes' owners (see performance-plans-permissions.test.ts
 * for the full role x action table). This file: the whole flow (self-assessment -> goal setting ->
 * submit -> return -> approve -> both sign -> reopen) with its evidence, signatures, audit and
 * completion summary; and the bad input each write refuses.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evidence, performanceCompletion, planSignatures, teamGoals } from '../db/schema/index.ts';
import { buildOrgUnit } from '../test/factories.ts';
import { buildPlanPeople, resetPlan } from '../test/fixtures/performance-plans.ts';
import { buildObservation } from '../test/fixtures/tracker.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildPlanPeople>>;
const as: Record<string, Client> = {};
let url = '';
const nameOf = (role: 'person' | 'evaluator') => `${w[role].person.givenName} ${w[role].person.familyName}`;

beforeAll(async () => {
  w = await buildPlanPeople(t.database.db);
  for (const role of ['person', 'evaluator', 'leader', 'otherTeacher'] as const) as[role] = await signIn(t.app, w[role].email);
  url = `/api/performance/plans/${w.plan.id}`;
}, 60_000);

const rate = (i: number, evidenceRefs: { kind: string; id: string }[] = []) => ({
  itemId: w.criteria[i]!.itemId,
  scaleLevelId: w.criteria[i]!.levels[1]!.scaleLevelId,
  comment: `Comment ${i}`,
  evidenceRefs,
});

describe('the plan, start to finish', () => {
  it('self-assessment first, then goals and focus areas, submit, return, approve, both sign, reopen', async () => {
    const version = await resetPlan(t.database.db, w.plan.id, 'self_assessment');
    const obs = await buildObservation(t.database.db, w.world, {
      teacherId: w.person.personId,
      observerId: w.leader.personId,
      orgUnitId: w.schoolA.id,
    });
    let res = await as.person!.request('PUT', `${url}/self-ratings`, {
      version,
      ratings: [rate(0, [{ kind: 'observation', id: obs.id }]), rate(1)],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('self_assessment');
    res = await as.person!.request('PUT', `${url}/self-ratings`, { version: res.json().version, ratings: [rate(2)] });
    let plan = res.json();
    expect(plan.status).toBe('goal_setting');
    expect(plan.selfAssessedAt).toEqual(expect.any(String));
    expect(plan.selfRatings).toHaveLength(3);
    expect(plan.selfRatings.find((r: { itemId: string }) => r.itemId === w.criteria[0]!.itemId).evidenceRefs).toEqual([
      { kind: 'observation', id: obs.id },
    ]);
    const selfEvidence = await t.database.db
      .select()
      .from(evidence)
      .where(and(eq(evidence.sourceId, w.plan.id), eq(evidence.source, 'self_assessment')));
    expect(selfEvidence).toHaveLength(3);

    res = await as.person!.request('PUT', `${url}/reflections`, { version: plan.version, reflections: { strengths: 'Routines' } });
    expect(res.json().reflections).toEqual({ strengths: 'Routines' });
    const [aligned] = await t.database.db
      .insert(teamGoals)
      .values({
        districtId: w.districtId,
        level: 'school',
        orgUnitId: w.schoolA.id,
        schoolYear: '2026-27',
        title: 'Reading growth for all',
      })
      .returning();
    res = await as.person!.post(`${url}/goals`, {
      version: res.json().version,
      goal: {
        title: 'Reading growth',
        metric: 'MAP RIT',
        baseline: '40%',
        baselineOn: '2026-09-01',
        target: '60%',
        dueOn: '2027-05-01',
        alignedGoalId: aligned!.id,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().goals[0]).toMatchObject({ title: 'Reading growth', alignedGoalTitle: 'Reading growth for all' });
    res = await as.evaluator!.post(`${url}/focus-areas`, {
      version: res.json().version,
      focusArea: { itemId: w.criteria[1]!.itemId, actions: [{ kind: 'mentor', description: 'Visit a colleague' }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await as.person!.post(`${url}/submit`, { version: res.json().version });
    expect(res.json().status).toBe('submitted');
    res = await as.evaluator!.post(`${url}/return`, { version: res.json().version, note: 'Make the target measurable' });
    expect(res.json()).toMatchObject({ status: 'goal_setting', returnNote: 'Make the target measurable' });
    res = await as.person!.post(`${url}/submit`, { version: res.json().version });
    expect(res.json()).toMatchObject({ status: 'submitted', returnNote: null });
    res = await as.evaluator!.post(`${url}/approve`, { version: res.json().version });
    expect(res.json().status).toBe('approved');
    res = await as.person!.post(`${url}/sign`, { version: res.json().version, typedName: nameOf('person') });
    expect(res.json().status).toBe('approved');
    res = await as.evaluator!.post(`${url}/sign`, { version: res.json().version, typedName: `  ${nameOf('evaluator').toLowerCase()} ` });
    plan = res.json();
    expect(plan.status).toBe('signed');
    expect(plan.signatures.map((s: { signer: string }) => s.signer).sort()).toEqual(['evaluator', 'person']);
    const [summary] = await t.database.db.select().from(performanceCompletion).where(eq(performanceCompletion.cycleId, w.world.cycleId));
    expect(summary).toMatchObject({ plans: 1, selfAssessed: 1, submitted: 1, signed: 1 });

    // A signed plan changes only by reopening.
    expect((await as.person!.post(`${url}/goals`, { version: plan.version, goal: { title: 'Late' } })).statusCode).toBe(403);
    expect((await as.leader!.post(`${url}/reopen`, { version: plan.version, reason: '' })).statusCode).toBe(400);
    res = await as.leader!.post(`${url}/reopen`, { version: plan.version, reason: 'Moved to grade 5' });
    expect(res.json()).toMatchObject({ status: 'goal_setting', signatures: [], signedAt: null });
    const voided = await t.database.db.select().from(planSignatures).where(eq(planSignatures.planId, w.plan.id));
    expect(voided.map((s) => s.voidReason)).toEqual(['Moved to grade 5', 'Moved to grade 5']);
    const actions = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, w.plan.id));
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(
        ['self_rate', 'reflect', 'goal_add', 'focus_add', 'submit', 'return', 'approve', 'sign', 'reopen'].map(
          (a) => `performance_plan.${a}`,
        ),
      ),
    );
    const [after] = await t.database.db.select().from(performanceCompletion).where(eq(performanceCompletion.cycleId, w.world.cycleId));
    expect(after).toMatchObject({ signed: 0, submitted: 0 });
  });
});

describe('bad input', () => {
  it('a focus area outside the plan’s rubric snapshot: 400 (even when the live rubric has it)', async () => {
    const version = await resetPlan(t.database.db, w.plan.id, 'goal_setting');
    const res = await as.person!.post(`${url}/focus-areas`, { version, focusArea: { itemId: w.outsideItemId } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('focusArea.itemId');
  });

  it('a goal whose target date is before its baseline date: 400', async () => {
    const version = await resetPlan(t.database.db, w.plan.id, 'goal_setting');
    const res = await as.person!.post(`${url}/goals`, {
      version,
      goal: { title: 'Backwards', baselineOn: '2026-10-01', dueOn: '2026-09-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('goal.dueOn');
  });

  it('an aligned goal of another school or school year, or a made-up one: 400; the plan lists what it may align to', async () => {
    const version = await resetPlan(t.database.db, w.plan.id, 'goal_setting');
    const res = await as.person!.post(`${url}/goals`, { version, goal: { title: 'x', alignedGoalId: crypto.randomUUID() } });
    expect(res.statusCode).toBe(400);
    const elsewhere = await buildOrgUnit(t.database.db, w.districtId, { name: 'Elsewhere Elementary' });
    const [otherSchool, lastYear, district] = await t.database.db
      .insert(teamGoals)
      .values([
        { districtId: w.districtId, level: 'school', orgUnitId: elsewhere.id, schoolYear: '2026-27', title: 'Another school' },
        { districtId: w.districtId, level: 'school', orgUnitId: w.schoolA.id, schoolYear: '2025-26', title: 'Last year' },
        { districtId: w.districtId, level: 'district', schoolYear: '2026-27', title: 'District reading' },
      ])
      .returning();
    for (const goal of [otherSchool!, lastYear!]) {
      const refused = await as.person!.post(`${url}/goals`, { version, goal: { title: 'x', alignedGoalId: goal.id } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].path).toBe('goal.alignedGoalId');
    }
    const plan = (await as.person!.get(url)).json();
    const titles = plan.alignableGoals.map((g: { title: string }) => g.title);
    expect(titles).toContain('District reading');
    expect(titles).not.toContain('Another school');
    expect(titles).not.toContain('Last year');
    const ok = await as.person!.post(`${url}/goals`, { version, goal: { title: 'x', alignedGoalId: district!.id } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('more goals than the template allows: 400', async () => {
    let version = await resetPlan(t.database.db, w.plan.id, 'goal_setting');
    for (let i = 0; i < 3; i++) version = (await as.person!.post(`${url}/goals`, { version, goal: { title: `G${i}` } })).json().version;
    expect((await as.person!.post(`${url}/goals`, { version, goal: { title: 'One too many' } })).statusCode).toBe(400);
  });

  it('signing twice: 409', async () => {
    let version = await resetPlan(t.database.db, w.plan.id, 'approved');
    const wrong = await as.person!.post(`${url}/sign`, { version, typedName: 'Somebody Else' });
    expect(wrong.statusCode).toBe(400);
    const first = await as.person!.post(`${url}/sign`, { version, typedName: nameOf('person') });
    expect(first.statusCode, first.body).toBe(200);
    version = first.json().version;
    expect((await as.person!.post(`${url}/sign`, { version, typedName: nameOf('person') })).statusCode).toBe(409);
  });

  it('two people editing one plan: the second gets 409 with the current plan', async () => {
    const version = await resetPlan(t.database.db, w.plan.id, 'goal_setting');
    const first = await as.person!.request('PUT', `${url}/reflections`, { version, reflections: { growth: 'Questioning' } });
    expect(first.statusCode).toBe(200);
    const second = await as.evaluator!.post(`${url}/goals`, { version, goal: { title: 'Stale' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.current).toMatchObject({ version: version + 1, reflections: { growth: 'Questioning' }, goals: [] });
  });

  it('evidence that is another person’s record: 400', async () => {
    const version = await resetPlan(t.database.db, w.plan.id, 'self_assessment');
    const theirs = await buildObservation(t.database.db, w.world, {
      teacherId: w.otherTeacher.personId,
      observerId: w.leader.personId,
      orgUnitId: w.schoolA.id,
    });
    const res = await as.person!.request('PUT', `${url}/self-ratings`, {
      version,
      ratings: [rate(0, [{ kind: 'observation', id: theirs.id }])],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('ratings.evidenceRefs');
    const made = await as.person!.request('PUT', `${url}/self-ratings`, {
      version,
      ratings: [rate(0, [{ kind: 'file', id: crypto.randomUUID() }])],
    });
    expect(made.statusCode).toBe(400);
  });

  it('a level that is not on the criterion’s scale, and submitting without goals: 400', async () => {
    const version = await resetPlan(t.database.db, w.plan.id, 'goal_setting');
    const res = await as.person!.request('PUT', `${url}/self-ratings`, {
      version,
      ratings: [{ ...rate(0), scaleLevelId: crypto.randomUUID() }],
    });
    expect(res.statusCode).toBe(400);
    expect((await as.person!.post(`${url}/submit`, { version })).statusCode).toBe(400);
  });
});

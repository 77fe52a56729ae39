/**
 * Permission matrix: signed out -> 401; a person of another district, or outside the caller's scope
 * -> 404; reading a person's step -> whoever may read the person; placing one person and bulk
 * placement -> HR and district admins, others 403. Then what people rely on: history kept on a
 * promotion, a stale placement answers 409, retired or deactivated steps refused, the observation
 * rubric following the step (the roster role only for someone without one), bulk by roster role.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, careerPathways, frameworkVersions, pathwaySteps, rubrics } from '../db/schema/index.ts';
import { buildPerson } from '../test/factories.ts';
import { buildObservationWorld } from '../test/fixtures/observations.ts';
import { buildFrameworkVersion } from '../test/fixtures/rubrics.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildObservationWorld>>;
const as: Record<string, Client> = {};
let teacherStepId: string;
let leaderStepId: string;
let leaderRubricId: string;

/** A step on the fixture's pathway, with a rubric in `versionId` when given. */
async function addStep(title: string, staffRole: string | null, versionId?: string, pathwayId?: string) {
  const db = t.database.db;
  const [teacherStep] = await db.select().from(pathwaySteps).where(eq(pathwaySteps.id, teacherStepId));
  const [step] = await db
    .insert(pathwaySteps)
    .values({
      districtId: w.districtId,
      pathwayId: pathwayId ?? teacherStep!.pathwayId,
      position: 9,
      title,
      staffRole,
      responsibilityLevel: 2,
    })
    .returning();
  let rubricId = '';
  if (versionId) {
    const [rubric] = await db
      .insert(rubrics)
      .values({
        districtId: w.districtId,
        versionId,
        stepId: step!.id,
        scaleId: w.fixture.scaleId,
        caseIdentifier: randomUUID(),
        title: `${title} rubric`,
      })
      .returning();
    rubricId = rubric!.id;
  }
  return { stepId: step!.id, rubricId };
}

beforeAll(async () => {
  w = await buildObservationWorld(t.database.db);
  for (const key of ['teacher', 'leader', 'leaderB', 'coach', 'hr', 'admin', 'outsider'] as const)
    as[key] = await signIn(t.app, w[key].email);
  const [rubric] = await t.database.db.select().from(rubrics).where(eq(rubrics.id, w.fixture.rubricId));
  teacherStepId = rubric!.stepId!;
  ({ stepId: leaderStepId, rubricId: leaderRubricId } = await addStep('Teacher leader', 'team_lead', w.fixture.versionId));
});

const place = (client: Client, personId: string, body: Record<string, unknown>) =>
  client.post(`/api/people/${personId}/placements`, { startDate: '2026-08-01', currentPlacementId: null, ...body });

describe('placements permission matrix', () => {
  it('401 signed out, 404 for another district or outside scope, 403 for those who may not place', async () => {
    const person = w.otherTeacher.personId;
    expect((await anonymous(t.app).get(`/api/people/${person}/placements`)).statusCode).toBe(401);
    expect((await anonymous(t.app).post('/api/placements/bulk', {})).statusCode).toBe(401);
    expect((await as.outsider!.get(`/api/people/${person}/placements`)).statusCode).toBe(404);
    expect((await place(as.outsider!, person, { stepId: teacherStepId })).statusCode).toBe(404);
    expect(
      (
        await as.outsider!.post('/api/placements/bulk', {
          role: 'teacher',
          orgUnitIds: [w.schoolA.id],
          stepId: teacherStepId,
          startDate: '2026-08-01',
        })
      ).statusCode,
    ).toBe(404);
    // Another school's leader does not see the person; their own leader reads but may not place.
    expect((await as.leaderB!.get(`/api/people/${person}/placements`)).statusCode).toBe(404);
    const read = await as.leader!.get(`/api/people/${person}/placements`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ place: false });
    expect((await place(as.leader!, person, { stepId: teacherStepId })).statusCode).toBe(403);
    expect(
      (
        await as.leader!.post('/api/placements/bulk', {
          role: 'teacher',
          orgUnitIds: [w.schoolA.id],
          stepId: teacherStepId,
          startDate: '2026-08-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await as.teacher!.get(`/api/people/${w.teacher.personId}/placements`)).statusCode).toBe(200);
    expect((await place(as.teacher!, w.teacher.personId, { stepId: teacherStepId })).statusCode).toBe(403);
    // A step of another district is not found.
    expect((await place(as.hr!, person, { stepId: randomUUID() })).statusCode).toBe(404);
  });
});

describe('placing one person', () => {
  it('keeps the history on a promotion and refuses a stale current placement', async () => {
    const person = (await buildPerson(t.database.db, w.districtId, { orgUnitId: w.schoolA.id })).id;
    const first = await place(as.hr!, person, { stepId: teacherStepId, startDate: '2025-08-01' });
    expect(first.statusCode, first.body).toBe(201);
    const firstId = first.json().current.id;
    // Someone who saw "no step" is told what is there now.
    const stale = await place(as.admin!, person, { stepId: leaderStepId, startDate: '2026-08-01', currentPlacementId: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    expect(stale.json().error.details.current.current.id).toBe(firstId);
    const early = await place(as.hr!, person, { stepId: leaderStepId, startDate: '2025-08-01', currentPlacementId: firstId });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].path).toBe('startDate');
    const promoted = await place(as.hr!, person, {
      stepId: leaderStepId,
      startDate: '2026-08-01',
      currentPlacementId: firstId,
      note: 'Promoted',
    });
    expect(promoted.statusCode, promoted.body).toBe(201);
    const view = (await as.hr!.get(`/api/people/${person}/placements`)).json();
    expect(view.current).toMatchObject({
      stepId: leaderStepId,
      stepTitle: 'Teacher leader',
      startDate: '2026-08-01',
      endDate: null,
      note: 'Promoted',
    });
    expect(view.history.map((p: { stepId: string; endDate: string | null }) => [p.stepId, p.endDate])).toEqual([
      [leaderStepId, null],
      [teacherStepId, '2026-07-31'],
    ]);
    const again = await place(as.hr!, person, { stepId: leaderStepId, startDate: '2026-09-01', currentPlacementId: view.current.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('already_on_step');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, person));
    expect(audit.filter((a) => a.action === 'step_placement.create')).toHaveLength(2);
  });

  it('refuses a step whose pathway version was retired, and deactivated steps and pathways', async () => {
    const db = t.database.db;
    const retired = await buildFrameworkVersion(db, w.districtId, {
      status: 'published',
      domains: 1,
      perDomain: 1,
      scaleId: w.fixture.scaleId,
    });
    await db.update(frameworkVersions).set({ status: 'retired' }).where(eq(frameworkVersions.id, retired.versionId));
    const { stepId: oldStep } = await addStep('Mentor teacher (2019 ladder)', 'team_lead', retired.versionId);
    const person = (await buildPerson(db, w.districtId, { orgUnitId: w.schoolA.id })).id;
    const res = await place(as.hr!, person, { stepId: oldStep });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'invalid_state', details: { reason: 'step_retired' } });

    const { stepId: inactive } = await addStep('Paused step', null);
    await db.update(pathwaySteps).set({ active: false }).where(eq(pathwaySteps.id, inactive));
    expect((await place(as.hr!, person, { stepId: inactive })).json().error.details.reason).toBe('step_inactive');

    const [closed] = await db
      .insert(careerPathways)
      .values({ districtId: w.districtId, name: 'Closed ladder', category: 'instructional', active: false })
      .returning();
    const { stepId: closedStep } = await addStep('Closed step', null, undefined, closed!.id);
    expect((await place(as.hr!, person, { stepId: closedStep })).json().error.details.reason).toBe('pathway_inactive');
    // Nothing was written.
    expect((await as.hr!.get(`/api/people/${person}/placements`)).json().history).toEqual([]);
  });
});

describe('the rubric a person is observed on', () => {
  it('comes from their step; only someone without a step falls back to the roster role', async () => {
    const db = t.database.db;
    const start = async (personId: string) => {
      const res = await as.hr!.post('/api/observations', {
        typeId: w.fixture.scoredTypeId,
        observedPersonId: personId,
        observedOn: '2026-11-10',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().rubric.id as string;
    };
    // A teacher by roster role, on no step: the teacher rubric.
    const unplaced = (await buildPerson(db, w.districtId, { orgUnitId: w.schoolA.id })).id;
    expect(await start(unplaced)).toBe(w.fixture.rubricId);
    // The same roster role, placed on the teacher-leader step: its rubric.
    const placed = (await buildPerson(db, w.districtId, { orgUnitId: w.schoolA.id })).id;
    expect((await place(as.hr!, placed, { stepId: leaderStepId, startDate: '2025-08-01' })).statusCode).toBe(201);
    expect(await start(placed)).toBe(leaderRubricId);
  });
});

describe('bulk placement by roster role', () => {
  it('counts in a dry run, places on apply, and changes nothing the second time', async () => {
    const db = t.database.db;
    const school = (await buildPerson(db, w.districtId, { role: 'team_lead' })).orgUnitId;
    const second = (await buildPerson(db, w.districtId, { role: 'team_lead', orgUnitId: school })).id;
    await buildPerson(db, w.districtId, { role: 'teacher', orgUnitId: school });
    const body = { role: 'team_lead', orgUnitIds: [school], stepId: leaderStepId, startDate: '2026-08-01' };
    const dry = await as.hr!.post('/api/placements/bulk', body);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, matched: 2, placed: 2, alreadyOnStep: 0 });
    expect((await as.hr!.get(`/api/people/${second}/placements`)).json().current).toBeNull();
    const applied = await as.hr!.post('/api/placements/bulk', { ...body, dryRun: false });
    expect(applied.json()).toMatchObject({ dryRun: false, matched: 2, placed: 2 });
    expect((await as.hr!.get(`/api/people/${second}/placements`)).json().current).toMatchObject({ stepId: leaderStepId, source: 'bulk' });
    const again = await as.hr!.post('/api/placements/bulk', { ...body, dryRun: false });
    expect(again.json()).toMatchObject({ matched: 2, placed: 0, alreadyOnStep: 2 });
    // A unit of another district is not found.
    expect((await as.hr!.post('/api/placements/bulk', { ...body, orgUnitIds: [randomUUID()] })).statusCode).toBe(404);
  });
});

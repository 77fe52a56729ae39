/**
 * Permission matrix: signed out -> 401; HR of another district -> 404 on a cycle; a teacher and a
 * principal -> 403 on the list, a cycle, creating and opening; HR -> everything. Then: validation
 * (weights not totalling 100, phases out of order, a step of another district, the same population
 * and year twice, a stale version), opening as a job (plans with the right step, rubric snapshot,
 * evaluator and school; a person with no step and no mapped role listed as unmatched), and a sync
 * that adds a newcomer and marks a leaver (their plan kept).
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  evaluatorAssignments,
  pathwaySteps,
  performanceCycleRubrics,
  performancePlans,
  roleAssignments,
  stepPlacements,
} from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';
import { buildObservationWorld, type ObservationWorld } from '../test/fixtures/tracker.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let world: ObservationWorld;
let ids: Record<string, string> = {};
const as: Record<string, Client> = {};

const PHASES = [
  { key: 'self_assessment', startsOn: '2026-08-15', endsOn: '2026-09-15' },
  { key: 'goal_setting', startsOn: '2026-09-16', endsOn: '2026-10-15' },
  { key: 'end_of_year_review', startsOn: '2027-05-01', endsOn: '2027-05-31' },
];
const cycleBody = (over: Record<string, unknown> = {}) => ({
  title: 'Palm Grove 2026-27',
  schoolYear: '2026-27',
  population: { roles: [], stepIds: [], orgUnitIds: [ids.palm] },
  phases: PHASES,
  checkInDates: ['2026-11-15', '2027-02-15', '2027-04-15'],
  ratingMethod: { overall: false, weights: {}, cutScores: [] },
  ...over,
});

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  world = await buildObservationWorld(db, districtId);
  const network = await buildOrgUnit(db, districtId, { name: 'North network', type: 'network' });
  const palm = await buildOrgUnit(db, districtId, { name: 'Palm Grove', parentId: network.id });
  const principal = await buildUser(db, districtId, 'school_leader', { orgUnitId: palm.id });
  const superintendent = await buildPerson(db, districtId, { orgUnitId: network.id, role: 'instructional_superintendent' });
  const teacher = await buildUser(db, districtId, 'staff', { orgUnitId: palm.id });
  const placed = await buildPerson(db, districtId, { orgUnitId: palm.id, role: 'team_lead' });
  const counselor = await buildPerson(db, districtId, { orgUnitId: palm.id, role: 'counselor' });
  const hr = await buildUser(db, districtId, 'hr');
  const [rubricStep] = await db.select().from(pathwaySteps).where(eq(pathwaySteps.districtId, districtId));
  // The team lead stands on the teacher step (a placement, not a role mapping) and HR chose their evaluator.
  await db.insert(stepPlacements).values({ districtId, personId: placed.id, stepId: rubricStep!.id, startDate: '2020-01-01' });
  await db
    .insert(evaluatorAssignments)
    .values({ districtId, personId: placed.id, schoolYear: '2026-27', evaluatorPersonId: superintendent.id });
  const other = await buildDistrict(db, 'Other');
  const otherWorld = await buildObservationWorld(db, other.id);
  const [otherStep] = await db.select().from(pathwaySteps).where(eq(pathwaySteps.districtId, other.id));
  const outsider = await buildUser(db, other.id, 'hr');
  ids = {
    districtId,
    network: network.id,
    palm: palm.id,
    principal: principal.personId,
    superintendent: superintendent.id,
    teacher: teacher.personId,
    placed: placed.id,
    counselor: counselor.id,
    step: rubricStep!.id,
    otherStep: otherStep!.id,
    otherItem: otherWorld.competencies[0]!.id,
  };
  for (const [k, u] of Object.entries({ principal, teacher, hr, outsider })) as[k] = await signIn(t.app, u.email);
});

const plansOf = (cycleId: string) => t.database.db.select().from(performancePlans).where(eq(performancePlans.cycleId, cycleId));

describe('performance cycles permission matrix', () => {
  it('401 signed out, 403 for staff and principals, 404 for another district', async () => {
    expect((await anonymous(t.app).get('/api/performance/cycles')).statusCode).toBe(401);
    expect((await anonymous(t.app).post('/api/performance/cycles', cycleBody())).statusCode).toBe(401);
    for (const who of ['teacher', 'principal']) {
      expect((await as[who]!.get('/api/performance/cycles')).statusCode).toBe(403);
      expect((await as[who]!.get('/api/performance/cycles/options')).statusCode).toBe(403);
      expect((await as[who]!.post('/api/performance/cycles', cycleBody())).statusCode).toBe(403);
    }
    const created = await as.hr!.post('/api/performance/cycles', cycleBody({ title: 'Matrix', schoolYear: '2030-31' }));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await as.teacher!.get(`/api/performance/cycles/${id}`)).statusCode).toBe(403);
    expect((await as.principal!.post(`/api/performance/cycles/${id}/open`, { version: 1 })).statusCode).toBe(403);
    expect((await as.outsider!.get(`/api/performance/cycles/${id}`)).statusCode).toBe(404);
    expect((await as.outsider!.post(`/api/performance/cycles/${id}/open`, { version: 1 })).statusCode).toBe(404);
    expect((await as.outsider!.get(`/api/performance/cycles/${id}/unmatched`)).statusCode).toBe(404);
    expect((await as.outsider!.get('/api/performance/cycles')).json().items).toEqual([]);
  });
});

describe('creating and changing a cycle', () => {
  it('refuses weights that do not total 100, naming the field, and phases out of order', async () => {
    const [a, b] = world.competencies;
    const weights = { [a!.id]: 60, [b!.id]: 30 };
    const res = await as.hr!.post('/api/performance/cycles', cycleBody({ ratingMethod: { overall: true, weights, cutScores: [] } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'ratingMethod.weights' })]));
    const unordered = await as.hr!.post('/api/performance/cycles', cycleBody({ phases: [PHASES[1], PHASES[0]] }));
    expect(unordered.statusCode).toBe(400);
    const cuts = [
      { min: 3, label: 'Effective' },
      { min: 2, label: 'Developing' },
    ];
    const badCuts = await as.hr!.post(
      '/api/performance/cycles',
      cycleBody({ ratingMethod: { overall: true, weights: {}, cutScores: cuts } }),
    );
    expect(badCuts.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'ratingMethod.cutScores.1.min' })]),
    );
    const good = { overall: true, weights: { [a!.id]: 60, [b!.id]: 40 }, cutScores: [...cuts].reverse() };
    const ok = await as.hr!.post('/api/performance/cycles', cycleBody({ title: 'Weighted', schoolYear: '2031-32', ratingMethod: good }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().names.competencies).toHaveLength(2);
  });

  it('checks steps, org units and competencies against the district', async () => {
    const foreignStep = await as.hr!.post(
      '/api/performance/cycles',
      cycleBody({ population: { roles: [], stepIds: [ids.otherStep], orgUnitIds: [] } }),
    );
    expect(foreignStep.statusCode).toBe(404);
    const weights = { [ids.otherItem!]: 100 };
    const foreignItem = await as.hr!.post(
      '/api/performance/cycles',
      cycleBody({ ratingMethod: { overall: true, weights, cutScores: [] } }),
    );
    expect(foreignItem.statusCode).toBe(404);
    const badRole = await as.hr!.post(
      '/api/performance/cycles',
      cycleBody({ population: { roles: ['astronaut'], stepIds: [], orgUnitIds: [] } }),
    );
    expect(badRole.statusCode).toBe(400);
  });

  it('refuses a second cycle for the same population and year, in any order, and stale versions', async () => {
    const population = { roles: ['teacher', 'counselor'], stepIds: [], orgUnitIds: [] };
    const first = await as.hr!.post('/api/performance/cycles', cycleBody({ title: 'Teachers', schoolYear: '2029-30', population }));
    expect(first.statusCode).toBe(201);
    const again = await as.hr!.post(
      '/api/performance/cycles',
      cycleBody({ title: 'Again', schoolYear: '2029-30', population: { ...population, roles: ['counselor', 'teacher', 'teacher'] } }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already a 2029-30 cycle for this population');
    expect(again.json().error.details.current.id).toBe(first.json().id);
    const id = first.json().id;
    const renamed = await as.hr!.patch(`/api/performance/cycles/${id}`, {
      ...cycleBody({ title: 'Teachers and counselors', schoolYear: '2029-30', population }),
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'Teachers and counselors', version: 2 });
    const stale = await as.hr!.patch(`/api/performance/cycles/${id}`, { ...cycleBody({ schoolYear: '2029-30', population }), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.title).toBe('Teachers and counselors');
  });
});

describe('opening a cycle and keeping it in step with the roster', () => {
  let cycleId = '';

  it('opens as a job: a plan per person with step, rubric snapshot, evaluator and school', async () => {
    const created = await as.hr!.post('/api/performance/cycles', cycleBody());
    expect(created.statusCode, created.body).toBe(201);
    cycleId = created.json().id;
    const open = await as.hr!.post(`/api/performance/cycles/${cycleId}/open`, { version: 1 });
    expect(open.statusCode, open.body).toBe(202);
    expect(open.json().status).toBe('opening');
    await t.app.jobs.settled();
    const cycle = (await as.hr!.get(`/api/performance/cycles/${cycleId}`)).json();
    expect(cycle).toMatchObject({ status: 'open', counts: { plans: 4, noRubric: 2 }, abilities: { edit: false, open: false, sync: true } });
    expect(cycle.job.state).toBe('completed');
    const [snapshot] = await t.database.db.select().from(performanceCycleRubrics).where(eq(performanceCycleRubrics.cycleId, cycleId));
    expect(snapshot).toMatchObject({ stepId: ids.step, rubricId: world.rubricId });
    expect(snapshot!.criteria.map((c) => c.itemId)).toEqual(world.competencies.map((c) => c.id));
    expect(snapshot!.criteria[0]!.levels.map((l) => l.label)).toEqual(['Distinguished', 'Proficient', 'Developing', 'Beginning']);
    const plans = new Map((await plansOf(cycleId)).map((p) => [p.personId, p]));
    expect(plans.get(ids.teacher!)).toMatchObject({
      stepId: ids.step,
      cycleRubricId: snapshot!.id,
      evaluatorPersonId: ids.principal,
      orgUnitId: ids.palm,
      nextCheckInOn: '2026-11-15',
    });
    expect(plans.get(ids.teacher!)!.template.title).toBe('Performance plan');
    expect(plans.get(ids.placed!)).toMatchObject({ stepId: ids.step, cycleRubricId: snapshot!.id, evaluatorPersonId: ids.superintendent });
    expect(plans.get(ids.principal!)).toMatchObject({ evaluatorPersonId: ids.superintendent, orgUnitId: ids.palm });
    expect(plans.get(ids.counselor!)).toMatchObject({ stepId: null, cycleRubricId: null, evaluatorPersonId: ids.principal });
    expect(plans.has(ids.superintendent!)).toBe(false);
    const unmatched = (await as.hr!.get(`/api/performance/cycles/${cycleId}/unmatched`)).json();
    // The counselor and the principal: no step, and no rubric for their roles.
    expect(unmatched.total).toBe(2);
    expect(unmatched.items).toContainEqual(
      expect.objectContaining({ personId: ids.counselor, orgUnitName: 'Palm Grove', roles: ['counselor'] }),
    );
    // Opening twice is refused; the draft can no longer change.
    expect((await as.hr!.post(`/api/performance/cycles/${cycleId}/open`, { version: cycle.version })).statusCode).toBe(409);
    const edit = await as.hr!.patch(`/api/performance/cycles/${cycleId}`, { ...cycleBody(), version: cycle.version });
    expect(edit.json().error.code).toBe('invalid_state');
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, cycleId), eq(auditLog.action, 'performance_cycle.open')));
    expect(audit[0]!.after).toEqual({ added: 4, left: 0, returned: 0 });
  });

  it('a sync adds a newcomer and marks a leaver, whose plan is kept', async () => {
    const db = t.database.db;
    const newcomer = await buildPerson(db, ids.districtId!, { orgUnitId: ids.palm });
    await db.update(roleAssignments).set({ endDate: '2020-01-01' }).where(eq(roleAssignments.personId, ids.counselor!));
    const sync = await as.hr!.post(`/api/performance/cycles/${cycleId}/sync`);
    expect(sync.statusCode, sync.body).toBe(202);
    await t.app.jobs.settled();
    const plans = new Map((await plansOf(cycleId)).map((p) => [p.personId, p]));
    expect(plans.get(newcomer.id)).toMatchObject({ stepId: ids.step, evaluatorPersonId: ids.principal, leftOn: null });
    expect(plans.get(ids.counselor!)!.leftOn).not.toBeNull();
    const cycle = (await as.hr!.get(`/api/performance/cycles/${cycleId}`)).json();
    expect(cycle.counts).toMatchObject({ plans: 4, noRubric: 1 });
    expect((await as.hr!.get(`/api/performance/cycles/${cycleId}/unmatched`)).json().total).toBe(1);
    const list = (await as.hr!.get('/api/performance/cycles')).json();
    expect(list.items.find((c: { id: string }) => c.id === cycleId)).toMatchObject({ status: 'open', counts: { plans: 4 } });
  });

  it('closes an open cycle with the version last read', async () => {
    const cycle = (await as.hr!.get(`/api/performance/cycles/${cycleId}`)).json();
    expect((await as.hr!.post(`/api/performance/cycles/${cycleId}/close`, { version: cycle.version - 1 })).statusCode).toBe(409);
    const closed = await as.hr!.post(`/api/performance/cycles/${cycleId}/close`, { version: cycle.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', counts: { plans: 4 } });
    expect((await as.hr!.post(`/api/performance/cycles/${cycleId}/sync`)).statusCode).toBe(409);
  });
});

describe('overlapping populations in one school year', () => {
  it('gives each person one plan a year: the cycle opened second names the cycle that already has them', async () => {
    const open = async (title: string, population: Record<string, string[]>) => {
      const created = await as.hr!.post('/api/performance/cycles', cycleBody({ title, schoolYear: '2032-33', population }));
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;
      expect((await as.hr!.post(`/api/performance/cycles/${id}/open`, { version: 1 })).statusCode).toBe(202);
      await t.app.jobs.settled();
      return id;
    };
    const bayside = await buildOrgUnit(t.database.db, ids.districtId!, { name: 'Bayside' });
    const baysideTeacher = await buildPerson(t.database.db, ids.districtId!, { orgUnitId: bayside.id, role: 'teacher' });
    const palmCycle = await open('Everyone at Palm Grove', { roles: [], stepIds: [], orgUnitIds: [ids.palm!] });
    const teachersCycle = await open('Teachers', { roles: ['teacher'], stepIds: [], orgUnitIds: [] });
    const inPalm = new Set((await plansOf(palmCycle)).map((p) => p.personId));
    const inTeachers = new Set((await plansOf(teachersCycle)).map((p) => p.personId));
    expect(inPalm.has(ids.teacher!)).toBe(true);
    expect(inTeachers.has(ids.teacher!)).toBe(false);
    expect([...inTeachers].filter((id) => inPalm.has(id))).toEqual([]);
    // Teachers elsewhere in the district still get their plan in the second cycle.
    expect(inTeachers.has(baysideTeacher.id)).toBe(true);
    const second = (await as.hr!.get(`/api/performance/cycles/${teachersCycle}`)).json();
    expect(second.plannedElsewhere).toEqual([{ cycleId: palmCycle, title: 'Everyone at Palm Grove', people: expect.any(Number) }]);
    expect(second.plannedElsewhere[0].people).toBeGreaterThanOrEqual(1);
    // The first cycle's people are all its own.
    expect((await as.hr!.get(`/api/performance/cycles/${palmCycle}`)).json().plannedElsewhere).toEqual([]);
    // A sync of the second cycle still leaves them out.
    await as.hr!.post(`/api/performance/cycles/${teachersCycle}/sync`);
    await t.app.jobs.settled();
    expect((await plansOf(teachersCycle)).some((p) => p.personId === ids.teacher)).toBe(false);
  });
});

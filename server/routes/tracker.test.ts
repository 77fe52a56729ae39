/**
 * Permission matrix: signed out 401; another district's school or person 404; staff open no trackers
 * (403); a leader of another school 404; the district view is HR and admins only (403); coaches see
 * their caseload rows with development levels only; the competency profile hides evaluation
 * evidence from coaches and everything from people outside the person's scope (404).
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameworkItems } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { summariesIdle } from '../services/tracker/summary.ts';
import {
  buildActionStep,
  buildCoachingLog,
  buildObservation,
  buildObservationWorld,
  buildTeam,
  isoDay,
  type ObservationWorld,
} from '../test/fixtures/tracker.ts';

const t = useTestApp();
let world: ObservationWorld;
let schoolId: string;
let otherSchoolId: string;
let ids: Record<'t1' | 't2' | 't3' | 't4' | 'principal' | 'coach', string>;
let c: Record<'hr' | 'admin' | 'principal' | 'principal2' | 'coach' | 'teacher' | 'teacher2' | 'outsider', Client>;
let items: string[];

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  world = await buildObservationWorld(db, districtId);
  items = world.competencies.map((x) => x.id);
  await db.update(frameworkItems).set({ abbreviatedStatement: 'Content knowledge' }).where(eq(frameworkItems.id, items[0]!));
  schoolId = (await buildOrgUnit(db, districtId, { name: 'Lincoln Elementary' })).id;
  otherSchoolId = (await buildOrgUnit(db, districtId, { name: 'Washington Middle' })).id;
  const team = await buildTeam(db, districtId, schoolId, 'Grade 3 team');
  const teacher = await buildUser(db, districtId, 'staff', { orgUnitId: schoolId });
  const teacher2 = await buildUser(db, districtId, 'staff', { orgUnitId: schoolId });
  const t3 = await buildPerson(db, districtId, { orgUnitId: schoolId, givenName: '=HYPERLINK("x")', familyName: 'Zoe' });
  const t4 = await buildPerson(db, districtId, { orgUnitId: team.id, givenName: 'Ana', familyName: 'Team' });
  const principal = await buildUser(db, districtId, 'school_leader', { orgUnitId: schoolId });
  const principal2 = await buildUser(db, districtId, 'school_leader', { orgUnitId: otherSchoolId });
  const coach = await buildUser(db, districtId, 'coach', { orgUnitId: schoolId, caseload: [teacher.personId] });
  ids = { t1: teacher.personId, t2: teacher2.personId, t3: t3.id, t4: t4.id, principal: principal.personId, coach: coach.personId };
  // t1: an evaluation with overdue feedback (newest) and an older development observation by the coach.
  await buildObservation(db, world, {
    teacherId: ids.t1,
    observerId: ids.principal,
    orgUnitId: schoolId,
    levels: [0, 2, 3],
    feedbackDueOn: isoDay(-1),
  });
  await buildObservation(db, world, {
    teacherId: ids.t1,
    observerId: ids.coach,
    orgUnitId: schoolId,
    purpose: 'development',
    observedOn: isoDay(-10),
    levels: [2, 1, 1],
    feedbackHeld: true,
  });
  // t2: two evaluations this term, feedback held.
  await buildObservation(db, world, {
    teacherId: ids.t2,
    observerId: ids.principal,
    orgUnitId: schoolId,
    observedOn: isoDay(-20),
    levels: [1, 1, 1],
    feedbackHeld: true,
  });
  await buildObservation(db, world, {
    teacherId: ids.t2,
    observerId: ids.principal,
    orgUnitId: schoolId,
    observedOn: isoDay(-5),
    levels: [1, 0, 1],
    feedbackHeld: true,
  });
  await buildObservation(db, world, { teacherId: ids.t3, observerId: ids.principal, orgUnitId: schoolId, status: 'draft', levels: [3] });
  await buildActionStep(db, districtId, ids.t1);
  await buildActionStep(db, districtId, ids.t1, 'practicing');
  await buildActionStep(db, districtId, ids.t1, 'mastered');
  await buildCoachingLog(db, districtId, ids.coach, [ids.t1]);
  await buildCoachingLog(db, districtId, ids.coach, [ids.t1], 'scheduled', 3);
  const other = (await buildDistrict(db, 'Other')).id;
  const sign = (email: string) => signIn(t.app, email);
  c = {
    hr: await sign((await buildUser(db, districtId, 'hr')).email),
    admin: await sign((await buildUser(db, districtId, 'district_admin')).email),
    principal: await sign(principal.email),
    principal2: await sign(principal2.email),
    coach: await sign(coach.email),
    teacher: await sign(teacher.email),
    teacher2: await sign(teacher2.email),
    outsider: await sign((await buildUser(db, other, 'district_admin')).email),
  };
});

const tracker = async (client: Client, query = '') => {
  const res = await client.get(`/api/tracker/schools/${schoolId}${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const names = (body: { rows: { personId: string }[] }) =>
  body.rows.map((r) => Object.entries(ids).find(([, id]) => id === r.personId)?.[0]);

describe('tracker permission matrix', () => {
  it('answers 401 signed out, 404 outside the district or the school scope, 403 for the wrong role', async () => {
    const anon = anonymous(t.app);
    for (const url of [
      '/api/tracker/schools',
      `/api/tracker/schools/${schoolId}`,
      `/api/tracker/schools/${schoolId}/export?format=csv`,
      '/api/tracker/district',
      `/api/people/${ids.t1}/competency-profile`,
      '/api/home/growth',
    ]) {
      expect((await anon.get(url)).statusCode, url).toBe(401);
    }
    expect((await c.outsider.get(`/api/tracker/schools/${schoolId}`)).statusCode).toBe(404);
    expect((await c.outsider.get(`/api/tracker/schools/${schoolId}/export`)).statusCode).toBe(404);
    expect((await c.outsider.get(`/api/people/${ids.t1}/competency-profile`)).statusCode).toBe(404);
    expect((await c.outsider.get('/api/tracker/district')).json().schools.some((s: { schoolId: string }) => s.schoolId === schoolId)).toBe(
      false,
    );
    expect((await c.teacher.get('/api/tracker/schools')).statusCode).toBe(403);
    expect((await c.teacher.get(`/api/tracker/schools/${schoolId}`)).statusCode).toBe(403);
    expect((await c.teacher.get(`/api/tracker/schools/${schoolId}/export`)).statusCode).toBe(403);
    expect((await c.principal2.get(`/api/tracker/schools/${schoolId}`)).statusCode).toBe(404);
    for (const client of [c.teacher, c.principal, c.coach]) expect((await client.get('/api/tracker/district')).statusCode).toBe(403);
    expect((await c.principal.get('/api/tracker/schools')).json()).toEqual({
      items: [{ id: schoolId, name: 'Lincoln Elementary' }],
      abilities: { viewDistrict: false },
    });
    expect((await c.principal2.get('/api/tracker/schools')).json().items.map((s: { id: string }) => s.id)).toEqual([otherSchoolId]);
    expect((await c.coach.get('/api/tracker/schools')).json().items.map((s: { id: string }) => s.id)).toEqual([schoolId]);
    const all = (await c.hr.get('/api/tracker/schools')).json();
    expect(all.abilities.viewDistrict).toBe(true);
    expect(all.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([schoolId, otherSchoolId]));
    expect((await c.admin.get(`/api/tracker/schools/${otherSchoolId}`)).statusCode).toBe(200);
    expect((await c.hr.get('/api/tracker/schools/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('school tracker', () => {
  it('has a row per observed teacher with levels, steps, feedback, observations and coaching', async () => {
    const body = await tracker(c.principal);
    expect(body.view).toBe('full');
    expect(body.columns.map((x: { itemId: string }) => x.itemId)).toEqual(items);
    // Headers read the competency's short name, with the full statement beside it.
    expect(body.columns[0]).toMatchObject({
      humanCode: world.competencies[0]!.humanCode,
      title: 'Content knowledge',
      statement: world.competencies[0]!.fullStatement,
    });
    expect(body.requiredPerTerm).toBe(2);
    expect(body.term).toMatchObject({ name: 'This term' });
    expect(new Set(names(body))).toEqual(new Set(['t1', 't2', 't3', 't4']));
    const row = (name: keyof typeof ids) => body.rows.find((r: { personId: string }) => r.personId === ids[name]);
    expect(row('t1').levels[items[0]!]).toMatchObject({ label: 'Distinguished', levelScore: 4, proficient: true, observedOn: isoDay(-3) });
    expect(row('t1').levels[items[1]!]).toMatchObject({ label: 'Developing', proficient: false });
    expect(row('t1')).toMatchObject({
      openActionSteps: 2,
      lastObservedOn: isoDay(-3),
      scoredThisTerm: 2,
      missingObservations: false,
      coachingThisTerm: 1,
    });
    expect(row('t1').feedback).toMatchObject({ state: 'pending', overdue: true });
    expect(row('t1').feedback.schoolDays).toBeGreaterThanOrEqual(0);
    expect(row('t2').feedback).toMatchObject({ state: 'held', overdue: false });
    expect(row('t3')).toMatchObject({
      levels: {},
      lastObservedOn: null,
      scoredThisTerm: 0,
      missingObservations: true,
      feedback: { state: 'none', schoolDays: null },
    });
    expect(row('t4').team).toMatchObject({ name: 'Grade 3 team' });
    expect(body.teams).toEqual([{ id: row('t4').team.id, name: 'Grade 3 team' }]);
  });

  it('filters by competency below proficient, flags, team and role, and sorts by any column', async () => {
    expect(new Set(names(await tracker(c.principal, `?belowProficient=${items[1]}`)))).toEqual(new Set(['t1', 't3', 't4']));
    expect(names(await tracker(c.principal, '?flags=overdue'))).toEqual(['t1']);
    expect(new Set(names(await tracker(c.principal, '?flags=missing')))).toEqual(new Set(['t3', 't4']));
    expect(names(await tracker(c.principal, '?flags=missing,overdue'))).toEqual([]);
    const team = (await tracker(c.principal)).teams[0].id;
    expect(names(await tracker(c.principal, `?team=${team}`))).toEqual(['t4']);
    expect(names(await tracker(c.principal, '?team=none')).sort()).toEqual(['t1', 't2', 't3']);
    expect((await tracker(c.principal, '?role=team_lead')).rows).toEqual([]);
    expect(names(await tracker(c.principal, `?sort=-item:${items[0]}`)).slice(0, 2)).toEqual(['t1', 't2']);
    expect(names(await tracker(c.principal, `?sort=item:${items[0]}`)).slice(0, 2)).toEqual(['t2', 't1']);
    expect(names(await tracker(c.principal, '?sort=-openActionSteps'))[0]).toBe('t1');
    expect(names(await tracker(c.principal, '?sort=lastObservedOn')).slice(0, 2)).toEqual(['t2', 't1']);
    expect((await c.principal.get(`/api/tracker/schools/${schoolId}?sort=drop table`)).statusCode).toBe(400);
    expect((await c.principal.get(`/api/tracker/schools/${schoolId}?belowProficient=nope`)).statusCode).toBe(400);
  });

  it('shows a coach only their caseload, with development levels and observations only', async () => {
    const body = await tracker(c.coach);
    expect(body.view).toBe('development');
    expect(names(body)).toEqual(['t1']);
    expect(body.rows[0].levels[items[0]!]).toMatchObject({ label: 'Developing', observedOn: isoDay(-10) });
    expect(body.rows[0]).toMatchObject({ lastObservedOn: isoDay(-10), scoredThisTerm: 1, feedback: { state: 'held', overdue: false } });
    // t1 has two scored observations, one of them an evaluation the coach may not see: no "missing" from half the data.
    expect(body.rows[0].missingObservations).toBe(false);
    expect(names(await tracker(c.coach, '?flags=missing'))).toEqual([]);
  });

  it('exports the filtered tracker as CSV and XLSX with formula cells neutralised, audited', async () => {
    const csv = await c.principal.get(`/api/tracker/schools/${schoolId}/export?format=csv&flags=missing&sort=name`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="tracker-lincoln-elementary-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('name,role,team,1a,1b,1c,open_action_steps');
    expect(lines).toContainEqual(expect.stringMatching(/^Ana Team,teacher,Grade 3 team,/));
    expect(lines).toContainEqual(expect.stringMatching(/^"'=HYPERLINK\(""x""\) Zoe",teacher,,/));
    const xlsx = await c.hr.get(`/api/tracker/schools/${schoolId}/export?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('tracker')!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(4).value).toBe('1a');
    const audit = (await c.admin.get(`/api/audit?entityId=${schoolId}`)).json();
    expect(audit.items.filter((a: { action: string }) => a.action === 'tracker.export')).toHaveLength(2);
    expect((await c.principal.get(`/api/tracker/schools/${schoolId}/export?format=pdf`)).statusCode).toBe(400);
  });
});

describe('district view', () => {
  it('reads school summaries, refreshing stale ones in the background, with "as of"', async () => {
    await c.hr.get('/api/tracker/district');
    await summariesIdle(t.database.forDistrict(world.districtId), world.districtId);
    const body = (await c.hr.get('/api/tracker/district')).json();
    expect(body.refreshing).toBe(0);
    const lincoln = body.schools.find((s: { schoolId: string }) => s.schoolId === schoolId);
    expect(lincoln).toMatchObject({
      name: 'Lincoln Elementary',
      teachers: 4,
      observedThisTerm: 2,
      scoredThisTerm: 4,
      scoredRequired: 8,
      missingObservations: 2,
      overdueFeedback: 1,
      openActionSteps: 2,
      coachingThisTerm: 1,
      stale: false,
    });
    expect(lincoln.asOf).not.toBeNull();
    expect(lincoln.proficientShare[items[0]!]).toBe(1);
    expect(lincoln.proficientShare[items[1]!]).toBe(0.5);
    expect(body.schools.find((s: { schoolId: string }) => s.schoolId === otherSchoolId)).toMatchObject({ teachers: 0, stale: false });
    expect((await c.admin.get('/api/tracker/district')).statusCode).toBe(200);
  });
});

describe('competency profile', () => {
  it('shows the teacher, leaders and HR every point; a coach development evidence only; others nothing', async () => {
    const own = (await c.teacher.get(`/api/people/${ids.t1}/competency-profile`)).json();
    expect(own.view).toBe('full');
    expect(own.competencies.map((x: { humanCode: string }) => x.humanCode)).toEqual(['1a', '1b', '1c']);
    expect(own.competencies[0].points.map((p: { label: string }) => p.label)).toEqual(['Developing', 'Distinguished']);
    expect(own.competencies[0].latest).toMatchObject({ label: 'Distinguished', levelScore: 4, proficient: true, source: 'observation' });
    expect(own.competencies[0].framework.versionNumber).toBe(1);
    // A chart's axis runs over the scale's levels, not over the scores that happen to be there.
    expect(own.competencies[0].scaleLevels.map((l: { levelScore: number }) => l.levelScore)).toEqual([1, 2, 3, 4]);
    for (const client of [c.principal, c.hr])
      expect((await client.get(`/api/people/${ids.t1}/competency-profile`)).json().competencies[0].points).toHaveLength(2);
    const coach = (await c.coach.get(`/api/people/${ids.t1}/competency-profile`)).json();
    expect(coach.view).toBe('development');
    expect(coach.competencies[0].points.map((p: { label: string }) => p.label)).toEqual(['Developing']);
    expect((await c.coach.get(`/api/people/${ids.t2}/competency-profile`)).statusCode).toBe(404);
    expect((await c.teacher2.get(`/api/people/${ids.t1}/competency-profile`)).statusCode).toBe(404);
    expect((await c.principal2.get(`/api/people/${ids.t1}/competency-profile`)).statusCode).toBe(404);
  });
});

describe('home growth', () => {
  it('gives a teacher their observations, action steps and coaching', async () => {
    const body = (await c.teacher.get('/api/home/growth')).json();
    expect(body.observer).toBeNull();
    expect(body.mine.observations.map((o: { observedOn: string }) => o.observedOn)).toEqual([isoDay(-3), isoDay(-10)]);
    expect(body.mine.actionSteps).toHaveLength(2);
    expect(body.mine.coaching.heldThisTerm).toBe(1);
    expect(body.mine.coaching.next).toMatchObject({ activity: 'feedback' });
  });

  it('gives an observer their drafts, overdue feedback and teachers missing observations', async () => {
    const body = (await c.principal.get('/api/home/growth')).json();
    expect(body.observer.drafts).toHaveLength(1);
    expect(body.observer.overdueFeedback).toHaveLength(1);
    expect(body.observer.overdueFeedback[0].observedOn).toBe(isoDay(-3));
    expect(body.observer.missing.total).toBe(2);
    expect(new Set(body.observer.missing.items.map((m: { personId: string }) => m.personId))).toEqual(new Set([ids.t3, ids.t4]));
    const coach = (await c.coach.get('/api/home/growth')).json();
    // Scored observations are evaluation records a coach may not see: no "missing" signal computed without them.
    expect(coach.observer.missing).toMatchObject({ total: 0, items: [] });
    expect(coach.observer.overdueFeedback).toEqual([]);
  });
});

describe('tracker reads shared between leaders', () => {
  it('shows a renamed team at once, to every reader', async () => {
    const before = await tracker(c.principal);
    const team = before.teams[0] as { id: string; name: string };
    const unit = await c.hr.get(`/api/org-units/${team.id}`);
    expect(unit.statusCode, unit.body).toBe(200);
    const renamed = await c.admin.request('PATCH', `/api/org-units/${team.id}`, {
      name: 'Grade 3 and 4 team',
      version: unit.json().version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const [principal, hr] = await Promise.all([tracker(c.principal), tracker(c.hr)]);
    for (const body of [principal, hr]) {
      expect(body.teams).toEqual([{ id: team.id, name: 'Grade 3 and 4 team' }]);
      expect(body.rows.find((r: { personId: string }) => r.personId === ids.t4).team).toEqual({ id: team.id, name: 'Grade 3 and 4 team' });
    }
    await c.admin.request('PATCH', `/api/org-units/${team.id}`, { name: team.name, version: renamed.json().version });
  });
});

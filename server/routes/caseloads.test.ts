/**
 * Permission matrix: signed out 401; people, teams and assignments of another district 404; staff
 * and coaches assign nothing (403) and read only their own caseload (403 for another's); a school
 * leader assigns within their schools only (404 outside). Then: dated assignments (two coaches at
 * once allowed, the same coach twice overlapping refused), by team, by school, ending keeps the
 * history and the coaching records, and the caseload CSV with its row errors.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let districtId: string;
let schoolId: string;
let otherSchoolId: string;
let foreignSchool: string;
let c: Record<'hr' | 'principal' | 'principal2' | 'teacher' | 'coach' | 'coach2' | 'foreignHr', Client>;
let p: Record<
  'teacher' | 'coach' | 'coach2' | 'principal' | 't2' | 't3' | 't4' | 'elsewhere' | 'foreign',
  { id: string; email: string | null }
>;

beforeAll(async () => {
  const db = t.database.db;
  districtId = (await buildDistrict(db)).id;
  schoolId = (await buildOrgUnit(db, districtId, { name: 'Palm Grove' })).id;
  otherSchoolId = (await buildOrgUnit(db, districtId, { name: 'Bayside' })).id;
  const teacher = await buildUser(db, districtId, 'staff', { orgUnitId: schoolId });
  const hr = await buildUser(db, districtId, 'hr');
  const principal = await buildUser(db, districtId, 'school_leader', { orgUnitId: schoolId });
  const principal2 = await buildUser(db, districtId, 'school_leader', { orgUnitId: otherSchoolId });
  const coach = await buildUser(db, districtId, 'coach', { orgUnitId: schoolId });
  const coach2 = await buildUser(db, districtId, 'coach', { orgUnitId: schoolId });
  const other = (await buildDistrict(db, 'Other')).id;
  foreignSchool = (await buildOrgUnit(db, other)).id;
  const foreignHr = await buildUser(db, other, 'hr');
  p = {
    teacher: { id: teacher.personId, email: teacher.email },
    coach: { id: coach.personId, email: coach.email },
    coach2: { id: coach2.personId, email: coach2.email },
    principal: { id: principal.personId, email: principal.email },
    t2: await buildPerson(db, districtId, { orgUnitId: schoolId, email: 't2@palm.test' }),
    t3: await buildPerson(db, districtId, { orgUnitId: schoolId, email: 't3@palm.test', identifier: 'E-3' }),
    t4: await buildPerson(db, districtId, { orgUnitId: schoolId, email: 't4@palm.test' }),
    elsewhere: await buildPerson(db, districtId, { orgUnitId: otherSchoolId, email: 'far@bay.test' }),
    foreign: await buildPerson(db, other, { orgUnitId: foreignSchool, email: 'stranger@other.test' }),
  };
  c = {
    hr: await signIn(t.app, hr.email),
    principal: await signIn(t.app, principal.email),
    principal2: await signIn(t.app, principal2.email),
    teacher: await signIn(t.app, teacher.email),
    coach: await signIn(t.app, coach.email),
    coach2: await signIn(t.app, coach2.email),
    foreignHr: await signIn(t.app, foreignHr.email),
  };
});

const ids = (list: { coachee: { id: string } }[]) => list.map((x) => x.coachee.id).sort();

describe('caseloads: who may', () => {
  it("401 signed out; 403 staff and coaches; 404 people of another district or outside a leader's schools", async () => {
    const anon = anonymous(t.app);
    expect((await anon.get('/api/caseloads')).statusCode).toBe(401);
    expect((await anon.post('/api/caseloads', { coachPersonId: p.coach.id, personId: p.t2.id })).statusCode).toBe(401);
    for (const who of [c.teacher, c.coach]) {
      expect((await who.post('/api/caseloads', { coachPersonId: p.coach.id, personId: p.t2.id })).statusCode).toBe(403);
      expect((await who.post('/api/caseloads/import', { csv: 'coach,coachee\n' })).statusCode).toBe(403);
      expect((await who.get(`/api/caseloads?coachPersonId=${p.coach2.id}`)).statusCode).toBe(403);
    }
    expect((await c.hr.post('/api/caseloads', { coachPersonId: p.coach.id, personId: p.foreign.id })).statusCode).toBe(404);
    expect((await c.foreignHr.post('/api/caseloads', { coachPersonId: p.coach.id, personId: p.t2.id })).statusCode).toBe(404);
    expect((await c.principal2.post('/api/caseloads', { coachPersonId: p.coach.id, personId: p.t2.id })).statusCode).toBe(404);
    expect((await c.principal.post('/api/caseloads', { coachPersonId: p.coach.id, personId: p.elsewhere.id })).statusCode).toBe(404);
    expect((await c.principal.post('/api/caseloads/group', { coachPersonId: p.coach.id, schoolId: otherSchoolId })).statusCode).toBe(404);
    expect((await c.hr.post('/api/caseloads/group', { coachPersonId: p.coach.id, schoolId: foreignSchool })).statusCode).toBe(404);
    expect((await c.principal.post('/api/caseloads', { coachPersonId: p.coach.id, personId: p.coach.id })).statusCode).toBe(400);
  });
});

describe('caseloads: assigning and ending', () => {
  it('two coaches at once are both listed; the same coach twice over overlapping dates is refused (409)', async () => {
    let res = await c.principal.post('/api/caseloads', { coachPersonId: p.coach.id, personId: p.t2.id, startsOn: '2025-08-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ current: true, startsOn: '2025-08-01', endsOn: null });
    res = await c.hr.post('/api/caseloads', { coachPersonId: p.coach2.id, personId: p.t2.id, startsOn: '2025-09-01' });
    expect(res.statusCode).toBe(201);
    const both = (await c.hr.get(`/api/caseloads?personId=${p.t2.id}`)).json();
    expect(both.items.map((x: { coach: { id: string } }) => x.coach.id).sort()).toEqual([p.coach.id, p.coach2.id].sort());
    res = await c.hr.post('/api/caseloads', { coachPersonId: p.coach.id, personId: p.t2.id, startsOn: '2025-10-01', endsOn: '2026-01-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.code).toBe('overlapping_assignment');
    // The coach now coaches t2: their own caseload lists them and they may log a session.
    expect(ids((await c.coach.get('/api/caseloads')).json().items)).toEqual([p.t2.id]);
    const log = await c.coach.post('/api/coaching/logs', {
      status: 'held',
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      durationMinutes: 30,
      activity: 'observation',
      attendeeIds: [p.t2.id],
      notes: 'First visit',
    });
    expect(log.statusCode).toBe(201);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, districtId), eq(auditLog.action, 'caseload.assign')));
    expect(audit.length).toBe(2);
  });

  it('ending keeps the history and the coaching records; the coach loses the scope', async () => {
    const row = (await c.coach.get('/api/caseloads')).json().items.find((x: { coachee: { id: string } }) => x.coachee.id === p.t2.id);
    const stale = await c.principal.post(`/api/caseloads/${row.id}/end`, { version: row.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.id).toBe(row.id);
    const ended = await c.principal.post(`/api/caseloads/${row.id}/end`, { version: row.version });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().current).toBe(false);
    expect((await c.coach.get('/api/caseloads')).json().items).toEqual([]);
    const history = (await c.coach.get('/api/caseloads?includeEnded=true')).json().items;
    expect(history.map((x: { id: string }) => x.id)).toEqual([row.id]);
    expect((await c.coach.get('/api/coaching/logs?personRole=coach')).json().items.length).toBe(1);
    const after = await c.coach.post('/api/coaching/logs', {
      status: 'held',
      startsAt: new Date().toISOString(),
      durationMinutes: 30,
      activity: 'observation',
      attendeeIds: [p.t2.id],
    });
    expect(after.statusCode).not.toBe(201);
    // Ending it again: it has already ended.
    expect((await c.principal.post(`/api/caseloads/${row.id}/end`, { version: row.version + 1 })).statusCode).toBe(409);
  });

  it('assigns a whole team or a whole school; re-assigning changes nothing', async () => {
    const team = (await c.principal.post('/api/teams', { schoolId, kind: 'grade_level', name: 'Grade 5' })).json();
    await c.principal.post(`/api/teams/${team.id}/members`, { personId: p.t3.id, startsOn: '2025-08-01' });
    await c.principal.post(`/api/teams/${team.id}/members`, { personId: p.t4.id, startsOn: '2025-08-01' });
    expect((await c.principal.post('/api/caseloads/group', { coachPersonId: p.principal.id, teamId: team.id })).json()).toEqual({
      added: 2,
      unchanged: 0,
      refused: 0,
    });
    expect((await c.principal.post('/api/caseloads/group', { coachPersonId: p.principal.id, teamId: team.id })).json()).toEqual({
      added: 0,
      unchanged: 2,
      refused: 0,
    });
    // A principal who coaches: their caseload lists the team.
    expect(ids((await c.principal.get('/api/caseloads')).json().items)).toEqual([p.t3.id, p.t4.id].sort());
    const school = (await c.hr.post('/api/caseloads/group', { coachPersonId: p.coach2.id, schoolId })).json();
    expect(school.added).toBeGreaterThanOrEqual(3);
    expect(school.unchanged).toBe(1); // t2 since September
  });
});

describe('caseloads: CSV', () => {
  it('serves a template', async () => {
    const res = await c.coach.get('/api/caseloads/template.csv');
    expect(res.body.split('\r\n')[0]).toBe('coach,coachee,starts_on,ends_on');
  });

  it('dry run lists unknown people, other districts, duplicates and overlaps; nothing is written', async () => {
    const csv = [
      'coach,coachee,starts_on,ends_on',
      `${p.coach.email},t3@palm.test,2025-08-01,`,
      `${p.coach.email},nobody@palm.test,,`,
      `${p.coach.email},stranger@other.test,,`,
      `${p.coach.email},t3@palm.test,2025-08-01,`,
      `${p.coach.email},E-3,2025-09-01,2025-12-01`,
      `${p.coach.email},${p.coach.email},,`,
      `${p.coach2.email},t3@palm.test,2024-01-01,2024-06-01`,
      `${p.principal.email},t3@palm.test,2025-01-01,`,
      `${p.coach.email},t4@palm.test,2025-13-01,`,
    ].join('\n');
    const res = await c.hr.post('/api/caseloads/import', { csv, dryRun: true });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.errors.map((e: { line: number; code: string }) => `${e.line}:${e.code}`)).toEqual([
      '3:unknown_person',
      '4:unknown_person',
      '5:duplicate_row',
      '6:overlapping_dates',
      '7:self_coaching',
      '9:overlaps_existing',
      '10:bad_date',
    ]);
    expect(body.counts).toEqual({ create: 2, unchanged: 0, error: 7 });
    expect((await c.hr.post('/api/caseloads/import', { csv, dryRun: false })).json().applied).toBe(false);
    expect((await c.coach.get('/api/caseloads')).json().items).toEqual([]);
  });

  it('a school leader imports within their schools (others: row errors); a clean file applies once', async () => {
    const outside = await c.principal.post('/api/caseloads/import', {
      csv: `coach,coachee\n${p.coach.email},far@bay.test\n`,
      dryRun: true,
    });
    expect(outside.json().errors.map((e: { code: string }) => e.code)).toEqual(['outside_scope']);
    const csv = `coach,coachee,starts_on\n${p.coach.email},t3@palm.test,2025-08-01\n${p.coach.email},t4@palm.test,2025-08-01\n`;
    expect((await c.principal.post('/api/caseloads/import', { csv, dryRun: false })).json()).toMatchObject({
      applied: true,
      counts: { create: 2, unchanged: 0, error: 0 },
    });
    expect((await c.principal.post('/api/caseloads/import', { csv, dryRun: false })).json()).toMatchObject({
      applied: true,
      counts: { create: 0, unchanged: 2, error: 0 },
    });
    expect(ids((await c.coach.get('/api/caseloads')).json().items)).toEqual([p.t3.id, p.t4.id].sort());
  });
});

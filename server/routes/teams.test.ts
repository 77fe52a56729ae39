/**
 * Permission matrix: signed out 401; a team or school of another district 404; staff and coaches
 * manage no teams (403); a school leader manages their school's teams only (another school 404).
 * Then: dated membership with history, making a lead, the lead's coaching scope, add by role, the
 * team CSV (template, dry run with row errors, apply, idempotent re-apply) and audit rows.
 */
import { invalidateReads } from '../lib/read-cache.ts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let districtId: string;
let schoolId: string;
let otherSchoolId: string;
let foreignTeamId: string;
let foreignSchoolId: string;
let c: Record<'hr' | 'principal' | 'principal2' | 'teacher' | 'coach' | 'foreignPrincipal', Client>;
let p: Record<'teacher' | 't2' | 't3' | 'counselor' | 'elsewhere' | 'foreign', { id: string; email: string | null }>;

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
  p = {
    teacher: { id: teacher.personId, email: teacher.email },
    t2: await buildPerson(db, districtId, { orgUnitId: schoolId, email: 't2@palm.test', identifier: 'E-2' }),
    t3: await buildPerson(db, districtId, { orgUnitId: schoolId, email: 't3@palm.test' }),
    counselor: await buildPerson(db, districtId, { orgUnitId: schoolId, role: 'counselor', email: 'counselor@palm.test' }),
    elsewhere: await buildPerson(db, districtId, { orgUnitId: otherSchoolId, email: 'far@bay.test' }),
    foreign: { id: '', email: null },
  };
  const other = (await buildDistrict(db, 'Other')).id;
  foreignSchoolId = (await buildOrgUnit(db, other)).id;
  p.foreign = await buildPerson(db, other, { orgUnitId: foreignSchoolId, email: 'stranger@other.test' });
  const foreignPrincipal = await buildUser(db, other, 'school_leader', { orgUnitId: foreignSchoolId });
  c = {
    hr: await signIn(t.app, hr.email),
    principal: await signIn(t.app, principal.email),
    principal2: await signIn(t.app, principal2.email),
    teacher: await signIn(t.app, teacher.email),
    coach: await signIn(t.app, coach.email),
    foreignPrincipal: await signIn(t.app, foreignPrincipal.email),
  };
  const foreign = await c.foreignPrincipal.post('/api/teams', { schoolId: foreignSchoolId, kind: 'ilt', name: 'Their ILT' });
  foreignTeamId = foreign.json().id;
});

const newTeam = async (name = `Grade ${Math.random().toString(36).slice(2, 6)}`) => {
  const res = await c.principal.post('/api/teams', { schoolId, kind: 'grade_level', name });
  expect(res.statusCode).toBe(201);
  return res.json();
};

describe('teams: who may', () => {
  it('401 signed out, 404 another district, 403 staff and coaches, 404 a school the leader does not lead', async () => {
    const anon = anonymous(t.app);
    expect((await anon.get(`/api/teams?schoolId=${schoolId}`)).statusCode).toBe(401);
    expect((await anon.post('/api/teams', { schoolId, kind: 'ilt', name: 'x' })).statusCode).toBe(401);
    expect((await c.principal.get(`/api/teams/${foreignTeamId}`)).statusCode).toBe(404);
    expect((await c.hr.get(`/api/teams?schoolId=${foreignSchoolId}`)).statusCode).toBe(404);
    expect((await c.hr.post('/api/teams', { schoolId: foreignSchoolId, kind: 'ilt', name: 'x' })).statusCode).toBe(404);
    for (const who of [c.teacher, c.coach]) {
      expect((await who.get(`/api/teams?schoolId=${schoolId}`)).statusCode).toBe(403);
      expect((await who.post('/api/teams', { schoolId, kind: 'ilt', name: 'x' })).statusCode).toBe(403);
    }
    expect((await c.principal2.post('/api/teams', { schoolId, kind: 'ilt', name: 'x' })).statusCode).toBe(404);
    const team = await newTeam();
    expect((await c.principal2.get(`/api/teams/${team.id}`)).statusCode).toBe(404);
    expect((await c.principal2.post(`/api/teams/${team.id}/members`, { personId: p.t2.id })).statusCode).toBe(404);
    expect((await c.teacher.post(`/api/teams/${team.id}/members`, { personId: p.t2.id })).statusCode).toBe(403);
    // Someone of another district, or of another school, cannot be added.
    expect((await c.principal.post(`/api/teams/${team.id}/members`, { personId: p.foreign.id })).statusCode).toBe(404);
    expect((await c.principal.post(`/api/teams/${team.id}/members`, { personId: p.elsewhere.id })).statusCode).toBe(404);
  });

  it('refuses a bad kind, an empty name and an end before the start (400)', async () => {
    expect((await c.principal.post('/api/teams', { schoolId, kind: 'club', name: 'x' })).statusCode).toBe(400);
    expect((await c.principal.post('/api/teams', { schoolId, kind: 'ilt', name: '  ' })).statusCode).toBe(400);
    const res = await c.principal.post('/api/teams', { schoolId, kind: 'ilt', name: 'ILT', startsOn: '2026-09-01', endsOn: '2026-08-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('endsOn');
  });
});

describe('teams: members, leads and history', () => {
  it('adds members, makes a lead (the old row ends, history kept) and ends a membership', async () => {
    const team = await newTeam('Grade 3');
    let res = await c.principal.post(`/api/teams/${team.id}/members`, { personId: p.teacher.id, startsOn: '2025-08-01' });
    expect(res.statusCode).toBe(201);
    res = await c.principal.post(`/api/teams/${team.id}/members`, { personId: p.t2.id, startsOn: '2025-08-01' });
    // The same person twice over overlapping dates: refused.
    const again = await c.principal.post(`/api/teams/${team.id}/members`, { personId: p.t2.id, startsOn: '2025-09-01', role: 'lead' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.code).toBe('overlapping_membership');
    const member = res.json().members.find((m: { person: { id: string } }) => m.person.id === p.teacher.id);
    res = await c.principal.post(`/api/teams/${team.id}/members/${member.id}/role`, { version: member.version, role: 'lead' });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail.leads.map((l: { id: string }) => l.id)).toEqual([p.teacher.id]);
    const periods = detail.members.filter((m: { person: { id: string } }) => m.person.id === p.teacher.id);
    expect(periods.map((m: { role: string; current: boolean }) => [m.role, m.current])).toEqual([
      ['lead', true],
      ['member', false],
    ]);
    // A stale version: 409 with the current team.
    const stale = await c.principal.post(`/api/teams/${team.id}/members/${member.id}/role`, { version: member.version, role: 'lead' });
    expect(stale.statusCode).toBe(409);
    const t2Row = detail.members.find((m: { person: { id: string } }) => m.person.id === p.t2.id);
    res = await c.principal.post(`/api/teams/${team.id}/members/${t2Row.id}/end`, { version: t2Row.version });
    expect(res.statusCode).toBe(200);
    const ended = res.json().members.find((m: { id: string }) => m.id === t2Row.id);
    expect(ended.current).toBe(false);
    expect(ended.endsOn).not.toBeNull();
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, districtId), eq(auditLog.entityType, 'team_member')));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['team_member.add', 'team_member.end']));
  });

  it("the lead reads their team, coaches its members and sees them on the school's tracker", async () => {
    const team = await newTeam('Grade 4');
    await c.principal.post(`/api/teams/${team.id}/members`, { personId: p.teacher.id, role: 'lead', startsOn: '2025-08-01' });
    await c.principal.post(`/api/teams/${team.id}/members`, { personId: p.t3.id, startsOn: '2025-08-01' });
    expect((await c.teacher.get(`/api/teams/${team.id}`)).statusCode).toBe(200);
    expect((await c.teacher.get(`/api/teams?schoolId=${schoolId}`)).json().items.map((x: { id: string }) => x.id)).toContain(team.id);
    expect((await c.teacher.get('/api/auth/session')).json().user.abilities.coach).toBe(true);
    const caseload = (await c.teacher.get('/api/caseloads')).json();
    expect(caseload.teamCoachees.map((x: { person: { id: string } }) => x.person.id)).toContain(p.t3.id);
    const tracker = await c.teacher.get(`/api/tracker/schools/${schoolId}?team=${team.id}`);
    expect(tracker.statusCode).toBe(200);
    expect(tracker.json().rows.map((r: { personId: string }) => r.personId)).toEqual([p.t3.id]);
    // The principal's tracker names each teacher's teams; "no team" leaves out everyone on one.
    const full = (await c.principal.get(`/api/tracker/schools/${schoolId}`)).json();
    const teamsOf = (id: string) =>
      full.rows.find((r: { personId: string }) => r.personId === id).teams.map((x: { name: string }) => x.name);
    expect(teamsOf(p.t3.id)).toEqual(['Grade 4']);
    expect(teamsOf(p.teacher.id)).toEqual(expect.arrayContaining(['Grade 4']));
    // One team's rows read the same whether the school's rows were just loaded or only the team's are.
    const teamUrl = `/api/tracker/schools/${schoolId}?team=${team.id}`;
    const fromSchool = (await c.principal.get(teamUrl)).json();
    invalidateReads();
    const teamOnly = (await c.principal.get(teamUrl)).json();
    expect(teamOnly.rows.map((r: { personId: string }) => r.personId).sort()).toEqual([p.teacher.id, p.t3.id].sort());
    expect(teamOnly.rows).toEqual(fromSchool.rows);
    expect([teamOnly.total, teamOnly.truncated]).toEqual([full.total, full.truncated]);
    const none = (await c.principal.get(`/api/tracker/schools/${schoolId}?team=none`)).json();
    expect(none.rows.map((r: { personId: string }) => r.personId)).not.toContain(p.t3.id);
    expect(none.rows.map((r: { personId: string }) => r.personId)).toContain(p.t2.id);
    // The lead may log coaching with a team member (the firewall is unchanged: development only).
    const log = await c.teacher.post('/api/coaching/logs', {
      status: 'held',
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      durationMinutes: 30,
      activity: 'observation',
      attendeeIds: [p.t3.id],
    });
    expect(log.statusCode).toBe(201);
    // Someone not on the team stays outside their scope.
    const outside = await c.teacher.post('/api/coaching/logs', {
      status: 'held',
      startsAt: new Date().toISOString(),
      durationMinutes: 30,
      activity: 'observation',
      attendeeIds: [p.t2.id],
    });
    expect(outside.statusCode).toBe(404);
  });

  it('adds everyone holding a role in the school (already there: unchanged)', async () => {
    const team = await newTeam('Counselors');
    const res = await c.principal.post(`/api/teams/${team.id}/members/by-role`, { roles: ['counselor'] });
    expect(res.json()).toEqual({ added: 1, unchanged: 0 });
    expect((await c.principal.post(`/api/teams/${team.id}/members/by-role`, { roles: ['counselor'] })).json()).toEqual({
      added: 0,
      unchanged: 1,
    });
  });
});

describe('teams: rename and edit', () => {
  it('renames and hands over the lead in one save; a stale save or a lead who is not a member changes nothing', async () => {
    const team = await newTeam('Grade 4');
    await c.principal.post(`/api/teams/${team.id}/members`, { personId: p.t2.id, role: 'lead', startsOn: '2025-08-01' });
    const added = await c.principal.post(`/api/teams/${team.id}/members`, { personId: p.t3.id, startsOn: '2025-08-01' });
    const before = added.json();
    const t3Row = before.members.find((m: { person: { id: string } }) => m.person.id === p.t3.id);
    const leadsOf = (d: { leads: { id: string }[] }) => d.leads.map((l) => l.id);

    // A lead who is not a current member of this team: 400 naming the field, the name unchanged.
    const stranger = await c.principal.request('PATCH', `/api/teams/${team.id}`, {
      version: before.version,
      name: 'Grade 4 team',
      leadMemberId: before.id,
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details[0]).toMatchObject({ path: 'leadMemberId' });
    let now = (await c.principal.get(`/api/teams/${team.id}`)).json();
    expect([now.name, now.version, leadsOf(now)]).toEqual(['Grade 4', before.version, [p.t2.id]]);

    // HR saved the team meanwhile: the rename and the new lead are refused together.
    const byHr = await c.hr.request('PATCH', `/api/teams/${team.id}`, { version: before.version, kind: 'other' });
    expect(byHr.statusCode).toBe(200);
    const stale = await c.principal.request('PATCH', `/api/teams/${team.id}`, {
      version: before.version,
      name: 'Grade 4 team',
      leadMemberId: t3Row.id,
    });
    expect(stale.statusCode).toBe(409);
    now = (await c.principal.get(`/api/teams/${team.id}`)).json();
    expect([now.name, leadsOf(now)]).toEqual(['Grade 4', [p.t2.id]]);

    const saved = await c.principal.request('PATCH', `/api/teams/${team.id}`, {
      version: byHr.json().version,
      name: 'Grade 4 team',
      leadMemberId: t3Row.id,
    });
    expect(saved.statusCode).toBe(200);
    expect([saved.json().name, leadsOf(saved.json())]).toEqual(['Grade 4 team', [p.t3.id]]);
    // No lead at all.
    const none = await c.principal.request('PATCH', `/api/teams/${team.id}`, { version: saved.json().version, leadMemberId: null });
    expect(leadsOf(none.json())).toEqual([]);
  });

  it('renames and re-kinds a team (audited); a stale version answers 409 with the current team; others 403/404', async () => {
    const team = await newTeam('Grade 1');
    const res = await c.principal.request('PATCH', `/api/teams/${team.id}`, {
      version: team.version,
      name: 'Grade 1 and 2',
      kind: 'other',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Grade 1 and 2', kind: 'other', version: team.version + 1 });
    // Someone who read the team before the rename saves on the old version: 409, nothing changes.
    const stale = await c.hr.request('PATCH', `/api/teams/${team.id}`, { version: team.version, name: 'Grade 1 only' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ name: 'Grade 1 and 2', version: team.version + 1 });
    expect((await c.teacher.request('PATCH', `/api/teams/${team.id}`, { version: team.version + 1, name: 'x' })).statusCode).toBe(403);
    expect((await c.principal2.request('PATCH', `/api/teams/${team.id}`, { version: team.version + 1, name: 'x' })).statusCode).toBe(404);
    expect((await c.principal.request('PATCH', `/api/teams/${team.id}`, { version: team.version + 1, name: '  ' })).statusCode).toBe(400);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, districtId), eq(auditLog.entityId, team.id), eq(auditLog.action, 'team.update')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ name: 'Grade 1' });
    expect(audit[0]!.after).toMatchObject({ name: 'Grade 1 and 2', kind: 'other' });
  });
});

describe('teams: CSV import', () => {
  it('serves a template', async () => {
    const res = await c.teacher.get('/api/teams/template.csv');
    expect(res.statusCode).toBe(200);
    expect(res.body.split('\r\n')[0]).toBe('team,kind,person,role,starts_on,ends_on');
  });

  it('dry run lists row errors (unknown, other district, other school, duplicate, overlap, bad values) and writes nothing', async () => {
    const csv = [
      'team,kind,person,role,starts_on,ends_on',
      'Science,department,t2@palm.test,lead,2025-08-01,',
      'Science,department,nobody@palm.test,member,,',
      'Science,department,stranger@other.test,member,,',
      'Science,department,far@bay.test,member,,',
      'Science,department,t2@palm.test,lead,2025-08-01,',
      'Science,department,E-2,member,2025-09-01,2026-01-01',
      'Science,club,t3@palm.test,boss,01/02/2025,',
    ].join('\n');
    const res = await c.principal.post(`/api/teams/import/${schoolId}`, { csv, dryRun: true });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.applied).toBe(false);
    expect(body.errors.map((e: { line: number; code: string }) => `${e.line}:${e.code}`)).toEqual([
      '3:unknown_person',
      '4:unknown_person',
      '5:outside_school',
      '6:duplicate_row',
      '7:overlapping_dates',
      '8:unknown_kind',
      '8:unknown_role',
      '8:bad_date',
    ]);
    expect(body.counts).toEqual({ create: 1, unchanged: 0, error: 6 });
    // Applying a file with errors writes nothing either.
    expect((await c.principal.post(`/api/teams/import/${schoolId}`, { csv, dryRun: false })).json().applied).toBe(false);
    const list = (await c.principal.get(`/api/teams?schoolId=${schoolId}`)).json();
    expect(list.items.map((x: { name: string }) => x.name)).not.toContain('Science');
  });

  it('applies a clean file once; applying it again changes nothing', async () => {
    const csv =
      'team,kind,person,role,starts_on\nMath,department,t2@palm.test,lead,2025-08-01\nMath,department,t3@palm.test,member,2025-08-01\n';
    const first = (await c.principal.post(`/api/teams/import/${schoolId}`, { csv, dryRun: false })).json();
    expect(first).toMatchObject({ applied: true, counts: { create: 2, unchanged: 0, error: 0 } });
    const second = (await c.principal.post(`/api/teams/import/${schoolId}`, { csv, dryRun: false })).json();
    expect(second).toMatchObject({ applied: true, counts: { create: 0, unchanged: 2, error: 0 } });
    const list = (await c.principal.get(`/api/teams?schoolId=${schoolId}`)).json();
    const math = list.items.find((x: { name: string }) => x.name === 'Math');
    expect(math.memberCount).toBe(2);
    expect(math.leads.map((l: { id: string }) => l.id)).toEqual([p.t2.id]);
  });

  it('403 for staff, 404 for another school, 400 for a file missing columns', async () => {
    expect((await c.teacher.post(`/api/teams/import/${schoolId}`, { csv: 'team,person\n' })).statusCode).toBe(403);
    expect((await c.principal2.post(`/api/teams/import/${schoolId}`, { csv: 'team,person\n' })).statusCode).toBe(404);
    expect((await c.principal.post(`/api/teams/import/${foreignSchoolId}`, { csv: 'team,person\n' })).statusCode).toBe(404);
    const res = await c.principal.post(`/api/teams/import/${schoolId}`, { csv: 'name,email\nx,y\n' });
    expect(res.statusCode).toBe(400);
  });
});

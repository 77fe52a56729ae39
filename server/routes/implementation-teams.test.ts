/**
 * Implementation teams: every id a team names is checked (400 naming the field, nothing written), a
 * stale version is 409 with the current team, members are added in bulk, re-roled and ended (rows
 * kept), and the member CSV import checks every row before writing all or nothing.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, implementationTeamMembers, implementationTeams } from '../db/schema/index.ts';
import {
  buildImplementationTeamsWorld,
  membershipsOf,
  teamVersion,
  type ImplementationTeamsWorld,
} from '../test/fixtures/implementation-teams.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: ImplementationTeamsWorld;
let hr: Client;
let facilitator: Client;
let leaderA: Client;

beforeAll(async () => {
  w = await buildImplementationTeamsWorld(t.database.db);
  hr = await signIn(t.app, w.hr.email);
  facilitator = await signIn(t.app, w.facilitator.email);
  leaderA = await signIn(t.app, w.leaderA.email);
}, 60_000);

const teamCount = async () =>
  (await t.database.db.select().from(implementationTeams).where(eq(implementationTeams.districtId, w.districtId))).length;

describe('creating and editing teams', () => {
  it('creates a district team with terms of reference, and a school team reporting to it', async () => {
    const district = await hr.post('/api/implementation-teams', {
      kind: 'talent_management',
      name: 'Talent-management team',
      orgUnitId: w.districtUnit.id,
      termsOfReference: 'Selection, training and coaching for every initiative',
    });
    expect(district.statusCode, district.body).toBe(201);
    expect(district.json()).toMatchObject({ kind: 'talent_management', initiative: null, orgUnit: { name: 'Central office' } });
    const school = await leaderA.post('/api/implementation-teams', {
      kind: 'school',
      name: 'School A second team',
      orgUnitId: w.schoolA.id,
      initiativeId: w.initiative.id,
      reportsToTeamId: w.districtTeam.id,
      reportsWhat: 'Monthly fidelity',
    });
    expect(school.statusCode, school.body).toBe(201);
    expect(school.json()).toMatchObject({
      reportsTo: { id: w.districtTeam.id, name: 'District literacy team' },
      initiative: { name: 'Structured literacy' },
    });
    const parent = (await hr.get(`/api/implementation-teams/${w.districtTeam.id}`)).json();
    expect(parent.reportingTeams.map((r: { name: string }) => r.name)).toEqual(['School A literacy team', 'School A second team']);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, school.json().id));
    expect(audit?.action).toBe('implementation_team.create');
  });

  // prettier-ignore
  const BAD: [string, () => Record<string, unknown>, string][] = [
    ['a school team on the district unit', () => ({ kind: 'school', orgUnitId: w.districtUnit.id }), 'orgUnitId'],
    ['a district team on a school', () => ({ kind: 'district', orgUnitId: w.schoolA.id }), 'orgUnitId'],
    ['a school the initiative does not cover', () => ({ kind: 'school', orgUnitId: w.schoolB.id, initiativeId: w.initiative.id }), 'orgUnitId'],
    ['an initiative that does not exist here', () => ({ kind: 'district', orgUnitId: w.districtUnit.id, initiativeId: w.otherTeam.id }), 'initiativeId'],
    ['reporting to a school team', () => ({ kind: 'school', orgUnitId: w.schoolA.id, reportsToTeamId: w.schoolTeam.id }), 'reportsToTeamId'],
    ['reporting to another district team', () => ({ kind: 'school', orgUnitId: w.schoolA.id, reportsToTeamId: w.otherTeam.id }), 'reportsToTeamId'],
    ['an org unit of another district', () => ({ kind: 'district', orgUnitId: w.otherTeam.orgUnitId }), 'orgUnitId'],
    ['no name', () => ({ kind: 'district', orgUnitId: w.districtUnit.id, name: '  ' }), 'name'],
  ];
  for (const [what, body, field] of BAD) {
    it(`refuses ${what}: 400 naming ${field}, nothing written`, async () => {
      const before = await teamCount();
      const res = await hr.post('/api/implementation-teams', { name: 'Bad team', ...body() });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { path: unknown }) => String(d.path))).toContain(field);
      expect(await teamCount()).toBe(before);
    });
  }

  it('refuses a team reporting to itself', async () => {
    const version = await teamVersion(t.database.db, w.districtTeam.id);
    const res = await hr.patch(`/api/implementation-teams/${w.districtTeam.id}`, { version, reportsToTeamId: w.districtTeam.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('reportsToTeamId');
  });

  it('a stale version is 409 with the current team; nothing is lost', async () => {
    const url = `/api/implementation-teams/${w.schoolTeam.id}`;
    const version = await teamVersion(t.database.db, w.schoolTeam.id);
    const first = await hr.patch(url, { version, termsOfReference: 'Meets every second Tuesday' });
    expect(first.statusCode, first.body).toBe(200);
    const second = await leaderA.patch(url, { version, termsOfReference: 'Meets on Fridays' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.current).toMatchObject({ termsOfReference: 'Meets every second Tuesday', version: version + 1 });
  });
});

describe('members', () => {
  it('adds several people in one role; those already in that role are unchanged', async () => {
    const url = `/api/implementation-teams/${w.schoolTeam.id}/members`;
    const res = await facilitator.post(url, { personIds: [w.staff.personId, w.member.personId], role: 'member' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ added: 1, unchanged: 1 });
    const team = (await hr.get(`/api/implementation-teams/${w.schoolTeam.id}`)).json();
    expect(team.members[0]).toMatchObject({ role: 'facilitator', current: true });
    expect(team.facilitators.map((p: { id: string }) => p.id)).toEqual([w.facilitator.personId]);
  });

  it('refuses a person of another district (400 naming personIds), adding nobody', async () => {
    const before = await membershipsOf(t.database.db, w.schoolTeam.id, w.coach.personId);
    const res = await facilitator.post(`/api/implementation-teams/${w.schoolTeam.id}/members`, {
      personIds: [w.coach.personId, w.outsider.personId],
      role: 'member',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('personIds');
    expect(await membershipsOf(t.database.db, w.schoolTeam.id, w.coach.personId)).toEqual(before);
  });

  it('changing a role ends the row and starts a new one; ending keeps the row', async () => {
    const [row] = await membershipsOf(t.database.db, w.schoolTeam.id, w.dataLead.personId);
    const base = `/api/implementation-teams/${w.schoolTeam.id}/members/${row!.id}`;
    const changed = await facilitator.post(`${base}/role`, { version: row!.version, role: 'coach_representative' });
    expect(changed.statusCode, changed.body).toBe(200);
    const rows = await membershipsOf(t.database.db, w.schoolTeam.id, w.dataLead.personId);
    expect(rows).toHaveLength(2);
    const current = changed
      .json()
      .members.find((m: { person: { id: string }; current: boolean }) => m.person.id === w.dataLead.personId && m.current);
    expect(current.role).toBe('coach_representative');
    const stale = await facilitator.post(`${base}/end`, { version: row!.version });
    expect(stale.statusCode).toBe(409);
    const ended = await facilitator.post(`/api/implementation-teams/${w.schoolTeam.id}/members/${current.id}/end`, {
      version: current.version,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(
      ended.json().members.some((m: { person: { id: string }; current: boolean }) => m.person.id === w.dataLead.personId && m.current),
    ).toBe(false);
    expect(await membershipsOf(t.database.db, w.schoolTeam.id, w.dataLead.personId)).toHaveLength(2);
  });
});

describe('member CSV import', () => {
  const url = '/api/implementation-teams/import';
  const rowsOf = async () =>
    (await t.database.db.select().from(implementationTeamMembers).where(eq(implementationTeamMembers.districtId, w.districtId))).length;

  it('a dry run lists each row and column at fault, and nothing is written', async () => {
    const before = await rowsOf();
    const csv = [
      'Team,Person,Role',
      `School A literacy team,${w.coach.email.toUpperCase()},coach_representative`,
      `No such team,${w.coach.email},member`,
      `School A literacy team,nobody@example.test,member`,
      `School A literacy team,${w.coach.email},captain`,
      `School A literacy team,${w.coach.email},coach_representative`,
      `District literacy team,${w.coach.email},member`,
    ].join('\r\n');
    const res = await facilitator.post(url, { csv, dryRun: false });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.applied).toBe(false);
    expect(body.errors).toEqual([
      { line: 3, code: 'unknown_team', field: 'team', value: 'No such team' },
      { line: 4, code: 'unknown_person', field: 'person', value: 'nobody@example.test' },
      { line: 5, code: 'unknown_role', field: 'role', value: 'captain' },
      { line: 6, code: 'duplicate_row', field: 'person', value: w.coach.email },
      // The facilitator manages their own team's members, not the district team's.
      { line: 7, code: 'not_your_team', field: 'team', value: 'District literacy team' },
    ]);
    expect(await rowsOf()).toBe(before);
  });

  it('a missing column is a 400 naming the file', async () => {
    const res = await hr.post(url, { csv: 'team,role\r\nA,member\r\n', dryRun: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'csv', code: 'missing_columns', columns: ['person'] });
  });

  it('applies a clean file all at once; the same file again changes nothing', async () => {
    const csv = `team,person,role\r\nDistrict literacy team,${w.leaderA.email},administrator\r\nSchool A literacy team,${w.coach.email},coach_representative\r\n`;
    const dry = (await hr.post(url, { csv, dryRun: true })).json();
    expect(dry).toMatchObject({ applied: false, counts: { create: 2, unchanged: 0, error: 0 } });
    const applied = (await hr.post(url, { csv, dryRun: false })).json();
    expect(applied).toMatchObject({ applied: true, counts: { create: 2 } });
    const again = (await hr.post(url, { csv, dryRun: false })).json();
    expect(again).toMatchObject({ applied: false, counts: { create: 0, unchanged: 2 } });
    const district = (await hr.get(`/api/implementation-teams/${w.districtTeam.id}`)).json();
    expect(district.members.map((m: { role: string }) => m.role)).toEqual(['administrator']);
  });
});

/**
 * Permission matrix (full table in policies/permissions.test.ts): signed out -> 401; other
 * district or out of scope -> 404; writes by anyone but HR and district admins -> 403.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let admin: Client;
let hr: Client;
let districtId: string;
let schoolId: string;

beforeAll(async () => {
  const d = await buildDistrict(t.database.db);
  districtId = d.id;
  schoolId = (await buildOrgUnit(t.database.db, d.id, { name: 'Palm Grove' })).id;
  admin = await signIn(t.app, (await buildUser(t.database.db, d.id, 'district_admin')).email);
  hr = await signIn(t.app, (await buildUser(t.database.db, d.id, 'hr')).email);
});

describe('people directory', () => {
  it('finds people by name without accents, e-mail or identifier, and filters by school and role', async () => {
    const db = t.database.db;
    const school = await buildOrgUnit(db, districtId);
    const jose = await buildPerson(db, districtId, {
      givenName: 'José',
      familyName: 'Núñez',
      email: 'jnunez@x.test',
      identifier: 'E7781',
      orgUnitId: school.id,
    });
    await buildPerson(db, districtId, { givenName: 'Ana', familyName: 'Núñez', role: 'coach', orgUnitId: school.id });
    const ids = async (query: string) => (await admin.get(`/api/people?${query}`)).json().items.map((p: { id: string }) => p.id);
    expect(await ids('q=jose%20nunez')).toEqual([jose.id]);
    expect(await ids('q=jnunez@x')).toEqual([jose.id]);
    expect(await ids('q=e7781')).toEqual([jose.id]);
    expect(await ids(`orgUnitId=${school.id}&role=teacher`)).toEqual([jose.id]);
    const page = (await admin.get(`/api/people?orgUnitId=${school.id}`)).json();
    expect(page.total).toBe(2);
    expect(page.items[0].primaryRole.orgUnitId).toBe(school.id);
  });

  it("searches within the reader's scope: a school leader their school, a coach their caseload", async () => {
    const db = t.database.db;
    const school = await buildOrgUnit(db, districtId);
    const ownTeacher = await buildPerson(db, districtId, { givenName: 'Michelle', familyName: 'Reyes', orgUnitId: school.id });
    const elsewhere = await buildPerson(db, districtId, { givenName: 'Michelle', familyName: 'Reyna' });
    const leader = await signIn(t.app, (await buildUser(db, districtId, 'school_leader', { orgUnitId: school.id })).email);
    const coach = await signIn(t.app, (await buildUser(db, districtId, 'coach', { caseload: [elsewhere.id] })).email);
    const found = async (c: Client, q: string) =>
      (await c.get(`/api/people?q=${q}&active=true&limit=20`)).json().items.map((p: { id: string }) => p.id);
    expect(await found(leader, 'Michelle')).toEqual([ownTeacher.id]);
    expect(await found(leader, 'michelle%20rey')).toEqual([ownTeacher.id]);
    expect(await found(coach, 'Michelle')).toEqual([elsewhere.id]);
    expect(await found(admin, 'Michelle%20Rey')).toEqual([ownTeacher.id, elsewhere.id]);
  });

  it('treats % and _ in a search as text', async () => {
    const res = await admin.get('/api/people?q=%25');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it('pages with limit and offset and reports the total', async () => {
    const school = await buildOrgUnit(t.database.db, districtId);
    for (let i = 0; i < 5; i++) await buildPerson(t.database.db, districtId, { orgUnitId: school.id });
    const first = (await admin.get(`/api/people?orgUnitId=${school.id}&limit=2`)).json();
    const third = (await admin.get(`/api/people?orgUnitId=${school.id}&limit=2&offset=4`)).json();
    expect(first.items).toHaveLength(2);
    expect(third.items).toHaveLength(1);
    expect(first.total).toBe(5);
    expect(third.total).toBe(5);
    const past = (await admin.get(`/api/people?orgUnitId=${school.id}&limit=2&offset=10`)).json();
    expect(past).toEqual({ items: [], total: 5 });
  });

  it("counts everyone in the reader's scope on every page of the unfiltered list and of a search", async () => {
    const db = t.database.db;
    const school = await buildOrgUnit(db, districtId);
    for (let i = 0; i < 3; i++) await buildPerson(db, districtId, { givenName: 'Paged', familyName: `Person${i}`, orgUnitId: school.id });
    const leader = await signIn(t.app, (await buildUser(db, districtId, 'school_leader', { orgUnitId: school.id })).email);
    const pages = await Promise.all(
      ['limit=2', 'limit=2&offset=2', 'limit=2&offset=8'].map(async (q) => (await leader.get(`/api/people?${q}`)).json()),
    );
    // The leader and the three people of their school.
    expect(pages.map((p) => [p.items.length, p.total])).toEqual([
      [2, 4],
      [2, 4],
      [0, 4],
    ]);
    const everyone = (await admin.get('/api/people?limit=1')).json().total;
    expect(everyone).toBeGreaterThan(4);
    const searched = (await leader.get('/api/people?q=paged&limit=2&offset=1')).json();
    expect([searched.items.length, searched.total]).toEqual([2, 3]);
  });

  it('rejects a bad query with every issue listed', async () => {
    const res = await admin.get('/api/people?limit=0&orgUnitId=nope');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details.length).toBeGreaterThanOrEqual(2);
  });
});

describe('adding and editing people', () => {
  it('creates a person, gives them a role and records both in the audit log', async () => {
    const created = await hr.post('/api/people', { givenName: 'Rosa', familyName: 'Díaz', email: 'Rosa.Diaz@X.test' });
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person.email).toBe('rosa.diaz@x.test');
    const withRole = await hr.post(`/api/people/${person.id}/role-assignments`, {
      role: 'teacher',
      orgUnitId: schoolId,
      isPrimary: true,
      beginDate: '2026-08-01',
    });
    expect(withRole.statusCode).toBe(201);
    expect(withRole.json().primaryRole).toMatchObject({ role: 'teacher', orgUnitId: schoolId });
    const history = (await hr.get(`/api/people/${person.id}/history`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['role_assignment.create', 'person.create']);
  });

  it('shows the grades the roster says a person teaches, and none when it says nothing', async () => {
    const teaching = await buildPerson(t.database.db, districtId, { orgUnitId: schoolId, grades: ['KG', '01'] });
    const unknown = await buildPerson(t.database.db, districtId, { orgUnitId: schoolId });
    expect((await hr.get(`/api/people/${teaching.id}`)).json().grades).toEqual(['KG', '01']);
    expect((await hr.get(`/api/people/${unknown.id}`)).json().grades).toEqual([]);
  });

  it('gives the second of two editors 409 with the current version', async () => {
    const person = await buildPerson(t.database.db, districtId, { givenName: 'Sam' });
    const first = await admin.patch(`/api/people/${person.id}`, { version: 1, phone: '555-0101' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await hr.patch(`/api/people/${person.id}`, { version: 1, phone: '555-0199' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('conflict');
    expect(second.json().error.details.current).toMatchObject({ phone: '555-0101', version: 2 });
  });

  it('deactivates and reactivates; the person is kept and listed under inactive', async () => {
    const person = await buildPerson(t.database.db, districtId, { givenName: 'Inés' });
    const off = await admin.post(`/api/people/${person.id}/deactivate`, { version: 1 });
    expect(off.json().active).toBe(false);
    const inactive = (await admin.get('/api/people?active=false&q=ines')).json();
    expect(inactive.items.map((p: { id: string }) => p.id)).toContain(person.id);
    const listed = async (active: string) =>
      (await admin.get(`/api/people?active=${active}&q=ines`)).json().items.map((p: { id: string }) => p.id);
    expect(await listed('true')).not.toContain(person.id);
    expect(await listed('all')).toContain(person.id);
    const on = await admin.post(`/api/people/${person.id}/reactivate`, { version: off.json().version });
    expect(on.json().active).toBe(true);
  });

  it('ends a role on a date and keeps it in the role history', async () => {
    const person = await buildPerson(t.database.db, districtId, { orgUnitId: schoolId });
    const before = (await admin.get(`/api/people/${person.id}`)).json();
    const assignment = before.roleAssignments[0];
    const ended = await admin.post(`/api/people/${person.id}/role-assignments/${assignment.id}/end`, { endDate: '2020-01-01' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().roleAssignments[0]).toMatchObject({ id: assignment.id, endDate: '2020-01-01', current: false });
    expect(ended.json().primaryRole).toBeNull();
  });

  it("refuses a role in another district's unit", async () => {
    const other = await buildDistrict(t.database.db);
    const unit = await buildOrgUnit(t.database.db, other.id);
    const person = await buildPerson(t.database.db, districtId);
    const res = await admin.post(`/api/people/${person.id}/role-assignments`, { role: 'teacher', orgUnitId: unit.id });
    expect(res.statusCode).toBe(404);
  });

  it('refuses wrong types with a clear error and changes nothing', async () => {
    const person = await buildPerson(t.database.db, districtId, { givenName: 'Keep' });
    const res = await admin.patch(`/api/people/${person.id}`, { version: 'one', givenName: 42 });
    expect(res.statusCode).toBe(400);
    expect((await admin.get(`/api/people/${person.id}`)).json()).toMatchObject({ givenName: 'Keep', version: 1 });
  });
});

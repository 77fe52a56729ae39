/**
 * Permission matrix: signed out -> 401; a person of another district, or outside the caller's scope
 * -> 404; reading a person's evaluator -> whoever may read the person; setting one, the list and
 * the bulk assignment -> HR and district admins, others 403. Then: the computed default (the
 * primary school's principal; for a principal, the network's instructional superintendent), HR's
 * choice per school year with 409 on a stale version, bulk assignment, and network scope.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, roleAssignments } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
const YEAR = '2026-27';
let districtId: string;
let ids: Record<string, string> = {};
const as: Record<string, Client> = {};

beforeAll(async () => {
  const db = t.database.db;
  districtId = (await buildDistrict(db)).id;
  const north = await buildOrgUnit(db, districtId, { name: 'North network', type: 'network' });
  const south = await buildOrgUnit(db, districtId, { name: 'South network', type: 'network' });
  const palm = await buildOrgUnit(db, districtId, { name: 'Palm Grove', parentId: north.id });
  const oak = await buildOrgUnit(db, districtId, { name: 'Oak Hill', parentId: north.id });
  const pine = await buildOrgUnit(db, districtId, { name: 'Pine Ridge', parentId: south.id });
  const principal = await buildUser(db, districtId, 'school_leader', { orgUnitId: palm.id });
  const superintendent = await buildUser(db, districtId, 'staff', { orgUnitId: north.id });
  await db
    .update(roleAssignments)
    .set({ role: 'instructional_superintendent' })
    .where(eq(roleAssignments.personId, superintendent.personId));
  const teacher = await buildUser(db, districtId, 'staff', { orgUnitId: palm.id });
  const hr = await buildUser(db, districtId, 'hr');
  const outsider = await buildUser(db, (await buildDistrict(db, 'Other')).id, 'district_admin');
  ids = {
    palm: palm.id,
    principal: principal.personId,
    superintendent: superintendent.personId,
    teacher: teacher.personId,
    oakTeacher: (await buildPerson(db, districtId, { orgUnitId: oak.id })).id,
    pineTeacher: (await buildPerson(db, districtId, { orgUnitId: pine.id })).id,
    other: (await buildPerson(db, districtId, { orgUnitId: palm.id })).id,
  };
  for (const [k, u] of Object.entries({ principal, superintendent, teacher, hr, outsider })) as[k] = await signIn(t.app, u.email);
});

const evaluatorOf = (client: Client, personId: string) => client.get(`/api/people/${personId}/evaluator?schoolYear=${YEAR}`);
const set = (client: Client, personId: string, body: Record<string, unknown>) =>
  client.request('PUT', `/api/people/${personId}/evaluator`, { schoolYear: YEAR, version: null, ...body });

describe('evaluators permission matrix', () => {
  it('401 signed out, 404 for another district or outside scope, 403 for those who may not assign', async () => {
    expect((await anonymous(t.app).get(`/api/people/${ids.teacher}/evaluator`)).statusCode).toBe(401);
    expect((await anonymous(t.app).get('/api/evaluators')).statusCode).toBe(401);
    expect((await evaluatorOf(as.outsider!, ids.teacher!)).statusCode).toBe(404);
    expect((await set(as.outsider!, ids.teacher!, { evaluatorPersonId: ids.principal })).statusCode).toBe(404);
    expect((await evaluatorOf(as.teacher!, ids.other!)).statusCode).toBe(404);
    const own = await evaluatorOf(as.teacher!, ids.teacher!);
    expect(own.statusCode).toBe(200);
    expect(own.json().abilities).toEqual({ assign: false });
    expect((await set(as.principal!, ids.teacher!, { evaluatorPersonId: ids.superintendent })).statusCode).toBe(403);
    expect((await as.principal!.get('/api/evaluators')).statusCode).toBe(403);
    expect(
      (await as.principal!.post('/api/evaluators/bulk', { schoolYear: YEAR, evaluatorPersonId: ids.principal, personIds: [ids.teacher] }))
        .statusCode,
    ).toBe(403);
    expect(
      (await as.outsider!.post('/api/evaluators/bulk', { schoolYear: YEAR, evaluatorPersonId: ids.principal, personIds: [ids.teacher] }))
        .statusCode,
    ).toBe(404);
  });
});

describe('network scope', () => {
  it("an instructional superintendent sees people in their network's schools, not in another network's", async () => {
    const seen = async (personId: string) => (await as.superintendent!.get(`/api/people/${personId}`)).statusCode;
    expect(await seen(ids.teacher!)).toBe(200);
    expect(await seen(ids.oakTeacher!)).toBe(200);
    expect(await seen(ids.pineTeacher!)).toBe(404);
    const listed = (await as.superintendent!.get('/api/people?limit=100')).json().items.map((p: { id: string }) => p.id);
    expect(listed).toEqual(expect.arrayContaining([ids.teacher, ids.oakTeacher]));
    expect(listed).not.toContain(ids.pineTeacher);
  });
});

describe('primary evaluators', () => {
  it("defaults to the school's principal, and for the principal to the network's superintendent", async () => {
    expect((await evaluatorOf(as.teacher!, ids.teacher!)).json()).toMatchObject({
      source: 'computed',
      evaluator: { id: ids.principal },
      primaryOrgUnitName: 'Palm Grove',
    });
    expect((await evaluatorOf(as.principal!, ids.principal!)).json()).toMatchObject({
      source: 'computed',
      evaluator: { id: ids.superintendent },
    });
    // Oak Hill has no principal: its network's leader.
    expect((await evaluatorOf(as.hr!, ids.oakTeacher!)).json()).toMatchObject({ evaluator: { id: ids.superintendent } });
    // Pine Ridge's network has no leader yet: nobody, said plainly.
    expect((await evaluatorOf(as.hr!, ids.pineTeacher!)).json()).toMatchObject({ source: 'none', evaluator: null });
  });

  it('HR overrides one person per school year, refuses stale versions and self-evaluation, and can return to the default', async () => {
    const res = await set(as.hr!, ids.other!, { evaluatorPersonId: ids.superintendent });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      source: 'assigned',
      evaluator: { id: ids.superintendent },
      computed: { id: ids.principal },
      assignment: { version: 1 },
    });
    // Another school year is untouched.
    expect((await as.hr!.get(`/api/people/${ids.other}/evaluator?schoolYear=2027-28`)).json().source).toBe('computed');
    const stale = await set(as.hr!, ids.other!, { evaluatorPersonId: ids.principal, version: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.evaluator.id).toBe(ids.superintendent);
    expect((await set(as.hr!, ids.other!, { evaluatorPersonId: ids.other, version: 1 })).statusCode).toBe(400);
    expect((await set(as.hr!, ids.other!, { evaluatorPersonId: randomUUID(), version: 1 })).statusCode).toBe(404);
    const back = await set(as.hr!, ids.other!, { evaluatorPersonId: null, version: 1 });
    expect(back.json()).toMatchObject({ source: 'computed', evaluator: { id: ids.principal }, assignment: { version: 2 } });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, ids.other!));
    expect(audit.filter((a) => a.action === 'evaluator.set')).toHaveLength(2);
  });

  it('HR assigns one evaluator to many at once and lists who evaluates whom', async () => {
    const body = { schoolYear: YEAR, evaluatorPersonId: ids.superintendent, personIds: [ids.teacher, ids.oakTeacher] };
    const first = await as.hr!.post('/api/evaluators/bulk', body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ assigned: 2, unchanged: 0 });
    expect((await as.hr!.post('/api/evaluators/bulk', body)).json()).toEqual({ assigned: 0, unchanged: 2 });
    expect((await as.hr!.post('/api/evaluators/bulk', { ...body, personIds: [ids.teacher, randomUUID()] })).statusCode).toBe(404);
    const list = (await as.hr!.get(`/api/evaluators?schoolYear=${YEAR}&orgUnitId=${ids.palm}`)).json();
    const teacher = list.items.find((i: { personId: string }) => i.personId === ids.teacher);
    expect(teacher).toMatchObject({ source: 'assigned', evaluator: { id: ids.superintendent } });
    expect(list.items.some((i: { personId: string }) => i.personId === ids.pineTeacher)).toBe(false);
  });
});

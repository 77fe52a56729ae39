/**
 * Nobody acts on a person holding a higher grant than their own (issue 10, finding 7):
 * district_admin > hr > none. HR cannot edit, deactivate, change the roles of or (re)invite a
 * district admin; the person's abilities say so, so the UI hides the buttons. Equal grants may.
 * Permission matrix of these endpoints: server/routes/people.ts.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { people, roleAssignments, users } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../test/factories.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let admin: Awaited<ReturnType<typeof buildUser>>;
let otherHr: Awaited<ReturnType<typeof buildUser>>;
let teacher: Awaited<ReturnType<typeof buildUser>>;
let school: string;
let hr: Client;
let adminClient: Client;

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  school = (await buildOrgUnit(db, districtId)).id;
  admin = await buildUser(db, districtId, 'district_admin');
  otherHr = await buildUser(db, districtId, 'hr');
  teacher = await buildUser(db, districtId, 'staff', { orgUnitId: school });
  hr = await signIn(t.app, (await buildUser(db, districtId, 'hr')).email);
  adminClient = await signIn(t.app, (await buildUser(db, districtId, 'district_admin')).email);
}, 60_000);

const person = async (client: Client, id: string) => {
  const res = await client.get(`/api/people/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('HR and a district admin', () => {
  it('HR reads the admin, with every button that acts on them off', async () => {
    const view = await person(hr, admin.personId);
    expect(view.abilities).toMatchObject({ update: false, deactivate: false, manageRoles: false, invite: false, grantAccess: false });
    expect(view.account).toMatchObject({ adminGrant: 'district_admin' });
  });

  it('HR cannot deactivate, edit, change the roles of or re-invite the admin (403); nothing changes', async () => {
    const { version, roleAssignments: roles } = await person(hr, admin.personId);
    const tries = [
      await hr.post(`/api/people/${admin.personId}/deactivate`, { version }),
      await hr.patch(`/api/people/${admin.personId}`, { version, email: 'hr-owns-this@example.test' }),
      await hr.post(`/api/people/${admin.personId}/role-assignments`, { role: 'teacher', orgUnitId: school, isPrimary: true }),
      await hr.post(`/api/people/${admin.personId}/role-assignments/${roles[0].id}/end`, { endDate: '2020-01-01' }),
      await hr.post(`/api/people/${admin.personId}/invite`),
    ];
    expect(tries.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    const [row] = await t.database.db.select().from(people).where(eq(people.id, admin.personId));
    expect(row).toMatchObject({ active: true, version, email: admin.email });
    const ra = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.personId, admin.personId));
    expect(ra.map((r) => r.endDate)).toEqual([null]);
    const [user] = await t.database.db.select().from(users).where(eq(users.personId, admin.personId));
    expect(user!.active).toBe(true);
  });

  it('equal and lower grants may: HR edits HR and a teacher, an admin deactivates an admin', async () => {
    expect((await person(hr, otherHr.personId)).abilities).toMatchObject({
      update: true,
      deactivate: true,
      manageRoles: true,
      invite: true,
    });
    expect((await person(hr, teacher.personId)).abilities).toMatchObject({ update: true, deactivate: true });
    const hrEdit = await hr.patch(`/api/people/${otherHr.personId}`, {
      version: (await person(hr, otherHr.personId)).version,
      phone: '555-0100',
    });
    expect(hrEdit.statusCode, hrEdit.body).toBe(200);
    const view = await person(adminClient, admin.personId);
    expect(view.abilities).toMatchObject({ update: true, deactivate: true, manageRoles: true, grantAccess: true });
    const off = await adminClient.post(`/api/people/${admin.personId}/deactivate`, { version: view.version });
    expect(off.statusCode, off.body).toBe(200);
  });
});

/**
 * Permission matrix (full table in policies/permissions.test.ts): signed out -> 401; other
 * district -> 404; reads for everyone in the district; writes by district admins only (403).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildPerson, buildUser } from '../test/factories.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let admin: Client;
let districtId: string;

beforeAll(async () => {
  districtId = (await buildDistrict(t.database.db)).id;
  admin = await signIn(t.app, (await buildUser(t.database.db, districtId, 'district_admin')).email);
});

describe('org units', () => {
  it('creates a school under the district, counts its staff, and audits the change', async () => {
    const root = (await admin.post('/api/org-units', { name: 'Central', type: 'district' })).json();
    const school = await admin.post('/api/org-units', {
      name: 'Coral Bay Elementary',
      type: 'school',
      identifier: 'ES02',
      parentId: root.id,
    });
    expect(school.statusCode).toBe(201);
    expect(school.json()).toMatchObject({ parentName: 'Central', staffCount: 0, abilities: { update: true } });
    await buildPerson(t.database.db, districtId, { orgUnitId: school.json().id });
    expect((await admin.get(`/api/org-units/${school.json().id}`)).json().staffCount).toBe(1);
    const audit = (await admin.get(`/api/audit?entityId=${school.json().id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'org_unit.create', entityType: 'org_unit' });
  });

  it('renames with the current version and answers 409 with a stale one', async () => {
    const unit = (await admin.post('/api/org-units', { name: 'Old name', type: 'school' })).json();
    const renamed = await admin.patch(`/api/org-units/${unit.id}`, { version: unit.version, name: 'New name' });
    expect(renamed.json()).toMatchObject({ name: 'New name', version: 2 });
    const stale = await admin.patch(`/api/org-units/${unit.id}`, { version: 1, name: 'Other' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.name).toBe('New name');
  });

  it('deactivates instead of deleting; inactive units are listed on request', async () => {
    const unit = (await admin.post('/api/org-units', { name: 'Closing school', type: 'school' })).json();
    const off = await admin.post(`/api/org-units/${unit.id}/deactivate`, { version: unit.version });
    expect(off.json().active).toBe(false);
    const active = (await admin.get('/api/org-units?q=Closing')).json();
    const all = (await admin.get('/api/org-units?q=Closing&active=all')).json();
    expect(active.items).toHaveLength(0);
    expect(all.items).toHaveLength(1);
  });

  it('refuses a parent from another district', async () => {
    const other = await buildDistrict(t.database.db);
    const otherAdmin = await signIn(t.app, (await buildUser(t.database.db, other.id, 'district_admin')).email);
    const foreign = (await otherAdmin.post('/api/org-units', { name: 'Foreign', type: 'school' })).json();
    const res = await admin.post('/api/org-units', { name: 'Child', type: 'school', parentId: foreign.id });
    expect(res.statusCode).toBe(404);
  });
});

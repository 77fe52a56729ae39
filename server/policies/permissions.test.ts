/**
 * The permission matrix, role x action x scope, driven through the real routes: every cell is a
 * request by a signed-in user of that role against a row in that scope.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccessRole } from '../../common/roles.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';

const t = useTestApp();
type Scope = 'self' | 'caseload' | 'school' | 'otherSchool' | 'otherDistrict';
const ROLES: AccessRole[] = ['district_admin', 'hr', 'school_leader', 'coach', 'staff'];
const SCOPES: Scope[] = ['self', 'caseload', 'school', 'otherSchool', 'otherDistrict'];

const clients = {} as Record<AccessRole, Client>;
const targets = {} as Record<AccessRole, Record<Scope, string>>;
let otherDistrictUnitId = '';
let ownUnitId = '';

beforeAll(async () => {
  const db = t.database.db;
  const district = await buildDistrict(db);
  const other = await buildDistrict(db, 'Other District');
  const schoolA = await buildOrgUnit(db, district.id, { name: 'School A' });
  const schoolB = await buildOrgUnit(db, district.id, { name: 'School B' });
  ownUnitId = schoolA.id;
  otherDistrictUnitId = (await buildOrgUnit(db, other.id)).id;
  const onCaseload = await buildPerson(db, district.id, { orgUnitId: schoolA.id });
  const sameSchool = await buildPerson(db, district.id, { orgUnitId: schoolA.id });
  const otherSchool = await buildPerson(db, district.id, { orgUnitId: schoolB.id });
  const otherDistrict = await buildPerson(db, other.id);
  for (const role of ROLES) {
    const user = await buildUser(db, district.id, role, {
      orgUnitId: role === 'school_leader' || role === 'coach' || role === 'staff' ? schoolA.id : undefined,
      caseload: role === 'coach' ? [onCaseload.id] : [],
    });
    clients[role] = await signIn(t.app, user.email);
    targets[role] = {
      self: user.personId,
      caseload: onCaseload.id,
      school: sameSchool.id,
      otherSchool: otherSchool.id,
      otherDistrict: otherDistrict.id,
    };
  }
});

// Caseload only exists for coaches; for the others the caseload person is just a teacher at school A.
const READ: Record<AccessRole, Record<Scope, number>> = {
  district_admin: { self: 200, caseload: 200, school: 200, otherSchool: 200, otherDistrict: 404 },
  hr: { self: 200, caseload: 200, school: 200, otherSchool: 200, otherDistrict: 404 },
  school_leader: { self: 200, caseload: 200, school: 200, otherSchool: 404, otherDistrict: 404 },
  coach: { self: 200, caseload: 200, school: 404, otherSchool: 404, otherDistrict: 404 },
  staff: { self: 200, caseload: 404, school: 404, otherSchool: 404, otherDistrict: 404 },
};
const allowedWrite = (role: AccessRole, scope: Scope) =>
  READ[role][scope] === 404 ? 404 : role === 'district_admin' || role === 'hr' ? 200 : 403;

describe('people: read a person', () => {
  for (const role of ROLES) {
    for (const scope of SCOPES) {
      it(`${role} reading ${scope} -> ${READ[role][scope]}`, async () => {
        const res = await clients[role].get(`/api/people/${targets[role][scope]}`);
        expect(res.statusCode).toBe(READ[role][scope]);
      });
    }
  }
});

describe('people: edit a person', () => {
  for (const role of ROLES) {
    for (const scope of SCOPES) {
      const expected = allowedWrite(role, scope);
      it(`${role} editing ${scope} -> ${expected}`, async () => {
        const client = clients[role];
        const id = targets[role][scope];
        const current = await client.get(`/api/people/${id}`);
        const version = current.statusCode === 200 ? current.json().version : 1;
        const res = await client.patch(`/api/people/${id}`, { version, phone: '555-0100' });
        expect(res.statusCode).toBe(expected);
        if (current.statusCode === 200) {
          expect(current.json().abilities.update).toBe(expected === 200);
        }
      });
    }
  }
});

describe('people directory lists exactly the readable scopes', () => {
  for (const role of ROLES) {
    it(`${role}`, async () => {
      const res = await clients[role].get('/api/people?limit=200');
      expect(res.statusCode).toBe(200);
      const ids = new Set(res.json().items.map((p: { id: string }) => p.id));
      for (const scope of SCOPES) {
        expect(ids.has(targets[role][scope]), `${role} sees ${scope}`).toBe(READ[role][scope] === 200);
      }
    });
  }
});

describe('org units, imports, audit by role', () => {
  const ADMIN_ONLY: Record<AccessRole, number> = { district_admin: 200, hr: 403, school_leader: 403, coach: 403, staff: 403 };
  for (const role of ROLES) {
    it(`${role}: read units 200, other district's unit 404, create ${role === 'district_admin' ? 201 : 403}`, async () => {
      const c = clients[role];
      expect((await c.get('/api/org-units')).statusCode).toBe(200);
      expect((await c.get(`/api/org-units/${ownUnitId}`)).statusCode).toBe(200);
      expect((await c.get(`/api/org-units/${otherDistrictUnitId}`)).statusCode).toBe(404);
      const created = await c.post('/api/org-units', { name: `New unit by ${role}`, type: 'department' });
      expect(created.statusCode).toBe(role === 'district_admin' ? 201 : 403);
    });
    it(`${role}: audit log, outbox and imports -> ${ADMIN_ONLY[role]}`, async () => {
      const c = clients[role];
      expect((await c.get('/api/audit')).statusCode).toBe(ADMIN_ONLY[role]);
      expect((await c.get('/api/outbox')).statusCode).toBe(ADMIN_ONLY[role]);
      expect((await c.get('/api/imports')).statusCode).toBe(ADMIN_ONLY[role]);
    });
    it(`${role}: session abilities match the routes`, async () => {
      const me = (await clients[role].get('/api/auth/session')).json().user;
      expect(me.abilities.viewAudit).toBe(ADMIN_ONLY[role] === 200);
      expect(me.abilities.importRoster).toBe(ADMIN_ONLY[role] === 200);
      expect(me.abilities.managePeople).toBe(role === 'district_admin' || role === 'hr');
      expect(me.access).toBe(role);
    });
  }
});

describe('signed out', () => {
  for (const url of ['/api/people', '/api/org-units', '/api/audit', '/api/imports', '/api/outbox', '/api/me', '/api/auth/session']) {
    it(`GET ${url} -> 401`, async () => {
      const res = await anonymous(t.app).get(url);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    });
  }
});

describe('frameworks by role', () => {
  // Published versions: everyone in the district reads them; drafts: editors only (404 to others,
  // as if they did not exist); changes: editors only (403 to readers); another district: 404.
  const EDITOR: Record<AccessRole, boolean> = { district_admin: true, hr: true, school_leader: false, coach: false, staff: false };
  const ids = { published: '', draft: '', publishedItem: '', draftItem: '', otherDistrict: '' };

  beforeAll(async () => {
    const hr = clients.hr;
    const first = (await hr.post('/api/frameworks', { title: 'Matrix framework' })).json();
    ids.published = first.version.id;
    ids.publishedItem = (
      await hr.post(`/api/framework-versions/${ids.published}/items`, { parentId: null, fullStatement: 'Plans' })
    ).json().id;
    await hr.post(`/api/framework-versions/${ids.published}/publish`, { version: first.version.version });
    const second = (await hr.post('/api/frameworks', { title: 'Matrix draft' })).json();
    ids.draft = second.version.id;
    ids.draftItem = (
      await hr.post(`/api/framework-versions/${ids.draft}/items`, { parentId: null, fullStatement: 'Draft item' })
    ).json().id;
    const otherAdmin = await signIn(
      t.app,
      (await buildUser(t.database.db, (await buildDistrict(t.database.db, 'Third')).id, 'district_admin')).email,
    );
    ids.otherDistrict = (await otherAdmin.post('/api/frameworks', { title: 'Foreign' })).json().version.id;
  });

  for (const role of ROLES) {
    const editor = EDITOR[role];
    it(`${role}: read published 200, draft ${editor ? 200 : 404}, other district 404`, async () => {
      const c = clients[role];
      expect((await c.get(`/api/framework-versions/${ids.published}`)).statusCode).toBe(200);
      expect((await c.get(`/api/framework-versions/${ids.published}/items`)).statusCode).toBe(200);
      expect((await c.get(`/api/framework-versions/${ids.draft}`)).statusCode).toBe(editor ? 200 : 404);
      expect((await c.get(`/api/framework-versions/${ids.draft}/items`)).statusCode).toBe(editor ? 200 : 404);
      expect((await c.get(`/api/framework-versions/${ids.otherDistrict}`)).statusCode).toBe(404);
      const list = (await c.get('/api/frameworks')).json().items.map((f: { title: string }) => f.title);
      expect(list.includes('Matrix draft')).toBe(editor);
      expect(list.includes('Matrix framework')).toBe(true);
      expect(list.includes('Foreign')).toBe(false);
      expect((await c.get('/api/scales')).statusCode).toBe(200);
    });

    it(`${role}: edit draft ${editor ? 200 : 404}, edit published ${editor ? 409 : 403}, create ${editor ? 201 : 403}`, async () => {
      const c = clients[role];
      const draftItem = await clients.hr.get(`/api/framework-versions/${ids.draft}/items`);
      const version = draftItem.json().items[0].version;
      const edit = await c.patch(`/api/framework-items/${ids.draftItem}`, { version, fullStatement: `Edited by ${role}` });
      expect(edit.statusCode).toBe(editor ? 200 : 404);
      const locked = await c.patch(`/api/framework-items/${ids.publishedItem}`, { version: 1, fullStatement: 'x' });
      expect(locked.statusCode).toBe(editor ? 409 : 403);
      expect((await c.patch(`/api/framework-items/${ids.publishedItem}`, { version: 1, fullStatement: 'x' })).json().error.code).toBe(
        editor ? 'invalid_state' : 'forbidden',
      );
      expect((await c.post('/api/frameworks', { title: `By ${role}` })).statusCode).toBe(editor ? 201 : 403);
      expect(
        (
          await c.post('/api/scales', {
            name: 'S',
            levels: [
              { label: 'Hi', levelScore: 2, proficient: true },
              { label: 'Lo', levelScore: 1, proficient: false },
            ],
          })
        ).statusCode,
      ).toBe(editor ? 201 : 403);
      const v = (await c.get(`/api/framework-versions/${ids.published}`)).json();
      expect(v.abilities).toMatchObject({ edit: false, newVersion: editor, manageDesignTeam: editor, comment: false });
      const me = (await c.get('/api/auth/session')).json().user;
      expect(me.abilities.manageFrameworks).toBe(editor);
    });
  }

  for (const url of ['/api/frameworks', '/api/scales']) {
    it(`GET ${url} signed out -> 401`, async () => {
      expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    });
  }
});

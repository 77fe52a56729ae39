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

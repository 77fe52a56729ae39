/**
 * Remembered sessions: a read remembers the caller's session for a few seconds; a write that may
 * change who may do what (here: sign-out, an account change, a deactivation) forgets every remembered
 * session, while the writes marked `keepsSessions` (autosave, marking notifications read) leave them.
 */
import { describe, expect, it } from 'vitest';
import { hashToken } from '../services/auth/tokens.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../test/factories.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';
import { cachedSession } from './session-cache.ts';

const t = useTestApp();
const remembered = (client: Client) => cachedSession(hashToken(client.cookie!.split('=')[1]!)) !== undefined;

describe('remembered sessions', () => {
  it('a read remembers the session; marking notifications read keeps it; another write forgets it', async () => {
    const districtId = (await buildDistrict(t.database.db)).id;
    const school = await buildOrgUnit(t.database.db, districtId);
    const teacher = await signIn(t.app, (await buildUser(t.database.db, districtId, 'staff', { orgUnitId: school.id })).email);
    expect((await teacher.get('/api/me')).statusCode).toBe(200);
    expect(remembered(teacher)).toBe(true);
    expect((await teacher.post('/api/notifications/read-all')).statusCode).toBe(200);
    expect(remembered(teacher)).toBe(true);
    expect((await teacher.patch('/api/me', { locale: 'es' })).statusCode).toBe(200);
    expect(remembered(teacher)).toBe(false);
    // The next read sees the change the write made.
    expect((await teacher.get('/api/me')).json().locale).toBe('es');
  });

  it('a deactivation made between two reads is seen by the next read, even after autosave-like writes', async () => {
    const districtId = (await buildDistrict(t.database.db)).id;
    const school = await buildOrgUnit(t.database.db, districtId);
    const adminUser = await buildUser(t.database.db, districtId, 'district_admin', { orgUnitId: school.id });
    const teacherUser = await buildUser(t.database.db, districtId, 'staff', { orgUnitId: school.id });
    const admin = await signIn(t.app, adminUser.email);
    const teacher = await signIn(t.app, teacherUser.email);
    expect((await teacher.get('/api/me')).statusCode).toBe(200);
    await teacher.post('/api/notifications/read-all');
    const person = (await admin.get(`/api/people/${teacherUser.personId}`)).json();
    expect((await admin.post(`/api/people/${teacherUser.personId}/deactivate`, { version: person.version })).statusCode).toBe(200);
    expect((await teacher.get('/api/me')).statusCode).toBe(401);
  });

  it('sign-out forgets the session at once', async () => {
    const districtId = (await buildDistrict(t.database.db)).id;
    const school = await buildOrgUnit(t.database.db, districtId);
    const teacher = await signIn(t.app, (await buildUser(t.database.db, districtId, 'staff', { orgUnitId: school.id })).email);
    await teacher.get('/api/me');
    expect((await teacher.post('/api/auth/sign-out')).statusCode).toBeLessThan(300);
    expect(remembered(teacher)).toBe(false);
    expect((await teacher.get('/api/me')).statusCode).toBe(401);
  });
});

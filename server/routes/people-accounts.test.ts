/**
 * Permission matrix: signed out -> 401; other district -> 404; invite -> HR and district admins;
 * access grants -> district admins only; others 403.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildPerson, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { setPasswordLink } from '../test/mailbox.ts';

const t = useTestApp({}, { smtp: true });
let districtId: string;
let admin: Client;
let adminPersonId: string;
let hr: Client;
let leader: Client;

beforeAll(async () => {
  districtId = (await buildDistrict(t.database.db)).id;
  const adminUser = await buildUser(t.database.db, districtId, 'district_admin');
  adminPersonId = adminUser.personId;
  admin = await signIn(t.app, adminUser.email);
  hr = await signIn(t.app, (await buildUser(t.database.db, districtId, 'hr')).email);
  leader = await signIn(t.app, (await buildUser(t.database.db, districtId, 'school_leader')).email);
});

describe('inviting people to sign in', () => {
  it('creates the account and e-mails a link with which the person chooses a password', async () => {
    const person = await buildPerson(t.database.db, districtId, { email: 'new.teacher@x.test', givenName: 'Nia' });
    const invited = await hr.post(`/api/people/${person.id}/invite`);
    expect(invited.statusCode).toBe(200);
    expect(invited.json().account).toEqual({ status: 'invited', email: 'new.teacher@x.test', adminGrant: null });
    const mail = await t.mailbox.take('new.teacher@x.test');
    expect(mail.text).toContain('Nia');
    const token = setPasswordLink(mail).searchParams.get('token');
    expect((await anonymous(t.app).post('/api/auth/password-reset/confirm', { token, password: 'my own password' })).statusCode).toBe(204);
    const client = await signIn(t.app, 'new.teacher@x.test', 'my own password');
    expect((await client.get('/api/auth/session')).json().user.access).toBe('staff');
    expect((await hr.get(`/api/people/${person.id}`)).json().account.status).toBe('active');
    expect((await hr.post(`/api/people/${person.id}/invite`)).statusCode).toBe(409);
  });

  it('needs an e-mail address, and is not for school leaders', async () => {
    const person = await buildPerson(t.database.db, districtId, { email: null });
    const res = await admin.post(`/api/people/${person.id}/invite`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_state');
    expect((await leader.get('/api/auth/session')).statusCode).toBe(200);
  });
});

describe('admin access grants', () => {
  it('a district admin makes an invited person HR; HR cannot grant; nobody changes their own', async () => {
    const person = await buildPerson(t.database.db, districtId, { email: 'future.hr@x.test' });
    await admin.post(`/api/people/${person.id}/invite`);
    expect((await hr.post(`/api/people/${person.id}/admin-grant`, { adminGrant: 'hr' })).statusCode).toBe(403);
    const granted = await admin.post(`/api/people/${person.id}/admin-grant`, { adminGrant: 'hr' });
    expect(granted.json().account.adminGrant).toBe('hr');
    const own = await admin.post(`/api/people/${adminPersonId}/admin-grant`, { adminGrant: null });
    expect(own.statusCode).toBe(409);
  });

  it('hides accounts from those who do not manage people', async () => {
    const res = await leader.get(`/api/people/${(await leader.get('/api/auth/session')).json().user.person.id}`);
    expect(res.json().account).toBeNull();
    expect(res.json().abilities).toMatchObject({ invite: false, grantAccess: false });
  });
});

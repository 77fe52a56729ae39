/**
 * Vendor guests and the guest gate: HR invites a partner's person (the people invitation e-mail, a
 * password of their own), the guest reaches its one initiative and its fidelity tool and nothing
 * else (404, as if absent), every guest write is audited, the guest never shows in the directory,
 * and an expired or revoked guest has no session at all.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../common/clock.ts';
import { INITIATIVE_LIMITS } from '../../common/implementation.ts';
import { auditLog, initiativeGuests } from '../db/schema/index.ts';
import { buildGuest, buildInitiativeWorld, type InitiativeWorld } from '../test/fixtures/initiatives.ts';
import { TEST_PASSWORD } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { setPasswordLink } from '../test/mailbox.ts';

const t = useTestApp({}, { smtp: true });
let w: InitiativeWorld;
let hr: Client;
let today: string;
let initiativeId: string;
let otherInitiativeId: string;

const signInStatus = async (email: string, password = TEST_PASSWORD) =>
  (await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } })).statusCode;

beforeAll(async () => {
  w = await buildInitiativeWorld(t.database.db);
  hr = await signIn(t.app, w.hr.email);
  today = todayIn(w.district.timeZone);
  const created = await hr.post('/api/initiatives', {
    name: 'Structured literacy',
    profileVersionId: w.profile.versionId,
    fidelityRubricId: w.toolV2.id,
    partnerName: 'Literacy Partners Inc.',
  });
  initiativeId = created.json().id;
  otherInitiativeId = (await hr.post('/api/initiatives', { name: 'Restorative practices' })).json().id;
}, 60_000);

describe('inviting a guest', () => {
  it('e-mails the invitation; the guest chooses a password, signs in, and is listed as accepted', async () => {
    const res = await hr.post(`/api/initiatives/${initiativeId}/guests`, {
      givenName: 'Rosa',
      familyName: 'Reyes',
      email: 'Rosa.Reyes@Vendor.test',
      expiresOn: addDays(today, 60),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ email: 'rosa.reyes@vendor.test', state: 'active', accepted: false });
    const mail = await t.mailbox.take('rosa.reyes@vendor.test');
    expect(mail.text).toContain('Rosa');
    const token = setPasswordLink(mail).searchParams.get('token');
    expect((await anonymous(t.app).post('/api/auth/password-reset/confirm', { token, password: 'vendor own password' })).statusCode).toBe(
      204,
    );
    const guest = await signIn(t.app, 'rosa.reyes@vendor.test', 'vendor own password');
    const session = await guest.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().user.abilities.manageInitiatives).toBe(false);
    const listed = (await hr.get(`/api/initiatives/${initiativeId}/guests`)).json().items;
    expect(listed).toMatchObject([{ givenName: 'Rosa', accepted: true, state: 'active' }]);
  });

  it('refuses a last day in the past or beyond the longest run, naming expiresOn, and an e-mail already in the district', async () => {
    const body = { givenName: 'A', familyName: 'B', email: 'a.b@vendor.test' };
    const past = await hr.post(`/api/initiatives/${initiativeId}/guests`, { ...body, expiresOn: addDays(today, -1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].path).toBe('expiresOn');
    const long = await hr.post(`/api/initiatives/${initiativeId}/guests`, {
      ...body,
      expiresOn: addDays(today, INITIATIVE_LIMITS.guestMaxDays + 1),
    });
    expect(long.json().error.details[0].path).toBe('expiresOn');
    const taken = await hr.post(`/api/initiatives/${initiativeId}/guests`, {
      ...body,
      email: w.teacher.email,
      expiresOn: addDays(today, 5),
    });
    expect(taken.statusCode).toBe(409);
    expect((await hr.get(`/api/initiatives/${initiativeId}/guests`)).json().items.map((g: { email: string }) => g.email)).not.toContain(
      'a.b@vendor.test',
    );
  });
});

describe('the guest gate', () => {
  let guest: Client;
  let guestUserId: string;
  let guestPersonId: string;
  beforeAll(async () => {
    const built = await buildGuest(t.database.db, hr, initiativeId, addDays(today, 30));
    guest = await signIn(t.app, built.email);
    guestUserId = (await guest.get('/api/auth/session')).json().user.id;
    guestPersonId = built.personId;
  });

  it('reaches its own initiative and account, and gets 404 everywhere else', async () => {
    expect((await guest.get(`/api/initiatives/${initiativeId}`)).statusCode).toBe(200);
    // The web builds the guest's menu from this: its initiative and its account, nothing else.
    expect((await guest.get('/api/me')).json().guest).toEqual({ initiativeId });
    expect((await hr.get('/api/me')).json().guest).toBeNull();
    expect((await guest.get('/api/sessions')).statusCode).toBe(200);
    for (const url of [
      `/api/initiatives/${otherInitiativeId}`,
      `/api/initiatives/${initiativeId}/guests`,
      `/api/people/${w.teacher.personId}`,
      '/api/people',
      '/api/observations',
      '/api/coaching/caseload',
      '/api/performance/plans',
      '/api/performance/cycles',
      '/api/org-units',
      '/api/frameworks',
      '/api/tracker',
      `/api/framework-versions/${w.other.versionId}`,
      `/api/rubrics/${w.otherRubric.id}`,
    ]) {
      expect((await guest.get(url)).statusCode, url).toBe(404);
    }
    expect((await guest.post('/api/observations', {})).statusCode).toBe(404);
    expect((await guest.post('/api/sessions/end-district')).statusCode).toBe(404);
  });

  it('edits the draft fidelity tool of its profile framework, audited under its own account', async () => {
    expect((await guest.get(`/api/framework-versions/${w.draft.versionId}`)).statusCode).toBe(200);
    const grid = await guest.get(`/api/rubrics/${w.toolV2.id}`);
    expect(grid.statusCode).toBe(200);
    expect(grid.json().abilities.edit).toBe(true);
    const added = await guest.post(`/api/rubrics/${w.toolV2.id}/criteria`, { itemIds: [w.draft.items[0]!.id] });
    expect(added.statusCode, added.body).toBe(200);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, guestUserId), eq(auditLog.action, 'rubric_criterion.create')));
    expect(audit).toHaveLength(1);
    // The published version 1 reads but does not change; items of the profile stay HR's.
    expect((await guest.get(`/api/rubrics/${w.toolV1.id}`)).json().abilities.edit).toBe(false);
    expect((await guest.post(`/api/framework-versions/${w.draft.versionId}/items`, { fullStatement: 'x' })).statusCode).toBe(404);
  });

  it('never shows in the directory', async () => {
    const people = (await hr.get('/api/people?limit=200')).json().items.map((p: { id: string }) => p.id);
    expect(people).toContain(w.teacher.personId);
    expect(people).not.toContain(guestPersonId);
    const search = (await hr.get('/api/people?q=vendor')).json();
    expect(search.total).toBe(0);
  });
});

describe('the end of a guest account', () => {
  it('an expired guest cannot sign in, and a session it held ends', async () => {
    const built = await buildGuest(t.database.db, hr, initiativeId, addDays(today, 3));
    const session = await signIn(t.app, built.email);
    await t.database.db
      .update(initiativeGuests)
      .set({ expiresOn: addDays(today, -1) })
      .where(eq(initiativeGuests.id, built.id));
    expect((await session.get(`/api/initiatives/${initiativeId}`)).statusCode).toBe(401);
    expect(await signInStatus(built.email)).toBe(401);
    const listed = (await hr.get(`/api/initiatives/${initiativeId}/guests`)).json().items.find((g: { id: string }) => g.id === built.id);
    expect(listed.state).toBe('expired');
  });

  it('revoking ends the sessions at once and refuses sign-in; a stale version is 409; it is audited', async () => {
    const built = await buildGuest(t.database.db, hr, initiativeId, addDays(today, 30));
    const session = await signIn(t.app, built.email);
    expect((await hr.post(`/api/initiatives/${initiativeId}/guests/${built.id}/revoke`, { version: 99 })).statusCode).toBe(409);
    const revoked = await hr.post(`/api/initiatives/${initiativeId}/guests/${built.id}/revoke`, { version: built.version });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'revoked' });
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    expect(await signInStatus(built.email)).toBe(401);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, built.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['initiative_guest.invite', 'initiative_guest.revoke']);
  });
});

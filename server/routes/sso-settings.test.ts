import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outboxEmails, ssoProviders } from '../db/schema/index.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { startTestProvider, type TestProvider } from '../test/oidc-provider.ts';
import { secondStepAfterSso, ssoSignIn, ssoSignInWithCode } from '../test/sso-flow.ts';

const t = useTestApp({ PUBLIC_URL: 'http://trellis.test' });

let idp: TestProvider;
beforeAll(async () => {
  idp = await startTestProvider({ redirectUris: ['http://trellis.test/api/auth/sso/callback'] });
});
afterAll(async () => idp?.close());

const providerInput = (fields: Record<string, unknown> = {}) => ({
  kind: 'custom',
  displayName: 'District IdP',
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  scopes: 'email profile',
  matchBy: 'email',
  claim: 'email',
  allowedDomains: [],
  tenantClaim: null,
  tenantValue: null,
  ...fields,
});

async function districtWithAdmin() {
  const district = await buildDistrict(t.database.db);
  const admin = await buildUser(t.database.db, district.id, 'district_admin');
  return { district, admin, client: await signIn(t.app, admin.email) };
}

describe('SSO settings: who may', () => {
  it('answers 401 signed out, 403 to HR and staff, 404 for another district’s provider', async () => {
    const { district, client } = await districtWithAdmin();
    const created = await client.post('/api/sso/providers', providerInput());
    expect(created.statusCode).toBe(201);
    expect((await anonymous(t.app).get('/api/sso')).statusCode).toBe(401);
    for (const access of ['hr', 'staff', 'school_leader'] as const) {
      const user = await buildUser(t.database.db, district.id, access);
      const other = await signIn(t.app, user.email);
      expect((await other.get('/api/sso')).statusCode).toBe(403);
      expect((await other.post('/api/sso/providers', providerInput())).statusCode).toBe(403);
      expect((await other.post('/api/sso/discovery-test', { issuer: idp.issuer })).statusCode).toBe(403);
    }
    const foreign = await districtWithAdmin();
    const res = await foreign.client.patch(`/api/sso/providers/${created.json().id}`, { version: 1, displayName: 'Mine now' });
    expect(res.statusCode).toBe(404);
  });
});

describe('SSO settings: the client secret', () => {
  it('is never returned, never audited and not stored in plain text', async () => {
    const { district, client } = await districtWithAdmin();
    const secret = 'super-secret-value-42';
    const created = await client.post('/api/sso/providers', providerInput({ clientSecret: secret }));
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain(secret);
    expect(created.json()).toMatchObject({ hasClientSecret: true, scopes: 'openid email profile' });
    const id = created.json().id as string;
    const renamed = await client.patch(`/api/sso/providers/${id}`, { version: 1, displayName: 'Renamed', clientSecret: `${secret}-2` });
    expect(renamed.statusCode).toBe(200);
    const overview = await client.get('/api/sso');
    expect(overview.body).not.toContain(secret);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, district.id), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(['sso_provider.create', 'sso_provider.update']);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(audit[1]!.after).toMatchObject({ displayName: 'Renamed', clientSecretReplaced: true });
    const [row] = await t.database.db.select().from(ssoProviders).where(eq(ssoProviders.id, id));
    expect(row!.clientSecretEncrypted).not.toContain(secret);
    expect(row!.clientSecretEncrypted).toMatch(/^v1\./);
  });

  it('keeps the stored secret when an edit does not give one (sign-in still works)', async () => {
    const { client, admin } = await districtWithAdmin();
    const id = (await client.post('/api/sso/providers', providerInput())).json().id as string;
    expect((await client.patch(`/api/sso/providers/${id}`, { version: 1, displayName: 'Edited' })).statusCode).toBe(200);
    // The provider still takes the secret: the admin goes on to Trellis's code step.
    const { callback } = await ssoSignIn(t.app, idp, id, admin.email);
    expect((await secondStepAfterSso(t.app, callback!)).json().secondFactor.step).toBe('verify');
  });

  it('refuses a plain-http issuer on another machine', async () => {
    const { client } = await districtWithAdmin();
    const res = await client.post('/api/sso/providers', providerInput({ issuer: 'http://idp.example.org' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'issuer', message: 'insecure' }]);
  });
});

describe('SSO settings: test connection', () => {
  it('reports a working issuer and, for broken ones, what is wrong', async () => {
    const { client } = await districtWithAdmin();
    const ok = await client.post('/api/sso/discovery-test', { issuer: idp.issuer });
    expect(ok.json()).toMatchObject({ ok: true, problem: null, authorizationEndpoint: `${idp.issuer}/auth` });
    const cases: [string, string][] = [
      [`${idp.issuer}/tenant-typo`, 'not_found'],
      [idp.issuer.replace('127.0.0.1', 'localhost'), 'issuer_mismatch'],
      ['http://127.0.0.1:9', 'unreachable'],
      ['http://idp.example.org', 'insecure'],
    ];
    for (const [issuer, problem] of cases) {
      const res = await client.post('/api/sso/discovery-test', { issuer });
      expect(res.statusCode).toBe(200);
      expect(res.json(), issuer).toMatchObject({ ok: false, problem });
    }
  });
});

describe('password sign-in turned off for a district', () => {
  let district: Awaited<ReturnType<typeof buildDistrict>>;
  let admin: Awaited<ReturnType<typeof buildUser>>;
  let passwordAdmin: Client;
  let providerId: string;

  beforeAll(async () => {
    ({ district, admin, client: passwordAdmin } = await districtWithAdmin());
    providerId = (await passwordAdmin.post('/api/sso/providers', providerInput())).json().id;
  });

  const turnOff = (client: Client, version: number) => client.request('PUT', '/api/sso/settings', { version, passwordSignIn: false });

  it('cannot be turned off without an enabled provider', async () => {
    const empty = await districtWithAdmin();
    const res = await turnOff(empty.client, 1);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ reason: 'no_provider' });
  });

  it('cannot be turned off from a password session: the admin signs in with SSO first', async () => {
    const overview = (await passwordAdmin.get('/api/sso')).json();
    expect(overview.abilities).toEqual({ turnPasswordsOff: false, turnPasswordsOffBlockedBy: 'sign_in_with_sso_first', endSessions: true });
    const res = await turnOff(passwordAdmin, 1);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ reason: 'sign_in_with_sso_first' });
  });

  it('turns off from an SSO session; then staff are refused the password form and reset, admins keep both', async () => {
    // A single-factor provider sign-in, then Trellis's code: still a session opened through SSO.
    const ssoAdmin = await ssoSignInWithCode(t.app, idp, providerId, admin.email);
    expect((await ssoAdmin.get('/api/sso')).json().abilities.turnPasswordsOff).toBe(true);
    const res = await turnOff(ssoAdmin, 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ passwordSignIn: false, settingsVersion: 2 });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, district.id), eq(auditLog.action, 'sign_in_settings.update')));
    expect(audit).toMatchObject({ actorUserId: admin.id, before: { passwordSignIn: true }, after: { passwordSignIn: false } });

    const teacher = await buildUser(t.database.db, district.id, 'staff');
    const refused = await anonymous(t.app).post('/api/auth/sign-in', { email: teacher.email, password: 'correct horse battery staple' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toEqual({ reason: 'sso_required', district: district.slug });
    // A wrong password answers as always: nothing tells whether the account exists.
    const wrong = await anonymous(t.app).post('/api/auth/sign-in', { email: teacher.email, password: 'not the password' });
    expect(wrong.statusCode).toBe(401);

    expect((await anonymous(t.app).post('/api/auth/password-reset/request', { email: teacher.email })).statusCode).toBe(202);
    await t.app.background.settled(); // the request's work runs after its answer
    expect(await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, teacher.email))).toEqual([]);

    // Break-glass: the district admin still signs in and resets with a password.
    await signIn(t.app, admin.email);
    expect((await anonymous(t.app).post('/api/auth/password-reset/request', { email: admin.email })).statusCode).toBe(202);
    await t.app.background.settled();
    expect(await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, admin.email))).toHaveLength(1);
    // Another district is not affected.
    const elsewhere = await districtWithAdmin();
    const otherTeacher = await buildUser(t.database.db, elsewhere.district.id, 'staff');
    await signIn(t.app, otherTeacher.email);
  });

  it('keeps the last enabled provider while passwords are off', async () => {
    const res = await passwordAdmin.patch(`/api/sso/providers/${providerId}`, { version: 1, enabled: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ reason: 'last_provider' });
  });
});

describe('sign-in page options', () => {
  it('lists a district’s enabled providers by slug, or by an e-mail domain one district claims', async () => {
    const { district, client } = await districtWithAdmin();
    const domain = `d${district.id.slice(0, 8)}.example`;
    await client.post('/api/sso/providers', providerInput({ displayName: 'Google', kind: 'google', allowedDomains: [domain] }));
    await client.post('/api/sso/providers', providerInput({ displayName: 'Hidden', enabled: false }));
    const bySlug = await anonymous(t.app).get(`/api/auth/sso/options?district=${district.slug}`);
    expect(bySlug.json()).toMatchObject({ district: { slug: district.slug, name: district.name }, passwordSignIn: true });
    expect(bySlug.json().providers.map((p: { displayName: string }) => p.displayName)).toEqual(['Google']);
    const byDomain = await anonymous(t.app).get(`/api/auth/sso/options?domain=${domain.toUpperCase()}`);
    expect(byDomain.json().district.slug).toBe(district.slug);
    expect((await anonymous(t.app).get('/api/auth/sso/options?district=no-such-district')).statusCode).toBe(404);
    expect((await anonymous(t.app).get('/api/auth/sso/options?domain=unknown.example')).json()).toEqual({
      district: null,
      providers: [],
      passwordSignIn: true,
    });
    // A domain two districts list points to neither.
    const second = await districtWithAdmin();
    await second.client.post('/api/sso/providers', providerInput({ allowedDomains: [domain] }));
    expect((await anonymous(t.app).get(`/api/auth/sso/options?domain=${domain}`)).json().district).toBeNull();
  });
});

import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people, sessions, users } from '../db/schema/index.ts';
import { hashToken } from '../services/auth/tokens.ts';
import { buildDistrict, buildUser, enrolTestFactor } from '../test/factories.ts';
import { signIn, useTestApp } from '../test/harness.ts';
import { startTestProvider, type TestProvider } from '../test/oidc-provider.ts';
import { clientFromCallback, secondStepAfterSso, SSO_SECOND_FACTOR_COOKIE, ssoSignIn, ssoSignInWithCode } from '../test/sso-flow.ts';
import { nextTotpCode } from '../test/totp.ts';
import { confirmEnrolment, enrolmentFor } from '../test/fixtures/mfa.ts';

const t = useTestApp({ PUBLIC_URL: 'http://trellis.test' });
const REDIRECT = 'http://trellis.test/api/auth/sso/callback';

let idp: TestProvider;
let userinfoIdp: TestProvider;
let district: Awaited<ReturnType<typeof buildDistrict>>;
let other: Awaited<ReturnType<typeof buildDistrict>>;
let providerId: string;

const refusal = (res: { statusCode: number; headers: Record<string, unknown> }) => {
  expect(res.statusCode).toBe(302);
  return new URL(res.headers.location as string, 'http://trellis.test');
};
const noSession = (res: { cookies: { name: string }[] }) => expect(res.cookies.some((c) => c.name === 'trellis_session')).toBe(false);

async function lastAudit(action: string, districtId = district.id) {
  const [row] = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.districtId, districtId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.at))
    .limit(1);
  return row;
}

async function addProvider(admin: Awaited<ReturnType<typeof signIn>>, provider: TestProvider, fields: Record<string, unknown> = {}) {
  const res = await admin.post('/api/sso/providers', {
    kind: 'custom',
    displayName: 'District IdP',
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    scopes: 'openid email profile',
    matchBy: 'email',
    claim: 'email',
    allowedDomains: [],
    tenantClaim: null,
    tenantValue: null,
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  idp = await startTestProvider({ redirectUris: [REDIRECT] });
  userinfoIdp = await startTestProvider({ redirectUris: [REDIRECT], claimsInIdToken: false });
  district = await buildDistrict(t.database.db, 'SSO District');
  other = await buildDistrict(t.database.db, 'Other District');
  const admin = await buildUser(t.database.db, district.id, 'district_admin');
  providerId = await addProvider(await signIn(t.app, admin.email), idp);
});
afterAll(async () => {
  await idp?.close();
  await userinfoIdp?.close();
});

describe('SSO sign-in through a real OpenID provider', () => {
  it('signs an existing person in, opens an sso session and lands on the page asked for', async () => {
    const teacher = await buildUser(t.database.db, district.id, 'staff');
    const { start, callback } = await ssoSignIn(t.app, idp, providerId, teacher.email, { next: '/people' });
    const authUrl = new URL(start.headers.location as string);
    // What the provider was asked for: PKCE (S256), a state and a nonce, our redirect URI.
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('state')).toBeTruthy();
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();
    expect(authUrl.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(callback!.statusCode).toBe(302);
    expect(callback!.headers.location).toBe('/people');
    const client = await clientFromCallback(t.app, callback!);
    const me = await client.get('/api/auth/session');
    expect(me.json().user.email).toBe(teacher.email);
    const token = callback!.cookies.find((c) => c.name === 'trellis_session')!.value;
    const [session] = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashToken(token)));
    expect(session!.authMethod).toBe('sso');
    // The provider said nothing of a second factor: a single-factor session (staff need no more).
    expect(session!.mfaVerifiedAt).toBeNull();
    const audit = await lastAudit('auth.sso_sign_in');
    expect(audit).toMatchObject({ actorUserId: teacher.id, entityId: teacher.id });
  });

  it('never sends the browser off the app after signing in', async () => {
    const teacher = await buildUser(t.database.db, district.id, 'staff');
    const { callback } = await ssoSignIn(t.app, idp, providerId, teacher.email, { next: '//evil.example/x' });
    expect(callback!.headers.location).toBe('/');
  });

  it('refuses a callback whose state was tampered with', async () => {
    const teacher = await buildUser(t.database.db, district.id, 'staff');
    const { callback } = await ssoSignIn(t.app, idp, providerId, teacher.email, {
      tamper: { callback: (url) => url.searchParams.set('state', 'forged-state') },
    });
    const page = refusal(callback!);
    expect(page.pathname).toBe('/sign-in/refused');
    expect(page.searchParams.get('reason')).toBe('failed');
    expect(page.searchParams.get('district')).toBe(district.slug);
    noSession(callback!);
    expect((await lastAudit('auth.sso_refused'))!.after).toMatchObject({ reason: 'failed' });
  });

  it('refuses an ID token carrying another nonce than the one Trellis sent', async () => {
    const teacher = await buildUser(t.database.db, district.id, 'staff');
    const { callback } = await ssoSignIn(t.app, idp, providerId, teacher.email, {
      tamper: { authUrl: (url) => url.searchParams.set('nonce', 'someone-elses-nonce') },
    });
    expect(refusal(callback!).searchParams.get('reason')).toBe('failed');
    noSession(callback!);
  });

  it('refuses a code issued for another PKCE challenge', async () => {
    const teacher = await buildUser(t.database.db, district.id, 'staff');
    const { callback } = await ssoSignIn(t.app, idp, providerId, teacher.email, {
      tamper: { authUrl: (url) => url.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM') },
    });
    expect(refusal(callback!).searchParams.get('reason')).toBe('failed');
    noSession(callback!);
  });

  it('refuses a callback that arrives without the sign-in it belongs to (another browser)', async () => {
    const teacher = await buildUser(t.database.db, district.id, 'staff');
    const { callback } = await ssoSignIn(t.app, idp, providerId, teacher.email, { tamper: { dropFlowCookie: true } });
    expect(refusal(callback!).searchParams.get('reason')).toBe('expired');
    noSession(callback!);
  });

  it('refuses an unknown person, creates no account and audits the refusal', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(users);
    const { callback } = await ssoSignIn(t.app, idp, providerId, 'nobody@sso-district.test');
    const page = refusal(callback!);
    expect(page.searchParams.get('reason')).toBe('no_account');
    noSession(callback!);
    const [after] = await t.database.db.select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);
    expect((await lastAudit('auth.sso_refused'))!.after).toMatchObject({
      reason: 'no_account',
      value: 'nobody@sso-district.test',
      detail: 'unknown',
    });
  });

  it('refuses a person of another district, even with the same provider', async () => {
    const outsider = await buildUser(t.database.db, other.id, 'district_admin');
    const { callback } = await ssoSignIn(t.app, idp, providerId, outsider.email);
    expect(refusal(callback!).searchParams.get('reason')).toBe('no_account');
    noSession(callback!);
  });

  it('refuses a deactivated person (account or person)', async () => {
    const left = await buildUser(t.database.db, district.id, 'staff');
    await t.database.db.update(people).set({ active: false }).where(eq(people.id, left.personId));
    const { callback } = await ssoSignIn(t.app, idp, providerId, left.email);
    expect(refusal(callback!).searchParams.get('reason')).toBe('no_account');
    expect((await lastAudit('auth.sso_refused'))!.after).toMatchObject({ detail: 'deactivated', userId: left.id });
    const closed = await buildUser(t.database.db, district.id, 'staff');
    await t.database.db.update(users).set({ active: false }).where(eq(users.id, closed.id));
    const second = await ssoSignIn(t.app, idp, providerId, closed.email);
    expect(refusal(second.callback!).searchParams.get('reason')).toBe('no_account');
  });

  it('refuses a disabled provider before leaving for it', async () => {
    const admin = await buildUser(t.database.db, district.id, 'district_admin');
    const client = await signIn(t.app, admin.email);
    const id = await addProvider(client, idp, { displayName: 'Spare', enabled: false });
    const start = await t.app.inject({ method: 'GET', url: `/api/auth/sso/start/${id}` });
    expect(refusal(start).searchParams.get('reason')).toBe('unavailable');
  });
});

describe('matching rules', () => {
  it("matches a staff identifier claim against the person's roster identifier (claims from userinfo)", async () => {
    const admin = await buildUser(t.database.db, district.id, 'district_admin');
    const id = await addProvider(await signIn(t.app, admin.email), userinfoIdp, {
      matchBy: 'identifier',
      claim: 'employee_id',
      displayName: 'Staff IdP',
    });
    const teacher = await buildUser(t.database.db, district.id, 'staff');
    await t.database.db.update(people).set({ identifier: 'E-4711' }).where(eq(people.id, teacher.personId));
    userinfoIdp.setClaims('someone.else@idp.test', { employee_id: 'E-4711' });
    const { callback } = await ssoSignIn(t.app, userinfoIdp, id, 'someone.else@idp.test');
    expect(callback!.headers.location).toBe('/');
    const me = await (await clientFromCallback(t.app, callback!)).get('/api/auth/session');
    expect(me.json().user.id).toBe(teacher.id);
    // Without the claim there is nobody to match.
    const { callback: none } = await ssoSignIn(t.app, userinfoIdp, id, 'no-claim@idp.test');
    expect(refusal(none!).searchParams.get('reason')).toBe('missing_claim');
  });

  it('refuses e-mails outside the allowed domains, unverified e-mails and another tenant', async () => {
    const admin = await buildUser(t.database.db, district.id, 'district_admin');
    const client = await signIn(t.app, admin.email);
    const teacher = await buildUser(t.database.db, district.id, 'staff'); // @example.test
    const domains = await addProvider(client, idp, { allowedDomains: ['district.example'], displayName: 'Domains' });
    expect(refusal((await ssoSignIn(t.app, idp, domains, teacher.email)).callback!).searchParams.get('reason')).toBe('domain_not_allowed');

    const tenant = await addProvider(client, idp, { tenantClaim: 'hd', tenantValue: 'example.test', displayName: 'Tenant' });
    idp.setClaims(teacher.email, { hd: 'personal.example' });
    expect(refusal((await ssoSignIn(t.app, idp, tenant, teacher.email)).callback!).searchParams.get('reason')).toBe('wrong_tenant');
    idp.setClaims(teacher.email, { hd: 'example.test', email_verified: false });
    expect(refusal((await ssoSignIn(t.app, idp, tenant, teacher.email)).callback!).searchParams.get('reason')).toBe('email_unverified');
    idp.setClaims(teacher.email, { hd: 'example.test' });
    expect((await ssoSignIn(t.app, idp, tenant, teacher.email)).callback!.headers.location).toBe('/');
  });
});

/** The session row behind a client's cookie. */
async function sessionOf(cookie: string) {
  const [row] = await t.database.db
    .select()
    .from(sessions)
    .where(eq(sessions.id, hashToken(cookie.replace('trellis_session=', ''))));
  return row!;
}

describe("the provider's multi-factor sign-in counts only when it happened (ASVS V6.8.4)", () => {
  it('opens a two-factor session at once when the ID token names a second factor (amr)', async () => {
    for (const amr of [['pwd', 'otp'], ['mfa'], ['hwk', 'pin']]) {
      const hr = await buildUser(t.database.db, district.id, 'hr');
      idp.setAmr(hr.email, amr);
      const { callback } = await ssoSignIn(t.app, idp, providerId, hr.email, { next: '/people' });
      expect(callback!.headers.location, amr.join(' ')).toBe('/people');
      const client = await clientFromCallback(t.app, callback!);
      expect((await client.get('/api/auth/session')).json().user).toMatchObject({
        adminGrant: 'hr',
        secondFactor: { required: true, satisfied: true },
      });
      const session = await sessionOf(client.cookie!);
      expect(session).toMatchObject({ authMethod: 'sso', mfaVerifiedAt: expect.any(Date) });
      expect((await lastAudit('auth.sso_sign_in'))!.after).toMatchObject({ amr, multiFactor: 'amr' });
    }
  });

  it('asks HR for a code after a single-factor provider sign-in, and opens the session only then', async () => {
    for (const amr of [['pwd'], null, ['otp'], ['hwk', 'user']]) {
      const hr = await buildUser(t.database.db, district.id, 'hr');
      idp.setAmr(hr.email, amr);
      const { callback } = await ssoSignIn(t.app, idp, providerId, hr.email, { next: '/people' });
      // Back to Trellis's sign-in page for the code, with no session yet.
      const page = refusal(callback!);
      expect(page.pathname, String(amr)).toBe('/sign-in');
      expect(page.searchParams.get('step')).toBe('second-factor');
      expect(page.searchParams.get('next')).toBe('/people');
      noSession(callback!);
      const handOff = callback!.cookies.find((c) => c.name === SSO_SECOND_FACTOR_COOKIE)!;
      expect(handOff).toMatchObject({ httpOnly: true, path: '/api/auth/sso', sameSite: 'Lax' });
      expect((await lastAudit('auth.sso_second_factor'))!.after).toMatchObject({ amr, multiFactor: null, next: 'verify' });

      const step = await secondStepAfterSso(t.app, callback!);
      expect(step.statusCode, step.body).toBe(200);
      const { challenge } = step.json().secondFactor;
      expect(step.json().secondFactor.step).toBe('verify');
      // The hand-off works once.
      expect(step.cookies.find((c) => c.name === SSO_SECOND_FACTOR_COOKIE)?.value).toBe('');
      const verified = await t.app.inject({
        method: 'POST',
        url: '/api/auth/mfa/verify',
        payload: { challenge, method: 'totp', code: await nextTotpCode(hr.email) },
      });
      expect(verified.statusCode, verified.body).toBe(200);
      expect(verified.json().user).toMatchObject({ adminGrant: 'hr', secondFactor: { satisfied: true } });
      const token = verified.cookies.find((c) => c.name === 'trellis_session')!.value;
      // Still a single sign-on session (it may turn passwords off), now with its second factor.
      expect(await sessionOf(token)).toMatchObject({ authMethod: 'sso', mfaVerifiedAt: expect.any(Date) });
    }
  });

  it('hands the step over only once, and only with its cookie', async () => {
    const hr = await buildUser(t.database.db, district.id, 'hr');
    const { callback } = await ssoSignIn(t.app, idp, providerId, hr.email);
    expect((await secondStepAfterSso(t.app, callback!)).statusCode).toBe(200);
    const again = await secondStepAfterSso(t.app, callback!);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ reason: 'challenge_expired' });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sso/second-factor' })).statusCode).toBe(409);
  });

  it('sends a district admin without an authenticator to set one up after the provider', async () => {
    const admin = await buildUser(t.database.db, district.id, 'district_admin', { withoutFactor: true });
    const { callback } = await ssoSignIn(t.app, idp, providerId, admin.email);
    noSession(callback!);
    const step = await secondStepAfterSso(t.app, callback!);
    expect(step.json().secondFactor.step).toBe('enroll');
    const { challenge } = step.json().secondFactor;
    const { secret } = await enrolmentFor(t.app, challenge);
    const confirmed = await confirmEnrolment(t.app, challenge, await nextTotpCode(admin.email, secret));
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().user).toMatchObject({ adminGrant: 'district_admin', secondFactor: { satisfied: true } });
    const token = confirmed.cookies.find((c) => c.name === 'trellis_session')!.value;
    expect(await sessionOf(token)).toMatchObject({ authMethod: 'sso', mfaVerifiedAt: expect.any(Date) });
  });

  it('asks staff who turned two-factor sign-in on for their code too, as after a password', async () => {
    const teacher = await buildUser(t.database.db, district.id, 'staff');
    await enrolTestFactor(t.database.db, teacher);
    const client = await ssoSignInWithCode(t.app, idp, providerId, teacher.email);
    expect(await sessionOf(client.cookie!)).toMatchObject({ authMethod: 'sso', mfaVerifiedAt: expect.any(Date) });
  });

  it('counts a provider the admin marked as enforcing multi-factor sign-in (audited)', async () => {
    const admin = await buildUser(t.database.db, district.id, 'district_admin');
    const adminClient = await signIn(t.app, admin.email);
    const attested = await addProvider(adminClient, idp, { displayName: 'Attested IdP', enforcesMfa: true });
    expect((await lastAudit('sso_provider.create'))!.after).toMatchObject({ displayName: 'Attested IdP', enforcesMfa: true });
    const hr = await buildUser(t.database.db, district.id, 'hr');
    idp.setAmr(hr.email, ['pwd']);
    const { callback } = await ssoSignIn(t.app, idp, attested, hr.email);
    expect(callback!.headers.location).toBe('/');
    const client = await clientFromCallback(t.app, callback!);
    expect((await client.get('/api/auth/session')).json().user).toMatchObject({ adminGrant: 'hr', secondFactor: { satisfied: true } });
    expect((await lastAudit('auth.sso_sign_in'))!.after).toMatchObject({ multiFactor: 'attested' });

    // Unticked again: the same person gets Trellis's code step.
    const res = await adminClient.patch(`/api/sso/providers/${attested}`, { version: 1, enforcesMfa: false });
    expect(res.json()).toMatchObject({ enforcesMfa: false, version: 2 });
    expect(await lastAudit('sso_provider.update')).toMatchObject({ before: { enforcesMfa: true }, after: { enforcesMfa: false } });
    const again = await ssoSignIn(t.app, idp, attested, hr.email);
    noSession(again.callback!);
    expect((await secondStepAfterSso(t.app, again.callback!)).json().secondFactor.step).toBe('verify');
  });

  it('asks everyone for a second factor after a single-factor provider sign-in when the district requires it of everyone', async () => {
    const strict = await buildDistrict(t.database.db, 'Strict District');
    const admin = await buildUser(t.database.db, strict.id, 'district_admin');
    const adminClient = await signIn(t.app, admin.email);
    const strictIdp = await addProvider(adminClient, idp, { displayName: 'Strict IdP' });
    const { settingsVersion } = (await adminClient.get('/api/sso')).json();
    expect((await adminClient.request('PUT', '/api/sso/settings', { version: settingsVersion, requireTwoFactor: true })).statusCode).toBe(
      200,
    );

    const teacher = await buildUser(t.database.db, strict.id, 'staff');
    idp.setAmr(teacher.email, ['pwd']);
    const { callback } = await ssoSignIn(t.app, idp, strictIdp, teacher.email);
    noSession(callback!);
    expect((await secondStepAfterSso(t.app, callback!)).json().secondFactor.step).toBe('enroll');
    // The provider's own second factor is enough.
    idp.setAmr(teacher.email, ['pwd', 'otp']);
    const second = await ssoSignIn(t.app, idp, strictIdp, teacher.email);
    const client = await clientFromCallback(t.app, second.callback!);
    expect(await sessionOf(client.cookie!)).toMatchObject({ authMethod: 'sso', mfaVerifiedAt: expect.any(Date) });
  });
});

/**
 * Permission matrix: forced enrolment at sign-in is open to whoever holds an `enroll` challenge
 * from a right password (409 without one); the account-page routes (/api/me/two-factor) -> 401
 * signed out and only ever touch the caller's own factor.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, mfaFactors, mfaRecoveryCodes, outboxEmails, sessions } from '../db/schema/index.ts';
import { openSecret } from '../services/auth/mfa/secret-box.ts';
import { buildDistrict, buildUser, TEST_PASSWORD } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { nextTotpCode, TEST_MFA_KEY } from '../test/totp.ts';
import { challengeFor, clientFrom, codeStep, confirmEnrolment, enrolmentFor, passwordStep } from '../test/fixtures/mfa.ts';

const t = useTestApp();
const db = () => t.database.db;

/** Sets up an authenticator from the account page; returns its secret and recovery codes. */
async function enrolFromAccount(client: Client, email: string) {
  const started = await client.post('/api/me/two-factor/enrollment', { method: 'password', password: TEST_PASSWORD });
  expect(started.statusCode).toBe(200);
  const secret = started.json().secret.replace(/\s/g, '');
  const confirmed = await client.post('/api/me/two-factor/enrollment/confirm', {
    challenge: started.json().challenge,
    code: await nextTotpCode(email, secret),
  });
  expect(confirmed.statusCode).toBe(200);
  return { secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

describe('forced enrolment at sign-in', () => {
  it('makes HR without a factor set one up before any session opens; the codes are shown once', async () => {
    const d = await buildDistrict(db());
    const hr = await buildUser(db(), d.id, 'hr', { withoutFactor: true });
    const { challenge, step } = await challengeFor(t.app, hr.email);
    expect(step).toBe('enroll');
    // Nothing opens with the password alone, nor with a code step before enrolling.
    expect((await codeStep(t.app, challenge, '123456')).statusCode).toBe(409);
    const details = await enrolmentFor(t.app, challenge);
    expect(details.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(details.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Trellis:.*secret=/);
    expect(details.secret).toMatch(/^[A-Z2-7]{32}$/);
    // Showing the page again shows the same secret (the app may already have it).
    expect((await enrolmentFor(t.app, challenge)).secret).toBe(details.secret);
    expect((await confirmEnrolment(t.app, challenge, '000000')).statusCode).toBe(401);
    expect(await db().select().from(sessions).where(eq(sessions.userId, hr.id))).toEqual([]);

    const done = await confirmEnrolment(t.app, challenge, await nextTotpCode(hr.email, details.secret));
    expect(done.statusCode).toBe(200);
    const codes: string[] = done.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    const client = clientFrom(t.app, done);
    expect((await client.get('/api/auth/session')).json().user.abilities.managePeople).toBe(true);

    // Stored: the secret sealed (not readable from the database alone), codes only as hashes.
    const [factor] = await db().select().from(mfaFactors).where(eq(mfaFactors.userId, hr.id));
    expect(factor!.secretEncrypted).not.toContain(details.secret);
    expect(openSecret(Buffer.from(TEST_MFA_KEY, 'base64'), hr.id, factor!.secretEncrypted)).toBe(details.secret);
    expect(() => openSecret(Buffer.alloc(32, 1), hr.id, factor!.secretEncrypted)).toThrow();
    const stored = await db().select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, hr.id));
    expect(stored.map((r) => r.codeHash).some((h) => codes.includes(h) || codes.map((c) => c.replace('-', '')).includes(h))).toBe(false);
    // The person is told by e-mail; the enrolment is audited.
    const mails = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, hr.email));
    expect(mails.map((m) => m.subject)).toContain('Two-factor sign-in is on for your Trellis account');
    expect(
      await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, hr.id), eq(auditLog.action, 'user.mfa_enroll'))),
    ).toHaveLength(1);
    // From now on the password step asks for a code; the challenge is spent.
    expect((await challengeFor(t.app, hr.email)).step).toBe('verify');
    expect((await confirmEnrolment(t.app, challenge, await nextTotpCode(hr.email, details.secret))).statusCode).toBe(409);
  });

  it('signs in with a recovery code once; the user is told how many are left', async () => {
    const d = await buildDistrict(db());
    const hr = await buildUser(db(), d.id, 'hr', { withoutFactor: true });
    const { challenge } = await challengeFor(t.app, hr.email);
    const { secret } = await enrolmentFor(t.app, challenge);
    const codes: string[] = (await confirmEnrolment(t.app, challenge, await nextTotpCode(hr.email, secret))).json().recoveryCodes;

    // Typed loosely: upper case, spaces instead of the dash.
    const typed = codes[3]!.toUpperCase().replace('-', ' ');
    const used = await codeStep(t.app, (await challengeFor(t.app, hr.email)).challenge, typed, 'recovery');
    expect(used.statusCode).toBe(200);
    expect(used.json().recoveryCodesLeft).toBe(9);
    const again = await codeStep(t.app, (await challengeFor(t.app, hr.email)).challenge, codes[3]!, 'recovery');
    expect(again.statusCode).toBe(401);
    const mails = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, hr.email));
    expect(mails.find((m) => m.subject.startsWith('A recovery code was used'))!.body).toContain('9 unused recovery codes');
  });
});

describe('two-factor sign-in on the account page', () => {
  it('is optional for staff: set up with the password, then sign-in asks for a code; turned off with a code', async () => {
    const d = await buildDistrict(db());
    const teacher = await buildUser(db(), d.id, 'staff');
    const client = await signIn(t.app, teacher.email);
    expect((await client.get('/api/me/two-factor')).json()).toMatchObject({ enrolled: false, required: false });
    const wrong = await client.post('/api/me/two-factor/enrollment', { method: 'password', password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([{ path: 'password', message: 'wrong' }]);

    const { secret } = await enrolFromAccount(client, teacher.email);
    expect((await client.get('/api/me/two-factor')).json()).toMatchObject({
      enrolled: true,
      required: false,
      recoveryCodesLeft: 10,
      sessionVerified: true,
    });
    expect((await challengeFor(t.app, teacher.email)).step).toBe('verify');

    expect((await client.post('/api/me/two-factor/disable', { method: 'totp', code: '000000' })).statusCode).toBe(400);
    const off = await client.post('/api/me/two-factor/disable', { method: 'totp', code: await nextTotpCode(teacher.email, secret) });
    expect(off.statusCode).toBe(200);
    expect(off.json().enrolled).toBe(false);
    expect((await passwordStep(t.app, teacher.email)).json().secondFactor).toBeUndefined();
  });

  it('turns off with the password too, but never for someone whose grant requires it', async () => {
    const d = await buildDistrict(db());
    const teacher = await buildUser(db(), d.id, 'staff');
    const client = await signIn(t.app, teacher.email);
    await enrolFromAccount(client, teacher.email);
    expect((await client.post('/api/me/two-factor/disable', { method: 'password', password: TEST_PASSWORD })).statusCode).toBe(200);

    const hr = await buildUser(db(), d.id, 'hr');
    const hrClient = await signIn(t.app, hr.email);
    const refused = await hrClient.post('/api/me/two-factor/disable', { method: 'password', password: TEST_PASSWORD });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual({ reason: 'required' });
  });

  it('regenerates recovery codes: the new set works, the old one no longer does', async () => {
    const d = await buildDistrict(db());
    const teacher = await buildUser(db(), d.id, 'staff');
    const client = await signIn(t.app, teacher.email);
    const { secret, recoveryCodes: old } = await enrolFromAccount(client, teacher.email);
    const fresh = await client.post('/api/me/two-factor/recovery-codes', {
      method: 'totp',
      code: await nextTotpCode(teacher.email, secret),
    });
    expect(fresh.statusCode).toBe(200);
    const codes: string[] = fresh.json().recoveryCodes;
    expect(codes.filter((c) => old.includes(c))).toEqual([]);
    expect((await codeStep(t.app, (await challengeFor(t.app, teacher.email)).challenge, old[0]!, 'recovery')).statusCode).toBe(401);
    expect((await codeStep(t.app, (await challengeFor(t.app, teacher.email)).challenge, codes[0]!, 'recovery')).statusCode).toBe(200);
  });

  it('moves to a new authenticator app: the old one stops working', async () => {
    const d = await buildDistrict(db());
    const admin = await buildUser(db(), d.id, 'district_admin');
    const client = await signIn(t.app, admin.email);
    const { secret } = await enrolFromAccount(client, admin.email);
    expect(
      (await codeStep(t.app, (await challengeFor(t.app, admin.email)).challenge, await nextTotpCode(`${admin.email}-old`))).statusCode,
    ).toBe(401);
    expect(
      (await codeStep(t.app, (await challengeFor(t.app, admin.email)).challenge, await nextTotpCode(admin.email, secret))).statusCode,
    ).toBe(200);
  });

  it('needs a session', async () => {
    expect((await anonymous(t.app).get('/api/me/two-factor')).statusCode).toBe(401);
    expect((await anonymous(t.app).post('/api/me/two-factor/enrollment', { method: 'password', password: 'x' })).statusCode).toBe(401);
  });
});

describe('sessions without a second factor', () => {
  it('an HR grant given to a signed-in person gives nothing until that session passes a second factor', async () => {
    const d = await buildDistrict(db());
    const admin = await signIn(t.app, (await buildUser(db(), d.id, 'district_admin')).email);
    const teacher = await buildUser(db(), d.id, 'staff');
    const client = await signIn(t.app, teacher.email);
    expect((await admin.post(`/api/people/${teacher.personId}/admin-grant`, { adminGrant: 'hr' })).statusCode).toBe(200);

    const me = (await client.get('/api/auth/session')).json().user;
    expect(me.adminGrant).toBeNull();
    expect(me.abilities.managePeople).toBe(false);
    expect(me.secondFactor).toEqual({ required: true, satisfied: false });
    expect((await client.get('/api/people/' + (await buildUser(db(), d.id, 'staff')).personId)).statusCode).toBe(404);

    await enrolFromAccount(client, teacher.email);
    const after = (await client.get('/api/auth/session')).json().user;
    expect(after.adminGrant).toBe('hr');
    expect(after.abilities.managePeople).toBe(true);
  });

  it('a session from before the factor is verified with a code from the account page', async () => {
    const d = await buildDistrict(db());
    const hr = await buildUser(db(), d.id, 'hr');
    const client = await signIn(t.app, hr.email);
    // As a session opened before two-factor sign-in existed.
    await db().update(sessions).set({ mfaVerifiedAt: null }).where(eq(sessions.userId, hr.id));
    expect((await client.get('/api/auth/session')).json().user.abilities.managePeople).toBe(false);
    expect((await client.post('/api/me/two-factor/verify', { method: 'totp', code: '000000' })).statusCode).toBe(400);
    const verified = await client.post('/api/me/two-factor/verify', { method: 'totp', code: await nextTotpCode(hr.email) });
    expect(verified.json().sessionVerified).toBe(true);
    expect((await client.get('/api/auth/session')).json().user.abilities.managePeople).toBe(true);
  });

  it('does not count a single-sign-on session as two-factor unless its sign-in recorded one', async () => {
    const d = await buildDistrict(db());
    const hr = await buildUser(db(), d.id, 'hr');
    const client = await signIn(t.app, hr.email);
    // A session opened through SSO whose provider named no second factor (routes/sso.test.ts).
    await db().update(sessions).set({ mfaVerifiedAt: null, authMethod: 'sso' }).where(eq(sessions.userId, hr.id));
    expect((await client.get('/api/auth/session')).json().user).toMatchObject({
      adminGrant: null,
      secondFactor: { required: true, satisfied: false },
    });
    expect((await client.get('/api/me/two-factor')).json().sessionVerified).toBe(false);
    // The code from the account page gives it the grant, as for any other session.
    await client.post('/api/me/two-factor/verify', { method: 'totp', code: await nextTotpCode(hr.email) });
    expect((await client.get('/api/auth/session')).json().user).toMatchObject({ adminGrant: 'hr', secondFactor: { satisfied: true } });
  });
});

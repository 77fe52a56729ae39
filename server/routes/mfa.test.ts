/**
 * Permission matrix: the code step is open to whoever holds a live challenge from a right
 * password; no challenge (or an expired or spent one) -> 409; a wrong code -> 401; too many -> 429.
 * HR and district admins must pass a second factor before any session opens.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, mfaChallenges, mfaFactors, sessions, users } from '../db/schema/index.ts';
import { currentTotpStep, totpCode } from '../services/auth/mfa/totp.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { signIn, useTestApp } from '../test/harness.ts';
import { nextTotpCode, TEST_TOTP_SECRET } from '../test/totp.ts';
import { challengeFor, clientFrom, codeStep, passwordStep } from '../test/fixtures/mfa.ts';

const t = useTestApp();
const db = () => t.database.db;
const audits = (userId: string, action: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, action)));

describe('signing in with a second factor', () => {
  it("answers an admin's right password with a challenge, not a session; the code opens the session", async () => {
    const d = await buildDistrict(db());
    const admin = await buildUser(db(), d.id, 'district_admin');
    const res = await passwordStep(t.app, admin.email);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'trellis_session')).toBeUndefined();
    const { secondFactor } = res.json();
    expect(secondFactor.step).toBe('verify');
    expect(await db().select().from(sessions).where(eq(sessions.userId, admin.id))).toEqual([]);
    // The challenge is no session: as a cookie it opens nothing.
    const asCookie = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `trellis_session=${secondFactor.challenge}` },
    });
    expect(asCookie.statusCode).toBe(401);

    const opened = await codeStep(t.app, secondFactor.challenge, await nextTotpCode(admin.email));
    expect(opened.statusCode).toBe(200);
    const client = clientFrom(t.app, opened);
    const me = (await client.get('/api/auth/session')).json().user;
    expect(me.abilities.viewAudit).toBe(true);
    expect(me.secondFactor).toEqual({ required: true, satisfied: true });
    expect((await audits(admin.id, 'auth.sign_in'))[0]!.after).toEqual({ firstFactor: 'password', secondFactor: 'totp', ip: '127.0.0.1' });
  });

  it('accepts a code once: the same code does not open a second session', async () => {
    const d = await buildDistrict(db());
    const hr = await buildUser(db(), d.id, 'hr');
    const code = totpCode(TEST_TOTP_SECRET, currentTotpStep());
    expect((await codeStep(t.app, (await challengeFor(t.app, hr.email)).challenge, code)).statusCode).toBe(200);
    const replay = await codeStep(t.app, (await challengeFor(t.app, hr.email)).challenge, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.details).toEqual({ reason: 'code_used' });
    // Nor an older code of the window once a later one was accepted.
    const older = await codeStep(t.app, (await challengeFor(t.app, hr.email)).challenge, totpCode(TEST_TOTP_SECRET, currentTotpStep() - 1));
    expect(older.statusCode).toBe(401);
  });

  it('gives a challenge five tries, then asks for the password again; each failure is audited', async () => {
    const d = await buildDistrict(db());
    const hr = await buildUser(db(), d.id, 'hr');
    const { challenge } = await challengeFor(t.app, hr.email);
    for (let i = 0; i < 5; i++) expect((await codeStep(t.app, challenge, '000000', 'totp', '10.0.0.1')).statusCode).toBe(401);
    const spent = await codeStep(t.app, challenge, await nextTotpCode(hr.email));
    expect(spent.statusCode).toBe(409);
    expect(spent.json().error.details).toEqual({ reason: 'challenge_expired' });
    const failures = await audits(hr.id, 'auth.mfa_failed');
    expect(failures).toHaveLength(5);
    expect(failures[0]!.after).toEqual({ method: 'totp', reason: 'wrong' });
  });

  it('limits an account to ten wrong codes per 15 minutes, even guessed in parallel through several challenges', async () => {
    const d = await buildDistrict(db());
    const admin = await buildUser(db(), d.id, 'district_admin');
    const challenges = [];
    for (let i = 0; i < 4; i++) challenges.push((await challengeFor(t.app, admin.email)).challenge);
    // Each new password step replaces the earlier challenge: only the last one is live.
    expect((await codeStep(t.app, challenges[0]!, '000000')).statusCode).toBe(409);
    const guesses = [];
    for (let round = 0; round < 3; round++) {
      const { challenge } = await challengeFor(t.app, admin.email);
      // Each from its own address: the per-IP limit is not what this test is about.
      guesses.push(
        ...(await Promise.all(
          Array.from({ length: 5 }, (_, i) => codeStep(t.app, challenge, String(100000 + round * 10 + i), 'totp', `10.1.${round}.${i}`)),
        )),
      );
    }
    const statuses = guesses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    // The right code now waits too: the account has spent its attempts.
    const { challenge } = await challengeFor(t.app, admin.email);
    expect((await codeStep(t.app, challenge, await nextTotpCode(admin.email))).statusCode).toBe(429);
    // After the window the right code signs in again.
    await db()
      .update(mfaFactors)
      .set({ attemptsSince: new Date(Date.now() - 16 * 60_000) })
      .where(eq(mfaFactors.userId, admin.id));
    expect((await codeStep(t.app, (await challengeFor(t.app, admin.email)).challenge, await nextTotpCode(admin.email))).statusCode).toBe(
      200,
    );
  });

  it('refuses an expired challenge', async () => {
    const d = await buildDistrict(db());
    const hr = await buildUser(db(), d.id, 'hr');
    const { challenge } = await challengeFor(t.app, hr.email);
    await db()
      .update(mfaChallenges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(mfaChallenges.userId, hr.id));
    expect((await codeStep(t.app, challenge, await nextTotpCode(hr.email))).statusCode).toBe(409);
  });

  it('refuses the code step of someone deactivated after their password', async () => {
    const d = await buildDistrict(db());
    const hr = await buildUser(db(), d.id, 'hr');
    const { challenge } = await challengeFor(t.app, hr.email);
    await db().update(users).set({ active: false }).where(eq(users.id, hr.id));
    expect((await codeStep(t.app, challenge, await nextTotpCode(hr.email))).statusCode).toBe(409);
    expect(await db().select().from(sessions).where(eq(sessions.userId, hr.id))).toEqual([]);
  });

  it('lets staff without a factor sign in with the password alone', async () => {
    const d = await buildDistrict(db());
    const teacher = await buildUser(db(), d.id, 'staff');
    const res = await passwordStep(t.app, teacher.email);
    expect(res.json().secondFactor).toBeUndefined();
    expect((await clientFrom(t.app, res).get('/api/auth/session')).json().user.secondFactor).toEqual({ required: false, satisfied: false });
  });

  it('the harness signs HR and admins in through the code step', async () => {
    const d = await buildDistrict(db());
    const hr = await buildUser(db(), d.id, 'hr');
    const client = await signIn(t.app, hr.email);
    expect((await client.get('/api/auth/session')).json().user.abilities.managePeople).toBe(true);
  });
});

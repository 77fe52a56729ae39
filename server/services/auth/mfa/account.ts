import { eq } from 'drizzle-orm';
import { sessions } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, invalidState } from '../../../lib/errors.ts';
import { secondFactorRequiredBy, sessionPassedSecondFactor } from '../../../policies/mfa.ts';
import { recordAudit } from '../../audit.ts';
import { verifyPassword } from '../passwords.ts';
import { signInSettingsOf } from '../sign-in-settings.ts';
import { deleteFactor, loadAccount, prepareRecoveryCodes, storeFactor, storeRecoveryCodes, type Account } from './account-rows.ts';
import { consumeChallenge, createChallenge, takeChallenge } from './challenges.ts';
import { queueSecurityNotice } from './notify.ts';
import { checkProof, recoveryCodesLeft, type Proof, type ProofFailure } from './proofs.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import { enrolmentDetails, newTotpSecret, totpStep } from './totp.ts';

/** The signed-in session as these services need it. */
export interface SessionRef {
  sessionId: string;
  mfaVerifiedAt: Date | null;
  authMethod: string;
}

async function myAccount(ctx: Ctx): Promise<Account> {
  const account = await loadAccount(ctx.db, ctx.actor.userId);
  if (!account) throw new AppError('unauthenticated', 'Sign in to continue');
  return account;
}

/** Why the account must sign in with a second factor: its grant, its district's setting, or null. */
async function requiredBy(ctx: Ctx, account: Account) {
  return secondFactorRequiredBy(account.user, await signInSettingsOf(ctx.db, account.user.districtId));
}

/** A wrong proof on the account page: audited, and answered as a field error (the session stays). */
async function refuse(ctx: Ctx, account: Account, method: Proof['method'], failure: ProofFailure): Promise<never> {
  await recordAudit(ctx.db, ctx, {
    action: 'auth.mfa_failed',
    entityType: 'user',
    entityId: account.user.id,
    after: { method, reason: failure },
  });
  const path = method === 'password' ? 'password' : 'code';
  throw new AppError('validation_failed', failure === 'code_used' ? 'This code was already used; wait for the next one' : 'Not correct', [
    { path, message: failure },
  ]);
}

/** Re-authentication for changes to sign-in: a code or recovery code when enrolled, else the password. */
async function requireProof(ctx: Ctx, key: Buffer, account: Account, proof: Proof) {
  if (account.factor) {
    const failure = await checkProof(ctx.db, key, account.user, account.factor, proof);
    if (failure) await refuse(ctx, account, proof.method, failure);
    return;
  }
  if (proof.method !== 'password') throw invalidState('Two-factor sign-in is not set up; confirm with your password');
  if (!account.user.passwordHash || !(await verifyPassword(proof.password, account.user.passwordHash)))
    await refuse(ctx, account, 'password', 'wrong');
}

/** The caller's two-factor sign-in: enrolled or not, required or not, and whether this session passed it. */
export async function twoFactorStatus(ctx: Ctx, session: SessionRef) {
  const account = await myAccount(ctx);
  const reason = await requiredBy(ctx, account);
  return {
    enrolled: account.factor !== null,
    required: reason !== null,
    requiredBy: reason,
    enrolledAt: account.factor?.createdAt.toISOString() ?? null,
    recoveryCodesLeft: account.factor ? await recoveryCodesLeft(ctx.db, account.user.id) : 0,
    sessionVerified: sessionPassedSecondFactor(session),
    hasPassword: account.user.passwordHash !== null,
  };
}

/**
 * Starts setting up an authenticator app (or moving to a new one) from the account page, after the
 * password (or, when already enrolled, a current code): returns the QR code and secret, and a
 * challenge only this session can confirm.
 */
export async function startEnrolment(ctx: Ctx, key: Buffer, session: SessionRef, proof: Proof) {
  const account = await myAccount(ctx);
  await requireProof(ctx, key, account, proof);
  const secret = newTotpSecret();
  const { token, expiresAt } = await createChallenge(ctx.db, {
    userId: account.user.id,
    districtId: account.user.districtId,
    purpose: 'enroll',
    sessionId: session.sessionId,
    secretEncrypted: sealSecret(key, account.user.id, secret),
  });
  return { challenge: token, expiresAt: expiresAt.toISOString(), ...(await enrolmentDetails(secret, account.user.email)) };
}

/**
 * Confirms the new authenticator with its first code: the factor (replacing any earlier one) and
 * ten new recovery codes are stored, and this session counts as verified.
 */
export async function confirmEnrolment(ctx: Ctx, key: Buffer, session: SessionRef, input: { challenge: string; code: string }) {
  const challenge = await takeChallenge(ctx.db, input.challenge, 'enroll', { attempt: true, sessionId: session.sessionId });
  const account = await myAccount(ctx);
  const secret = openSecret(key, account.user.id, challenge.secretEncrypted!);
  const step = totpStep(secret, input.code);
  if (step === null) await refuse(ctx, account, 'totp', 'wrong');
  const codes = await prepareRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    if (!(await consumeChallenge(tx, challenge.id))) throw invalidState('This setup has already finished');
    await storeFactor(tx, key, account.user, { secret, step: step!, codes });
    await tx.update(sessions).set({ mfaVerifiedAt: new Date() }).where(eq(sessions.id, session.sessionId));
    await recordAudit(tx, ctx, {
      action: 'user.mfa_enroll',
      entityType: 'user',
      entityId: account.user.id,
      after: { method: 'totp', replaced: account.factor !== null, recoveryCodes: codes.codes.length },
    });
    await queueSecurityNotice(tx, account, 'enrolled');
  });
  return { recoveryCodes: codes.codes };
}

/**
 * Verifies this session with a code (a session opened before the user's access required a second
 * factor, or before they had one): it regains the access their grant gives.
 */
export async function verifySession(ctx: Ctx, key: Buffer, session: SessionRef, proof: Extract<Proof, { method: 'totp' | 'recovery' }>) {
  const account = await myAccount(ctx);
  if (!account.factor) throw invalidState('Set up two-factor sign-in first');
  const failure = await checkProof(ctx.db, key, account.user, account.factor, proof);
  if (failure) await refuse(ctx, account, proof.method, failure);
  const left = proof.method === 'recovery' ? await recoveryCodesLeft(ctx.db, account.user.id) : null;
  await ctx.db.transaction(async (tx) => {
    await tx.update(sessions).set({ mfaVerifiedAt: new Date() }).where(eq(sessions.id, session.sessionId));
    await recordAudit(tx, ctx, {
      action: 'auth.mfa_verify_session',
      entityType: 'user',
      entityId: account.user.id,
      after: { method: proof.method },
    });
    if (left !== null) await queueSecurityNotice(tx, account, 'recoveryCodeUsed', { left });
  });
  return twoFactorStatus(ctx, { ...session, mfaVerifiedAt: new Date() });
}

/** A new set of ten recovery codes (the earlier ones stop working), after a code or the password. */
export async function regenerateRecoveryCodes(ctx: Ctx, key: Buffer, proof: Proof) {
  const account = await myAccount(ctx);
  if (!account.factor) throw invalidState('Set up two-factor sign-in first');
  await requireProof(ctx, key, account, proof);
  const codes = await prepareRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await storeRecoveryCodes(tx, account.user, codes);
    await recordAudit(tx, ctx, {
      action: 'user.mfa_recovery_codes',
      entityType: 'user',
      entityId: account.user.id,
      after: { recoveryCodes: codes.codes.length },
    });
  });
  return { recoveryCodes: codes.codes };
}

/** Turns two-factor sign-in off, after a code or the password; not for those whose access or district requires it. */
export async function disableTwoFactor(ctx: Ctx, key: Buffer, session: SessionRef, proof: Proof) {
  const account = await myAccount(ctx);
  if (!account.factor) throw invalidState('Two-factor sign-in is not set up');
  const reason = await requiredBy(ctx, account);
  if (reason) {
    const who = reason === 'access' ? 'Your access' : 'Your district';
    throw invalidState(`${who} requires two-factor sign-in; it cannot be turned off`, { reason: 'required' });
  }
  await requireProof(ctx, key, account, proof);
  await ctx.db.transaction(async (tx) => {
    await deleteFactor(tx, account.user.id);
    await recordAudit(tx, ctx, { action: 'user.mfa_disable', entityType: 'user', entityId: account.user.id, before: { method: 'totp' } });
    await queueSecurityNotice(tx, account, 'disabled');
  });
  return twoFactorStatus(ctx, session);
}

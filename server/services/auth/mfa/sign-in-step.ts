import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { mfaChallenges, mfaFactors } from '../../../db/schema/index.ts';
import { AppError } from '../../../lib/errors.ts';
import { secondFactorRequired } from '../../../policies/mfa.ts';
import { signInSettingsOf } from '../sign-in-settings.ts';
import { recordAudit } from '../../audit.ts';
import { createSession, type SessionLifetime } from '../sessions.ts';
import { loadAccount, prepareRecoveryCodes, storeFactor, type Account } from './account-rows.ts';
import { consumeChallenge, createChallenge, takeChallenge } from './challenges.ts';
import { queueSecurityNotice } from './notify.ts';
import { checkProof, recoveryCodesLeft, type ProofFailure } from './proofs.ts';
import { newTotpSecret, enrolmentDetails, totpStep } from './totp.ts';
import { openSecret, sealSecret } from './secret-box.ts';

interface SessionOptions extends SessionLifetime {
  /** The peer address, for the audit row. */
  ip: string;
  userAgent?: string;
  requestId: string;
}

const startAgain = () => new AppError('invalid_state', 'This sign-in step has expired; start again', { reason: 'challenge_expired' });

/**
 * The step after a right password, or after a single-factor sign-in at the district's identity
 * provider (`authMethod: 'sso'`): a challenge to enter a code when the user has a factor, or to
 * enrol one when their access or their district requires it (`enroll`); null when the first
 * factor is enough. The challenge opens nothing by itself; the session it leads to records
 * `authMethod`.
 */
export async function secondFactorChallenge(
  db: Db,
  user: { id: string; districtId: string; adminGrant: string | null },
  authMethod: 'password' | 'sso' = 'password',
) {
  const [factor] = await db.select({ id: mfaFactors.id }).from(mfaFactors).where(eq(mfaFactors.userId, user.id));
  if (!factor && !secondFactorRequired(user, await signInSettingsOf(db, user.districtId))) return null;
  const purpose = factor ? 'sign_in' : 'enroll';
  const { token, expiresAt } = await createChallenge(db, { userId: user.id, districtId: user.districtId, purpose, authMethod });
  return { challenge: token, step: factor ? ('verify' as const) : ('enroll' as const), expiresAt: expiresAt.toISOString() };
}

/** A live account for a challenge; the same "start again" when the user was deactivated meanwhile. */
async function challengeAccount(db: Db, userId: string): Promise<Account> {
  const account = await loadAccount(db, userId);
  if (!account?.user.active || !account.personActive) throw startAgain();
  return account;
}

/** A wrong second-factor proof: audited (the password was right, so this is worth a look), then 401. */
export async function refuseProof(
  db: Db,
  account: Account,
  ctx: { requestId: string; actorUserId: string | null },
  method: string,
  failure: ProofFailure,
): Promise<never> {
  await recordAudit(
    db,
    { requestId: ctx.requestId, actor: { userId: ctx.actorUserId, districtId: account.user.districtId } },
    {
      action: 'auth.mfa_failed',
      entityType: 'user',
      entityId: account.user.id,
      after: { method, reason: failure },
    },
  );
  throw new AppError(
    'unauthenticated',
    failure === 'code_used' ? 'This code was already used; wait for the next one' : 'The code is not correct',
    {
      reason: failure,
    },
  );
}

/**
 * The code step of sign-in: a code from the authenticator app or a recovery code opens the
 * session. Five tries per challenge, ten per account per 15 minutes; each failure is audited.
 */
export async function verifySignInCode(
  db: Db,
  key: Buffer,
  input: SessionOptions & { challenge: string; method: 'totp' | 'recovery'; code: string },
) {
  const challenge = await takeChallenge(db, input.challenge, 'sign_in', { attempt: true });
  const account = await challengeAccount(db, challenge.userId);
  if (!account.factor) throw startAgain();
  const failure = await checkProof(db, key, account.user, account.factor, { method: input.method, code: input.code });
  if (failure) await refuseProof(db, account, { requestId: input.requestId, actorUserId: null }, input.method, failure);
  const left = input.method === 'recovery' ? await recoveryCodesLeft(db, account.user.id) : null;
  return db.transaction(async (tx) => {
    if (!(await consumeChallenge(tx, challenge.id))) throw startAgain();
    const session = await createSession(tx, {
      userId: account.user.id,
      districtId: account.user.districtId,
      ttlHours: input.ttlHours,
      maxHours: input.maxHours,
      userAgent: input.userAgent,
      mfaVerified: true,
      authMethod: challenge.authMethod,
    });
    const ctx = { requestId: input.requestId, actor: { userId: account.user.id, districtId: account.user.districtId } };
    await recordAudit(tx, ctx, {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: account.user.id,
      after: { firstFactor: challenge.authMethod, secondFactor: input.method, ip: input.ip },
    });
    if (left !== null) {
      await recordAudit(tx, ctx, { action: 'auth.mfa_recovery_code_used', entityType: 'user', entityId: account.user.id, after: { left } });
      await queueSecurityNotice(tx, account, 'recoveryCodeUsed', { left });
    }
    return { ...session, recoveryCodesLeft: left };
  });
}

/**
 * Forced enrolment, first part: the authenticator secret for this challenge (made on the first
 * call and kept, so showing the page again shows the same QR code) with its QR code.
 */
export async function startSignInEnrolment(db: Db, key: Buffer, input: { challenge: string }) {
  const challenge = await takeChallenge(db, input.challenge, 'enroll', { attempt: false });
  const account = await challengeAccount(db, challenge.userId);
  let secret = challenge.secretEncrypted ? openSecret(key, account.user.id, challenge.secretEncrypted) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db
      .update(mfaChallenges)
      .set({ secretEncrypted: sealSecret(key, account.user.id, secret) })
      .where(eq(mfaChallenges.id, challenge.id));
  }
  return enrolmentDetails(secret, account.user.email);
}

/**
 * Forced enrolment, second part: the first code from the app confirms the secret; the factor and
 * ten recovery codes are stored and the session opens (the codes are shown this once).
 */
export async function confirmSignInEnrolment(db: Db, key: Buffer, input: SessionOptions & { challenge: string; code: string }) {
  const challenge = await takeChallenge(db, input.challenge, 'enroll', { attempt: true });
  const account = await challengeAccount(db, challenge.userId);
  if (!challenge.secretEncrypted) throw startAgain();
  const step = totpStep(openSecret(key, account.user.id, challenge.secretEncrypted), input.code);
  if (step === null) await refuseProof(db, account, { requestId: input.requestId, actorUserId: null }, 'totp', 'wrong');
  const codes = await prepareRecoveryCodes();
  const secret = openSecret(key, account.user.id, challenge.secretEncrypted);
  const session = await db.transaction(async (tx) => {
    if (!(await consumeChallenge(tx, challenge.id))) throw startAgain();
    await storeFactor(tx, key, account.user, { secret, step: step!, codes });
    const opened = await createSession(tx, {
      userId: account.user.id,
      districtId: account.user.districtId,
      ttlHours: input.ttlHours,
      maxHours: input.maxHours,
      userAgent: input.userAgent,
      mfaVerified: true,
      authMethod: challenge.authMethod,
    });
    const ctx = { requestId: input.requestId, actor: { userId: account.user.id, districtId: account.user.districtId } };
    await recordAudit(tx, ctx, [
      {
        action: 'user.mfa_enroll',
        entityType: 'user',
        entityId: account.user.id,
        after: { method: 'totp', recoveryCodes: codes.codes.length },
      },
      {
        action: 'auth.sign_in',
        entityType: 'user',
        entityId: account.user.id,
        after: { firstFactor: challenge.authMethod, secondFactor: 'totp', ip: input.ip },
      },
    ]);
    await queueSecurityNotice(tx, account, 'enrolled');
    return opened;
  });
  return { ...session, recoveryCodes: codes.codes };
}

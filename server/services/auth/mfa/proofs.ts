import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { mfaFactors, mfaRecoveryCodes } from '../../../db/schema/index.ts';
import { verifyPassword } from '../passwords.ts';
import { hashRecoveryCode } from './recovery-codes.ts';
import { openSecret } from './secret-box.ts';
import { clearProofAttempts, reserveProofAttempt } from './throttle.ts';
import { totpStep } from './totp.ts';

/** What a person offers to show it is them: a code from the app, a recovery code, or the password. */
export type Proof = { method: 'totp'; code: string } | { method: 'recovery'; code: string } | { method: 'password'; password: string };

export type Factor = typeof mfaFactors.$inferSelect;

/** Why a proof failed: not a current code / wrong; or a right code already used once (wait for the next). */
export type ProofFailure = 'wrong' | 'code_used';

/**
 * Takes a TOTP code for a factor: the code must be current and of a later time step than any
 * accepted before (one statement, so two requests racing with one code cannot both win).
 */
export async function takeTotpCode(db: Executor, key: Buffer, factor: Factor, code: string): Promise<ProofFailure | null> {
  const step = totpStep(openSecret(key, factor.userId, factor.secretEncrypted), code);
  if (step === null) return 'wrong';
  const taken = await db
    .update(mfaFactors)
    .set({ lastUsedStep: step })
    .where(and(eq(mfaFactors.id, factor.id), or(isNull(mfaFactors.lastUsedStep), lt(mfaFactors.lastUsedStep, step))))
    .returning({ id: mfaFactors.id });
  return taken.length > 0 ? null : 'code_used';
}

/** Uses up a recovery code (each works once). */
async function takeRecoveryCode(db: Executor, factor: Factor, code: string): Promise<ProofFailure | null> {
  const codeHash = await hashRecoveryCode(code, factor.recoverySalt);
  const used = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(mfaRecoveryCodes.userId, factor.userId), eq(mfaRecoveryCodes.codeHash, codeHash), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  return used.length > 0 ? null : 'wrong';
}

/**
 * Checks a proof from a user who has a factor. The attempt is counted first (`rate_limited` when the
 * account has spent its attempts) and the count cleared when the proof is right. Returns null when
 * right, else why not.
 */
export async function checkProof(
  db: Executor,
  key: Buffer,
  user: { passwordHash: string | null },
  factor: Factor,
  proof: Proof,
): Promise<ProofFailure | null> {
  await reserveProofAttempt(db, factor.id);
  const failure =
    proof.method === 'totp'
      ? await takeTotpCode(db, key, factor, proof.code)
      : proof.method === 'recovery'
        ? await takeRecoveryCode(db, factor, proof.code)
        : user.passwordHash && (await verifyPassword(proof.password, user.passwordHash))
          ? null
          : 'wrong';
  if (!failure) await clearProofAttempts(db, factor.id);
  return failure;
}

/** Recovery codes not used yet. */
export async function recoveryCodesLeft(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { mfaFactors } from '../../../db/schema/index.ts';
import { AppError } from '../../../lib/errors.ts';

/** Proofs (codes, recovery codes, passwords) per account per window before it waits. */
export const MAX_PROOF_ATTEMPTS = 10;
export const PROOF_WINDOW_MINUTES = 15;

const windowOver = sql`(${mfaFactors.attemptsSince} is null or ${mfaFactors.attemptsSince} <= now() - make_interval(mins => ${PROOF_WINDOW_MINUTES}))`;

/**
 * Counts one proof attempt against the account before it is checked, in one statement, so
 * parallel guesses cannot slip past the limit; `rate_limited` once the window's attempts are spent.
 * A correct proof clears the count (`clearProofAttempts`).
 */
export async function reserveProofAttempt(db: Executor, factorId: string): Promise<void> {
  const reserved = await db
    .update(mfaFactors)
    .set({
      attempts: sql`case when ${windowOver} then 1 else ${mfaFactors.attempts} + 1 end`,
      attemptsSince: sql`case when ${windowOver} then now() else ${mfaFactors.attemptsSince} end`,
    })
    .where(and(eq(mfaFactors.id, factorId), sql`(${windowOver} or ${mfaFactors.attempts} < ${MAX_PROOF_ATTEMPTS})`))
    .returning({ id: mfaFactors.id });
  if (reserved.length === 0) {
    throw new AppError('rate_limited', `Too many wrong codes; try again in ${PROOF_WINDOW_MINUTES} minutes`);
  }
}

/** A correct proof: the account starts counting afresh. */
export async function clearProofAttempts(db: Executor, factorId: string): Promise<void> {
  await db.update(mfaFactors).set({ attempts: 0, attemptsSince: null }).where(eq(mfaFactors.id, factorId));
}

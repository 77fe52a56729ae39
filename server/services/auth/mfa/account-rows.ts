import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { districts, mfaFactors, mfaRecoveryCodes, people, users } from '../../../db/schema/index.ts';
import { hashRecoveryCode, newRecoveryCodes, newRecoverySalt } from './recovery-codes.ts';
import { sealSecret } from './secret-box.ts';

/** A user with what the second-factor steps need: the name and time zone for e-mails, and their factor. */
export async function loadAccount(db: Executor, userId: string) {
  const [row] = await db
    .select({
      user: {
        id: users.id,
        districtId: users.districtId,
        personId: users.personId,
        email: users.email,
        passwordHash: users.passwordHash,
        adminGrant: users.adminGrant,
        locale: users.locale,
        active: users.active,
      },
      personActive: people.active,
      givenName: people.givenName,
      timeZone: districts.timeZone,
      factor: mfaFactors,
    })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .innerJoin(districts, eq(districts.id, users.districtId))
    .leftJoin(mfaFactors, eq(mfaFactors.userId, users.id))
    .where(eq(users.id, userId));
  return row ?? null;
}

export type Account = NonNullable<Awaited<ReturnType<typeof loadAccount>>>;

/** Fresh recovery codes with their hashes; hashed before any transaction opens (scrypt is slow on purpose). */
export async function prepareRecoveryCodes() {
  const salt = newRecoverySalt();
  const codes = newRecoveryCodes();
  return { salt, codes, hashes: await Promise.all(codes.map((code) => hashRecoveryCode(code, salt))) };
}

export type PreparedCodes = Awaited<ReturnType<typeof prepareRecoveryCodes>>;

/** Replaces the user's recovery codes (earlier ones stop working) and points the factor at their salt. */
export async function storeRecoveryCodes(tx: Executor, user: { id: string; districtId: string }, prepared: PreparedCodes) {
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
  await tx.insert(mfaRecoveryCodes).values(prepared.hashes.map((codeHash) => ({ districtId: user.districtId, userId: user.id, codeHash })));
  await tx.update(mfaFactors).set({ recoverySalt: prepared.salt, updatedAt: new Date() }).where(eq(mfaFactors.userId, user.id));
}

/**
 * Enrols (or replaces) the user's authenticator with a confirmed secret, together with a new set
 * of recovery codes. `step` is the time step of the confirming code, so it cannot sign in again.
 */
export async function storeFactor(
  tx: Executor,
  key: Buffer,
  user: { id: string; districtId: string },
  input: { secret: string; step: number; codes: PreparedCodes },
) {
  const values = {
    secretEncrypted: sealSecret(key, user.id, input.secret),
    lastUsedStep: input.step,
    recoverySalt: input.codes.salt,
    attempts: 0,
    attemptsSince: null,
  };
  await tx
    .insert(mfaFactors)
    .values({ districtId: user.districtId, userId: user.id, ...values })
    .onConflictDoUpdate({ target: mfaFactors.userId, set: { ...values, createdAt: sql`now()`, updatedAt: sql`now()` } });
  await storeRecoveryCodes(tx, user, input.codes);
}

/** Removes the user's factor and recovery codes. */
export async function deleteFactor(tx: Executor, userId: string) {
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.delete(mfaFactors).where(and(eq(mfaFactors.userId, userId)));
}

import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, users } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { secondFactorChallenge } from './mfa/sign-in-step.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords.ts';
import { guestEnded } from './guest-scope.ts';
import { createSession } from './sessions.ts';
import { qualified } from '../../db/qualified.ts';
import { reserveSignInAttempt } from './throttle.ts';
import { assertPasswordSignInAllowed } from './sso/settings.ts';

interface SignInInput {
  email: string;
  password: string;
  /** The peer address (only a configured proxy may name another: TRUST_PROXY). */
  ip: string;
  ttlHours: number;
  maxHours: number;
  userAgent?: string;
  requestId: string;
}

/** The account behind an e-mail, with what decides whether it may sign in at all. */
export type SignInAccount = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/** Why a sign-in failed, as the audit log records it (never shown to the person signing in). */
type FailureReason = 'wrong_password' | 'no_password' | 'account_inactive';

/** Every way in answers the same when it fails: the account's existence or state is not revealed. */
const wrongCredentials = () => new AppError('unauthenticated', 'E-mail or password is not correct');

/**
 * Signs in with e-mail and password, as a sequence of steps: count the attempt (slowed per account
 * and address, `rate_limited`), check the password (unknown e-mail, wrong password, no password yet
 * and a deactivated person answer the same 401, in the same time), then either ask for the second
 * factor (a user with one, or who must enrol one, gets `{ secondFactor }`: a challenge, no session)
 * or open the session.
 */
export async function signIn(db: Db, input: SignInInput) {
  const account = await checkPassword(db, input);
  // A district that signs in by SSO only refuses the password (after it was found right).
  await assertPasswordSignInAllowed(db, account, input.requestId);
  const secondFactor = await secondFactorChallenge(db, account);
  if (secondFactor) return { secondFactor };
  return openSession(db, account, input);
}

/** Throttle, then verify: the account whose password this is, or 401 / 429. */
export async function checkPassword(db: Db, input: Pick<SignInInput, 'email' | 'password' | 'ip' | 'requestId'>) {
  const email = input.email.toLowerCase();
  const attempt = await reserveSignInAttempt(db, email, input.ip);
  const account = await findAccount(db, email);
  // Verify against a dummy hash when there is nothing to verify, so every failure takes as long.
  const matches = await verifyPassword(input.password, account?.passwordHash ?? (await DUMMY_HASH_PROMISE));
  if (!account) throw wrongCredentials();
  const reason = failureReason(account, matches);
  if (reason) {
    await recordFailure(db, account, input, reason);
    throw wrongCredentials();
  }
  await attempt.succeeded();
  return account;
}

/** The account for an e-mail with its person's state, or null. */
async function findAccount(db: Db, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      districtId: users.districtId,
      passwordHash: users.passwordHash,
      adminGrant: users.adminGrant,
      userActive: users.active,
      personActive: people.active,
      guestEnded: guestEnded(qualified(users.id)),
    })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(users.email, email))
    // An invitation may share its e-mail with another district's account; the one with a password signs in.
    .orderBy(sql`${users.passwordHash} is null`)
    .limit(1);
  return row ?? null;
}

function failureReason(account: SignInAccount, matches: boolean): FailureReason | null {
  if (!account.passwordHash) return 'no_password';
  if (!account.userActive || !account.personActive || account.guestEnded) return 'account_inactive';
  return matches ? null : 'wrong_password';
}

/** A failed sign-in on a known account goes to its district's audit log (never the password). */
async function recordFailure(db: Db, account: SignInAccount, input: { ip: string; requestId: string }, reason: FailureReason) {
  await recordAudit(
    db,
    { requestId: input.requestId, actor: { userId: null, districtId: account.districtId } },
    {
      action: 'auth.sign_in_failed',
      entityType: 'user',
      entityId: account.id,
      after: { ip: input.ip, reason },
    },
  );
}

/** Opens a session for an account whose sign-in succeeded, and audits it with the address. */
export async function openSession(
  db: Db,
  account: Pick<SignInAccount, 'id' | 'districtId'>,
  input: Omit<SignInInput, 'email' | 'password'>,
) {
  const session = await createSession(db, {
    userId: account.id,
    districtId: account.districtId,
    ttlHours: input.ttlHours,
    maxHours: input.maxHours,
    userAgent: input.userAgent,
  });
  await recordAudit(
    db,
    { requestId: input.requestId, actor: { userId: account.id, districtId: account.districtId } },
    {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: account.id,
      after: { ip: input.ip },
    },
  );
  return session;
}

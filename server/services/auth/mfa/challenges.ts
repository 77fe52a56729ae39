import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { mfaChallenges } from '../../../db/schema/index.ts';
import { AppError } from '../../../lib/errors.ts';
import { hashToken, newToken } from '../tokens.ts';

export type ChallengePurpose = 'sign_in' | 'enroll';

/** Entering a code takes seconds; setting up an app (installing it first, perhaps) takes longer. */
export const CHALLENGE_TTL_MS: Record<ChallengePurpose, number> = { sign_in: 5 * 60_000, enroll: 15 * 60_000 };
/** Codes tried on one challenge before the password must be entered again. */
export const MAX_CHALLENGE_ATTEMPTS = 5;

const expired = () => new AppError('invalid_state', 'This sign-in step has expired; start again', { reason: 'challenge_expired' });

/**
 * Opens a challenge for the user (replacing their earlier ones of the same origin: sign-in, or the
 * given session) and returns its token, which only the client holds; the database keeps its hash.
 */
export async function createChallenge(
  db: Executor,
  input: {
    userId: string;
    districtId: string;
    purpose: ChallengePurpose;
    sessionId?: string;
    secretEncrypted?: string;
    authMethod?: 'password' | 'sso';
  },
) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS[input.purpose]);
  const sameOrigin = input.sessionId ? eq(mfaChallenges.sessionId, input.sessionId) : isNull(mfaChallenges.sessionId);
  await db
    .delete(mfaChallenges)
    .where(or(and(eq(mfaChallenges.userId, input.userId), sameOrigin), lt(mfaChallenges.expiresAt, sql`now()`)));
  await db.insert(mfaChallenges).values({ id: hashToken(token), ...input, expiresAt });
  return { token, expiresAt };
}

/**
 * The live challenge for a token and purpose (bound to `sessionId` when it was started from one),
 * counting an attempt on it when `attempt` is set; `invalid_state` when it is unknown, expired,
 * out of attempts or another session's.
 */
export async function takeChallenge(
  db: Executor,
  token: string,
  purpose: ChallengePurpose,
  opts: { attempt: boolean; sessionId?: string },
) {
  const where = and(
    eq(mfaChallenges.id, hashToken(token)),
    eq(mfaChallenges.purpose, purpose),
    opts.sessionId ? eq(mfaChallenges.sessionId, opts.sessionId) : isNull(mfaChallenges.sessionId),
    gt(mfaChallenges.expiresAt, sql`now()`),
  );
  const [row] = opts.attempt
    ? await db
        .update(mfaChallenges)
        .set({ attempts: sql`${mfaChallenges.attempts} + 1` })
        .where(and(where, lt(mfaChallenges.attempts, MAX_CHALLENGE_ATTEMPTS)))
        .returning()
    : await db
        .select()
        .from(mfaChallenges)
        .where(and(where, lt(mfaChallenges.attempts, MAX_CHALLENGE_ATTEMPTS)));
  if (!row) throw expired();
  return row;
}

/** Ends a challenge once it has opened a session or finished an enrolment; false if it was already used. */
export async function consumeChallenge(db: Executor, id: string): Promise<boolean> {
  const gone = await db.delete(mfaChallenges).where(eq(mfaChallenges.id, id)).returning({ id: mfaChallenges.id });
  return gone.length > 0;
}

/**
 * Hands a live sign-in challenge over to the client that holds its token, once: after an SSO
 * sign-in the token travels in a cookie, and the sign-in page trades it here for a fresh token
 * (the cookie's stops working) with the step and its end, as the password step answers.
 * Challenges bound to a session (account-page setup) do not count; `invalid_state` when none.
 */
export async function handOverChallenge(db: Executor, token: string) {
  const fresh = newToken();
  const [row] = await db
    .update(mfaChallenges)
    .set({ id: hashToken(fresh) })
    .where(
      and(
        eq(mfaChallenges.id, hashToken(token)),
        isNull(mfaChallenges.sessionId),
        gt(mfaChallenges.expiresAt, sql`now()`),
        lt(mfaChallenges.attempts, MAX_CHALLENGE_ATTEMPTS),
      ),
    )
    .returning({ purpose: mfaChallenges.purpose, expiresAt: mfaChallenges.expiresAt });
  if (!row) throw expired();
  return {
    challenge: fresh,
    step: row.purpose === 'sign_in' ? ('verify' as const) : ('enroll' as const),
    expiresAt: row.expiresAt.toISOString(),
  };
}

import { and, count, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { signInFailures, users } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import { assertPasswordSignInAllowed } from './sso/settings.ts';

/** Failed attempts per e-mail allowed in the window before sign-in is refused for a while. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

interface SignInInput {
  email: string;
  password: string;
  ttlHours: number;
  userAgent?: string;
  requestId: string;
}

/**
 * Checks the password and opens a session. Unknown e-mail and wrong password answer the same
 * (and take the same time); too many failures for one e-mail answer `rate_limited`.
 */
export async function signIn(db: Db, input: SignInInput) {
  const emailKey = input.email.toLowerCase();
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  const [failures] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.emailKey, emailKey), gt(signInFailures.at, since)));
  if ((failures?.n ?? 0) >= MAX_FAILURES) {
    throw new AppError('rate_limited', 'Too many failed sign-ins; try again in 15 minutes or reset your password');
  }
  const [user] = await db.select().from(users).where(eq(users.email, emailKey));
  const hash = user?.active && user.passwordHash ? user.passwordHash : await DUMMY_HASH_PROMISE;
  const ok = (await verifyPassword(input.password, hash)) && Boolean(user?.active && user.passwordHash);
  if (!ok || !user) {
    await db.insert(signInFailures).values({ emailKey });
    throw new AppError('unauthenticated', 'E-mail or password is not correct');
  }
  await assertPasswordSignInAllowed(db, user, input.requestId);
  await db.delete(signInFailures).where(eq(signInFailures.emailKey, emailKey));
  const session = await createSession(db, {
    userId: user.id,
    districtId: user.districtId,
    ttlHours: input.ttlHours,
    userAgent: input.userAgent,
  });
  await recordAudit(db, { requestId: input.requestId, actor: { userId: user.id, districtId: user.districtId } }, {
    action: 'auth.sign_in',
    entityType: 'user',
    entityId: user.id,
  });
  return session;
}

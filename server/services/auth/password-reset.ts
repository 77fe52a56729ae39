import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { outboxEmails, passwordResets, people, users } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { hashPassword } from './passwords.ts';
import { deleteUserSessions } from './sessions.ts';
import { hashToken, newToken } from './tokens.ts';
import { linkEmail } from './link-email.ts';
import { passwordSignInOff } from './sso/settings.ts';

export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * E-mails a single-use reset link valid for an hour. Says nothing about whether the address
 * exists (the caller always answers 202).
 */
export async function requestPasswordReset(db: Db, input: { email: string; publicUrl: string; requestId: string }) {
  const [user] = await db
    .select({ id: users.id, districtId: users.districtId, adminGrant: users.adminGrant, email: users.email, locale: users.locale, givenName: people.givenName })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(and(eq(users.email, input.email.toLowerCase()), eq(users.active, true)));
  // A district that signs in by SSO only sends no reset links (district admins keep theirs).
  if (!user || (await passwordSignInOff(db, user))) return null;
  return db.transaction(async (tx) => {
    const sent = await sendPasswordLink(tx, user, 'passwordReset', input.publicUrl);
    await recordAudit(tx, { requestId: input.requestId, actor: { userId: null, districtId: user.districtId } }, {
      action: 'auth.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
    });
    return sent;
  });
}

/** Link lifetimes: a reset is urgent and short; an invitation waits for the start of term. */
const LINK_TTL_MS = { passwordReset: RESET_TTL_MS, invitation: 7 * 24 * 3600_000 } as const;

/**
 * Stores a single-use set-password token and queues the e-mail carrying its link
 * (a password reset, or an invitation to a user who has no password yet).
 */
export async function sendPasswordLink(
  tx: Executor,
  user: { id: string; districtId: string; email: string; locale: string | null; givenName: string },
  kind: keyof typeof LINK_TTL_MS,
  publicUrl: string,
) {
  const token = newToken();
  const link = `${publicUrl.replace(/\/$/, '')}/reset-password?token=${token}`;
  const email = linkEmail(kind, user.locale === 'es' ? 'es' : 'en', user.givenName, link);
  await tx.insert(passwordResets).values({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + LINK_TTL_MS[kind]) });
  await tx.insert(outboxEmails).values({ districtId: user.districtId, toAddress: user.email, ...email });
  return { to: user.email, subject: email.subject, link };
}

/** Sets a new password from a reset link; the link works once and only before it expires. */
export async function confirmPasswordReset(db: Db, input: { token: string; password: string; requestId: string }) {
  const [reset] = await db
    .select({ id: passwordResets.id, userId: passwordResets.userId, expiresAt: passwordResets.expiresAt, districtId: users.districtId, adminGrant: users.adminGrant })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashToken(input.token)), isNull(passwordResets.usedAt)));
  if (!reset || reset.expiresAt < new Date()) {
    throw new AppError('invalid_state', 'This reset link has expired or was already used; ask for a new one');
  }
  if (await passwordSignInOff(db, reset)) {
    throw new AppError('invalid_state', 'Your district signs in with single sign-on', { reason: 'sso_required' });
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (used.length === 0) throw new AppError('invalid_state', 'This reset link was already used');
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, reset.userId));
    await deleteUserSessions(tx, reset.userId);
    await recordAudit(tx, { requestId: input.requestId, actor: { userId: reset.userId, districtId: reset.districtId } }, {
      action: 'auth.password_reset',
      entityType: 'user',
      entityId: reset.userId,
    });
  });
}

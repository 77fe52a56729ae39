import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { passwordResets, people, users } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { assertStrongPassword } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { deleteUserSessions } from './sessions.ts';
import { hashToken, newToken } from './tokens.ts';
import type { HeldEmail } from '../mail/mailer.ts';
import { recordEmails } from '../mail/outbox-store.ts';
import { linkEmail } from './link-email.ts';
import { passwordSignInOff } from './sso/settings.ts';

export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * E-mails a single-use reset link valid for an hour, revoking every earlier link of the account.
 * Runs after the response (routes/auth.ts), so the answer says nothing about whether the address
 * exists; returns the e-mail to send, or null when there is no active account (a deactivated
 * person gets nothing).
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; publicUrl: string; requestId: string },
): Promise<HeldEmail | null> {
  const [user] = await db
    .select({
      id: users.id,
      districtId: users.districtId,
      adminGrant: users.adminGrant,
      email: users.email,
      locale: users.locale,
      givenName: people.givenName,
    })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(and(eq(users.email, input.email.toLowerCase()), eq(users.active, true), eq(people.active, true)))
    .orderBy(sql`${users.passwordHash} is null`) // the account that signs in, before an invitation sharing its e-mail
    .limit(1);
  // A district that signs in by SSO only sends no reset links (district admins keep theirs).
  if (!user || (await passwordSignInOff(db, user))) return null;
  return db.transaction(async (tx) => {
    const mail = await createPasswordLink(tx, user, 'passwordReset', input.publicUrl);
    await recordAudit(
      tx,
      { requestId: input.requestId, actor: { userId: null, districtId: user.districtId } },
      {
        action: 'auth.password_reset_requested',
        entityType: 'user',
        entityId: user.id,
      },
    );
    return mail;
  });
}

/** Link lifetimes: a reset is urgent and short; an invitation waits for the start of term. */
const LINK_TTL_MS = { passwordReset: RESET_TTL_MS, invitation: 7 * 24 * 3600_000 } as const;
const OUTBOX_KIND = { passwordReset: 'password_reset', invitation: 'invitation' } as const;

/**
 * Issues a single-use set-password link (a password reset, or an invitation to a user who has no
 * password yet), revoking every earlier open link of the user. Only the token's hash is stored and
 * the outbox keeps the e-mail with the link withheld; the full e-mail is returned, to be sent from
 * memory once the transaction has committed (`MailOutlet.sendHeld` / `Mailer.sendHeld`).
 */
export async function createPasswordLink(
  tx: Executor,
  user: { id: string; districtId: string; email: string; locale: string | null; givenName: string },
  kind: keyof typeof LINK_TTL_MS,
  publicUrl: string,
): Promise<HeldEmail> {
  await revokePasswordLinks(tx, user.id);
  const token = newToken();
  const link = `${publicUrl.replace(/\/$/, '')}/reset-password?token=${token}`;
  const email = linkEmail(kind, user.locale === 'es' ? 'es' : 'en', user.givenName, link);
  await tx
    .insert(passwordResets)
    .values({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + LINK_TTL_MS[kind]) });
  const [outboxId] = await recordEmails(tx, [
    {
      districtId: user.districtId,
      kind: OUTBOX_KIND[kind],
      toAddress: user.email,
      subject: email.subject,
      body: email.storedBody,
      linkWithheld: true,
    },
  ]);
  return { outboxId: outboxId!, to: user.email, subject: email.subject, text: email.body };
}

/** Revokes every open set-password link of a user (new link, completed reset, password change). */
export async function revokePasswordLinks(tx: Executor, userId: string): Promise<void> {
  await tx.delete(passwordResets).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

/** Sets a new password from a reset link; the link works once, before it expires, for an active person. */
export async function confirmPasswordReset(db: Db, input: { token: string; password: string; requestId: string }) {
  const [reset] = await db
    .select({
      id: passwordResets.id,
      userId: passwordResets.userId,
      expiresAt: passwordResets.expiresAt,
      districtId: users.districtId,
      adminGrant: users.adminGrant,
      email: users.email,
      givenName: people.givenName,
      familyName: people.familyName,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .innerJoin(people, eq(people.id, users.personId))
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(input.token)),
        isNull(passwordResets.usedAt),
        eq(users.active, true),
        eq(people.active, true),
      ),
    );
  if (!reset || reset.expiresAt < new Date()) {
    throw new AppError('invalid_state', 'This reset link has expired or was already used; ask for a new one');
  }
  assertStrongPassword(input.password, reset, 'password');
  await refuseEmailInUse(db, reset);
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
    await revokePasswordLinks(tx, reset.userId);
    await deleteUserSessions(tx, reset.userId);
    await recordAudit(
      tx,
      { requestId: input.requestId, actor: { userId: reset.userId, districtId: reset.districtId } },
      {
        action: 'auth.password_reset',
        entityType: 'user',
        entityId: reset.userId,
      },
    );
  });
}

/** An invitation sharing its e-mail with an account that signs in already (another district's) cannot take a password. */
async function refuseEmailInUse(db: Db, user: { userId: string; email: string }) {
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, user.email), isNotNull(users.passwordHash), ne(users.id, user.userId)));
  if (taken) throw new AppError('invalid_state', 'This e-mail address already has a Trellis account', { code: 'email_in_use' });
}

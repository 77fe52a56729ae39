import { and, eq, ne } from 'drizzle-orm';
import { people, sessions, users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { assertStrongPassword } from './password-policy.ts';
import { revokePasswordLinks } from './password-reset.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/** Changes the caller's password after checking the current one and the new one's strength; ends their other sessions and revokes open reset links. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }, keepSessionId?: string) {
  const [user] = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      passwordHash: users.passwordHash,
      givenName: people.givenName,
      familyName: people.familyName,
    })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(users.id, ctx.actor.userId));
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('validation_failed', 'The current password is not correct', [{ path: 'currentPassword', message: 'wrong' }]);
  }
  assertStrongPassword(input.newPassword, user, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    const others = keepSessionId ? and(eq(sessions.userId, user.id), ne(sessions.id, keepSessionId)) : eq(sessions.userId, user.id);
    await tx.delete(sessions).where(others);
    await revokePasswordLinks(tx, user.id);
    await recordAudit(tx, ctx, { action: 'user.change_password', entityType: 'user', entityId: user.id });
  });
}

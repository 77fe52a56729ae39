import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { calendarFeeds, passwordResets, sessions, users } from '../../db/schema/index.ts';

/**
 * Ends every way in that people hold, when they are deactivated (by hand or by a roster import):
 * their sessions are deleted, calendar feed URLs revoked and unused set-password links expired, so
 * a later reactivation revives none of them. Call inside the deactivating transaction.
 */
export async function endAccessOf(tx: Executor, districtId: string, personIds: string[]) {
  if (personIds.length === 0) return;
  const userIds = tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.personId, personIds), eq(users.districtId, districtId)));
  const now = new Date();
  await tx.delete(sessions).where(inArray(sessions.userId, userIds));
  await tx
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(inArray(calendarFeeds.userId, userIds), isNull(calendarFeeds.revokedAt)));
  await tx
    .update(passwordResets)
    .set({ expiresAt: now })
    .where(and(inArray(passwordResets.userId, userIds), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
}

import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { addDays } from '../../../common/clock.ts';
import type { NotificationKind } from '../../../common/observation.ts';
import { isSchoolDay } from '../../../common/school-days.ts';
import type { Db } from '../../db/client.ts';
import { districts, notifications } from '../../db/schema/index.ts';
import { recordAudit } from '../audit.ts';
import { recordEmails } from '../mail/outbox-store.ts';
import { loadNonSchoolDays } from '../school-calendar/context.ts';
import { readersOf, renderDigest, type Links } from './email.ts';
import { deliveriesOf } from './preferences.ts';

/** A digest gathers what was not sent yet from this far back (a long break holds them, then they come). */
const LOOKBACK_DAYS = 31;

export type DigestOutcome = { sent: number; skipped: null } | { sent: 0; skipped: 'non_school_day' };

/**
 * The daily digest of one district for `today` (an ISO day in its zone): to each person, one e-mail with every notification of a kind
 * they get as a `digest` not sent before, in their language; those notifications are then marked
 * sent. On a day that is not a school day of the district (weekend, holiday, break) it sends
 * nothing: what waits comes in the next school day's digest. Running it twice sends nothing twice.
 */
export async function sendDailyDigest(
  db: Db,
  districtId: string,
  today: string,
  links: Links,
  now: Date = new Date(),
): Promise<DigestOutcome> {
  const [district] = await db.select({ timeZone: districts.timeZone }).from(districts).where(eq(districts.id, districtId));
  if (!district) return { sent: 0, skipped: null };
  if (!isSchoolDay(today, await loadNonSchoolDays(db, districtId, today, today))) return { sent: 0, skipped: 'non_school_day' };
  return db.transaction(async (tx) => {
    const waiting = await tx
      .select({ id: notifications.id, personId: notifications.personId, kind: notifications.kind, params: notifications.params })
      .from(notifications)
      .where(
        and(
          eq(notifications.districtId, districtId),
          isNull(notifications.digestedAt),
          gte(notifications.createdAt, new Date(`${addDays(today, -LOOKBACK_DAYS)}T00:00:00Z`)),
          lte(notifications.createdAt, now),
        ),
      )
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .for('update', { skipLocked: true });
    const deliveries = await deliveriesOf(tx, districtId, [...new Set(waiting.map((n) => n.personId))]);
    const due = waiting.filter((n) => deliveries.get(n.personId)?.[n.kind as NotificationKind] === 'digest');
    if (due.length === 0) return { sent: 0, skipped: null };
    const readers = await readersOf(tx, districtId, [...new Set(due.map((n) => n.personId))]);
    const emails = [...readers.values()].map((reader) => {
      const items = due.filter((n) => n.personId === reader.personId).map((n) => ({ kind: n.kind as NotificationKind, params: n.params }));
      return { districtId, kind: 'notification' as const, toAddress: reader.email, ...renderDigest(reader, items, links) };
    });
    await recordEmails(tx, emails);
    // Marked whether or not the person can sign in: nobody is e-mailed the same notification twice.
    await tx
      .update(notifications)
      .set({ digestedAt: now })
      .where(
        and(
          eq(notifications.districtId, districtId),
          inArray(
            notifications.id,
            due.map((n) => n.id),
          ),
        ),
      );
    await recordAudit(
      tx,
      { requestId: `digest:${districtId}:${today}`, actor: { userId: null, districtId } },
      {
        action: 'notification_digest.send',
        entityType: 'district',
        entityId: districtId,
        after: { day: today, emails: emails.length, notifications: due.length },
      },
    );
    return { sent: emails.length, skipped: null };
  });
}

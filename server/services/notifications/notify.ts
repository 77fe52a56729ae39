import type { NotificationKind } from '../../../common/observation.ts';
import type { Executor } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { recordEmails } from '../mail/outbox-store.ts';
import { readersOf, renderImmediate, type Links } from './email.ts';
import { deliveriesOf } from './preferences.ts';

export interface NotifyInput {
  personIds: string[];
  kind: NotificationKind;
  entityType: string;
  entityId: string;
  /** Interpolated into the in-app text (web `notifications.<kind>`) and the e-mail (`email.json` `notifications.<kind>`). */
  params: Record<string, string | number>;
  /** Path in the web app the notification opens, e.g. `/observations/<id>`. */
  path: string;
}

/** One in-app notification to store; `params` holds its `path`. `dueOn`: a reminder's due date (once per key). */
export interface NewNotification {
  personId: string;
  kind: NotificationKind;
  entityType: string;
  entityId: string;
  params: Record<string, string | number>;
  dueOn?: string;
}

/**
 * Stores in-app notifications and, to those who can sign in and get the kind `immediately`, records
 * their e-mails (in the outbox, in the caller's transaction). A reminder already stored for its
 * person, kind, record and due date (`notifications_reminder_uq`) is skipped, e-mail included.
 * Returns the notifications stored and the e-mails recorded.
 */
export async function deliverNotifications(
  tx: Executor,
  districtId: string,
  links: Links,
  items: NewNotification[],
): Promise<{ stored: number; emails: number }> {
  if (items.length === 0) return { stored: 0, emails: 0 };
  const stored = await tx
    .insert(notifications)
    .values(items.map((n) => ({ districtId, ...n })))
    .onConflictDoNothing()
    .returning({ personId: notifications.personId, kind: notifications.kind, params: notifications.params });
  const deliveries = await deliveriesOf(tx, districtId, [...new Set(stored.map((n) => n.personId))]);
  const now = stored.filter((n) => deliveries.get(n.personId)?.[n.kind as NotificationKind] === 'immediately');
  if (now.length === 0) return { stored: stored.length, emails: 0 };
  const readers = await readersOf(tx, districtId, [...new Set(now.map((n) => n.personId))]);
  const emails = now.flatMap((n) => {
    const reader = readers.get(n.personId);
    if (!reader) return [];
    const mail = renderImmediate(reader, n.kind as NotificationKind, n.params, links);
    return [{ districtId, kind: 'notification' as const, toAddress: reader.email, ...mail }];
  });
  await recordEmails(tx, emails);
  return { stored: stored.length, emails: emails.length };
}

/**
 * Tells people about something, in the same transaction as the write: an in-app notification for
 * each, and, to those who can sign in and get this kind `immediately` (their preferences), an
 * e-mail (stored in the outbox, sent by the worker once the request succeeded) in each user's
 * language, linking to PUBLIC_URL, with an unsubscribe link for the kind. Kinds a person gets as
 * a `digest` wait for the daily digest (digest.ts); `off` sends no e-mail. The actor is never
 * notified of their own action.
 */
export async function notify(tx: Executor, ctx: Ctx, input: NotifyInput): Promise<void> {
  const personIds = [...new Set(input.personIds)].filter((id) => id !== ctx.actor.personId);
  if (personIds.length === 0) return;
  const params: Record<string, string | number> = { ...input.params, path: input.path };
  const links = { base: ctx.mail.publicUrl, key: ctx.mail.unsubscribeKey };
  const { emails } = await deliverNotifications(
    tx,
    ctx.actor.districtId,
    links,
    personIds.map((personId) => ({ personId, kind: input.kind, entityType: input.entityType, entityId: input.entityId, params })),
  );
  if (emails > 0) ctx.mail.storedRecorded();
}

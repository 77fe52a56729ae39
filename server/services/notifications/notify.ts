import { and, eq, inArray } from 'drizzle-orm';
import type { NotificationKind } from '../../../common/observation.ts';
import type { Executor } from '../../db/client.ts';
import { districts, notifications, people, users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { recordEmails } from '../mail/outbox-store.ts';
import { renderImmediate } from './email.ts';
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
  await tx.insert(notifications).values(
    personIds.map((personId) => ({
      districtId: ctx.actor.districtId,
      personId,
      kind: input.kind,
      entityType: input.entityType,
      entityId: input.entityId,
      params,
    })),
  );
  const deliveries = await deliveriesOf(tx, ctx.actor.districtId, personIds);
  const now = personIds.filter((id) => deliveries.get(id)?.[input.kind] === 'immediately');
  if (now.length === 0) return;
  const recipients = await tx
    .select({
      personId: users.personId,
      email: users.email,
      locale: users.locale,
      givenName: people.givenName,
      preferredName: people.preferredName,
      timeZone: districts.timeZone,
    })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .innerJoin(districts, eq(districts.id, users.districtId))
    .where(and(eq(users.districtId, ctx.actor.districtId), eq(users.active, true), inArray(users.personId, now)));
  if (recipients.length === 0) return;
  const links = { base: ctx.mail.publicUrl, key: ctx.mail.unsubscribeKey };
  await recordEmails(
    tx,
    recipients.map((r) => {
      const reader = { ...r, personId: r.personId!, districtId: ctx.actor.districtId, name: r.preferredName ?? r.givenName };
      const mail = renderImmediate(reader, input.kind, params, links);
      return { districtId: ctx.actor.districtId, kind: 'notification' as const, toAddress: r.email, ...mail };
    }),
  );
  ctx.mail.storedRecorded();
}

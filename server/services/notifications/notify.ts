import { and, eq, inArray } from 'drizzle-orm';
import i18next from 'i18next';
import { formatParamIn } from '../../../common/clock.ts';
import type { NotificationKind } from '../../../common/observation.ts';
import en from '../../../common/i18n/en/email.json' with { type: 'json' };
import es from '../../../common/i18n/es/email.json' with { type: 'json' };
import type { Executor } from '../../db/client.ts';
import { districts, notifications, people, users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { recordEmails } from '../mail/outbox-store.ts';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { email: en }, es: { email: es } },
  ns: ['email'],
  defaultNS: 'email',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

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
 * each, and an e-mail (stored in the outbox, sent by the worker once the request succeeded) in each
 * user's language to those who can sign in, linking to PUBLIC_URL. The actor is never notified of
 * their own action.
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
  const recipients = await tx
    .select({ email: users.email, locale: users.locale, givenName: people.givenName, preferredName: people.preferredName, timeZone: districts.timeZone })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .innerJoin(districts, eq(districts.id, users.districtId))
    .where(and(eq(users.districtId, ctx.actor.districtId), eq(users.active, true), inArray(users.personId, personIds)));
  if (recipients.length === 0) return;
  const base = ctx.mail.publicUrl;
  await recordEmails(
    tx,
    recipients.map((r) => {
      const locale = r.locale === 'es' ? 'es' : 'en';
      const t = i18n.getFixedT(locale, 'email');
      const activity = typeof params.activity === 'string' ? t(`activities.${params.activity}`) : undefined;
      // Days and times in the district's zone and the reader's language, the zone named (the reader's is unknown).
      const words = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, key === 'path' ? value : formatParamIn(value, { timeZone: r.timeZone, locale })]));
      const values = { ...words, ...(activity ? { activity } : {}), name: r.preferredName ?? r.givenName, link: `${base}${input.path}` };
      return {
        districtId: ctx.actor.districtId,
        kind: 'notification' as const,
        toAddress: r.email,
        subject: t(`notifications.${input.kind}.subject`, values),
        body: t(`notifications.${input.kind}.body`, values),
      };
    }),
  );
  ctx.mail.storedRecorded();
}

import { and, eq, inArray } from 'drizzle-orm';
import i18next from 'i18next';
import { formatParamIn } from '../../../common/clock.ts';
import type { NotificationKind } from '../../../common/observation.ts';
import en from '../../../common/i18n/en/email.json' with { type: 'json' };
import es from '../../../common/i18n/es/email.json' with { type: 'json' };
import type { Executor } from '../../db/client.ts';
import { districtSettings, districts, people, users } from '../../db/schema/index.ts';
import { signUnsubscribe, type UnsubscribeTarget } from './unsubscribe-token.ts';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { email: en }, es: { email: es } },
  ns: ['email'],
  defaultNS: 'email',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The person an e-mail is for: their stored language (else the district's default), and the district's zone. */
export interface Reader {
  districtId: string;
  personId: string;
  email: string;
  locale: string | null;
  /** The district's language for people who have not chosen one (district settings). */
  defaultLocale?: string | null;
  name: string;
  timeZone: string;
}

const LOCALES = ['en', 'es'];
/** The reader's own language, else the district's default, else English. */
export const readerLocale = (r: Pick<Reader, 'locale' | 'defaultLocale'>) =>
  r.locale && LOCALES.includes(r.locale) ? r.locale : r.defaultLocale && LOCALES.includes(r.defaultLocale) ? r.defaultLocale : 'en';

/** The people of `personIds` who can sign in (an active user), as e-mail readers, by person id. */
export async function readersOf(db: Executor, districtId: string, personIds: string[]): Promise<Map<string, Reader>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({
      personId: users.personId,
      email: users.email,
      locale: users.locale,
      givenName: people.givenName,
      preferredName: people.preferredName,
      timeZone: districts.timeZone,
      defaultLocale: districtSettings.defaultLocale,
    })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .innerJoin(districts, eq(districts.id, users.districtId))
    .leftJoin(districtSettings, eq(districtSettings.districtId, users.districtId))
    .where(and(eq(users.districtId, districtId), eq(users.active, true), inArray(users.personId, personIds)));
  return new Map(
    rows.map((r) => [
      r.personId!,
      {
        districtId,
        personId: r.personId!,
        email: r.email,
        locale: r.locale,
        defaultLocale: r.defaultLocale,
        name: r.preferredName ?? r.givenName,
        timeZone: r.timeZone,
      },
    ]),
  );
}

export interface Links {
  base: string;
  key: Buffer | null;
}

/**
 * The unsubscribe link of the text (a page that asks for one click) and the RFC 8058 header
 * fields (a mail client's one-click POST to the API); none without a signing key.
 */
function unsubscribe(links: Links, reader: Reader, target: UnsubscribeTarget) {
  if (!links.key) return { page: null, headers: null };
  const token = signUnsubscribe(links.key, { districtId: reader.districtId, personId: reader.personId, kind: target });
  return {
    page: `${links.base}/unsubscribe?token=${token}`,
    headers: {
      'List-Unsubscribe': `<${links.base}/api/notifications/unsubscribe?token=${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** A notification's subject and sentence values in the reader's language, days and times in the district's zone. */
function words(reader: Reader, kind: NotificationKind, params: Record<string, string | number>, links: Links) {
  const locale = readerLocale(reader);
  const t = i18n.getFixedT(locale, 'email');
  const activity = typeof params.activity === 'string' ? t(`activities.${params.activity}`) : undefined;
  const formatted = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      key === 'path' ? value : formatParamIn(value, { timeZone: reader.timeZone, locale }),
    ]),
  );
  const values = { ...formatted, ...(activity ? { activity } : {}), name: reader.name, link: `${links.base}${String(params.path ?? '')}` };
  return { t, values, subject: t(`notifications.${kind}.subject`, values) };
}

/** One notification as its own e-mail, with a link that stops this kind. */
export function renderImmediate(reader: Reader, kind: NotificationKind, params: Record<string, string | number>, links: Links) {
  const { t, values, subject } = words(reader, kind, params, links);
  const stop = unsubscribe(links, reader, kind);
  const footer = stop.page
    ? `\n\n--\n${t('unsubscribe.one', { kind: t(`kinds.${kind}`), link: stop.page, settings: `${links.base}/account` })}`
    : '';
  return { subject, body: `${t(`notifications.${kind}.body`, values)}${footer}`, headers: stop.headers };
}

/** The day's digest notifications in one e-mail: each one's subject and link, and a link that stops the digest. */
export function renderDigest(reader: Reader, items: { kind: NotificationKind; params: Record<string, string | number> }[], links: Links) {
  const t = i18n.getFixedT(readerLocale(reader), 'email');
  const lines = items.map((item) => {
    const { subject, values } = words(reader, item.kind, item.params, links);
    return `- ${subject}\n  ${values.link}`;
  });
  const stop = unsubscribe(links, reader, 'digest');
  const footer = stop.page ? `\n\n--\n${t('unsubscribe.digest', { link: stop.page, settings: `${links.base}/account` })}` : '';
  return {
    subject: t('digest.subject', { count: items.length }),
    body: `${t('digest.body', { name: reader.name, count: items.length, items: lines.join('\n\n') })}${footer}`,
    headers: stop.headers,
  };
}

import i18next from 'i18next';
import { formatDateTimeIn } from '../../../../common/clock.ts';
import en from '../../../../common/i18n/en/email.json' with { type: 'json' };
import es from '../../../../common/i18n/es/email.json' with { type: 'json' };
import type { Executor } from '../../../db/client.ts';
import { outboxEmails } from '../../../db/schema/index.ts';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { email: en }, es: { email: es } },
  ns: ['email'],
  defaultNS: 'email',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export type SecurityNotice = 'enrolled' | 'disabled' | 'reset' | 'recoveryCodeUsed';

/**
 * Tells a user by e-mail that their sign-in changed (ASVS 6.3.7), in their language and their
 * district's time, in the same transaction as the change.
 */
export async function queueSecurityNotice(
  tx: Executor,
  account: { user: { districtId: string; email: string; locale: string | null }; givenName: string; timeZone: string },
  notice: SecurityNotice,
  params: Record<string, string | number> = {},
) {
  const locale = account.user.locale === 'es' ? 'es' : 'en';
  const when = formatDateTimeIn(new Date(), { timeZone: account.timeZone, locale, label: true });
  const t = i18n.getFixedT(locale, 'email');
  const values = { ...params, name: account.givenName, when };
  await tx.insert(outboxEmails).values({
    districtId: account.user.districtId,
    toAddress: account.user.email,
    subject: t(`twoFactor.${notice}.subject`, values),
    body: t(`twoFactor.${notice}.body`, values),
  });
}

import i18next from 'i18next';
import en from '../../../common/i18n/en/email.json' with { type: 'json' };
import es from '../../../common/i18n/es/email.json' with { type: 'json' };

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { email: en }, es: { email: es } },
  ns: ['email'],
  defaultNS: 'email',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/**
 * A set-password e-mail (reset or invitation) in the user's language: `body` carries the link and
 * is only ever sent; `storedBody` is the same text with the link withheld, for the outbox.
 */
export function linkEmail(kind: 'passwordReset' | 'invitation', locale: 'en' | 'es', name: string, link: string) {
  const t = i18n.getFixedT(locale, 'email');
  return {
    subject: t(`${kind}.subject`),
    body: t(`${kind}.body`, { name, link }),
    storedBody: t(`${kind}.body`, { name, link: t('linkWithheld') }),
  };
}

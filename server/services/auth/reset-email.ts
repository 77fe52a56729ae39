import i18next from 'i18next';
import en from '../../../common/i18n/en/email.json' with { type: 'json' };
import es from '../../../common/i18n/es/email.json' with { type: 'json' };

const i18n = i18next.createInstance();
void i18n.init({ resources: { en: { email: en }, es: { email: es } }, ns: ['email'], defaultNS: 'email', fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false } });

/** The password-reset e-mail in the user's language. */
export function resetEmail(locale: 'en' | 'es', name: string, link: string) {
  const t = i18n.getFixedT(locale, 'email');
  return {
    subject: t('passwordReset.subject'),
    body: t('passwordReset.body', { name, link }),
  };
}

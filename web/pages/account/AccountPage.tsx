import { Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useUpdateLocale } from '../../api/session.ts';
import { LOCALES, setLocale, type Locale } from '../../app/i18n.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DetailList } from '../../components/DetailList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { DevicesSection } from './DevicesSection.tsx';
import { NotificationPreferencesSection } from './NotificationPreferencesSection.tsx';
import { RecordReadsSection } from './RecordReadsSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

/**
 * The user's own account: who they are, their language (saved and applied at once), their password,
 * the e-mail notifications they get, two-factor sign-in, the devices signed in and who viewed their records.
 */
export default function AccountPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const updateLocale = useUpdateLocale();
  const [choice, setChoice] = useState(i18n.language);
  const rows: [string, string][] = [
    [t('field.name'), `${me.person.givenName} ${me.person.familyName}`],
    [t('field.email'), me.email],
    [t('account.access'), me.guest ? t('account.guestAccess') : t(`access.${me.access}`)],
    [t('account.district'), me.district.name],
  ];

  const onLanguage = (value: string) => {
    const locale = value as Locale;
    setChoice(locale);
    // Apply at once; the saved user record follows (and is what the next sign-in uses).
    void setLocale(locale);
    updateLocale.mutate(locale);
  };

  return (
    <Stack gap="xl">
      <PageHeader title={t('account.title')} />
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('account.profileTitle')}
        </Title>
        <DetailList rows={rows} />
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('account.language')}
        </Title>
        <Radio.Group label={t('account.languageLabel')} value={choice} onChange={onLanguage}>
          <Group mt="xs">
            {LOCALES.map((locale) => (
              <Radio key={locale} value={locale} label={t(`language.${locale}`)} lang={locale} />
            ))}
          </Group>
        </Radio.Group>
        <div role="status">{updateLocale.isSuccess ? <Text size="sm">{t('account.languageSaved')}</Text> : null}</div>
        <ErrorAlert error={updateLocale.error} />
      </Stack>
      {/* A vendor guest gets no notifications, has no two-factor grant and no records of its own. */}
      {me.guest ? null : <NotificationPreferencesSection />}
      <ChangePasswordForm />
      {me.guest ? null : <TwoFactorSection />}
      <DevicesSection />
      {me.guest ? null : <RecordReadsSection />}
    </Stack>
  );
}

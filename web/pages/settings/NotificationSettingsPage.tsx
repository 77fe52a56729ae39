import { Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../common/schemas/auth.ts';
import { UpdateNotificationSettingsInput, type NotificationSettings } from '../../../common/schemas/notification-preferences.ts';
import { useNotificationSettings, useSaveNotificationSettings } from '../../api/notification-preferences.ts';
import { useMe } from '../../api/session.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { serverFieldErrors } from '../../components/validation.ts';
import { conflictCurrent, SaveProblem } from './SaveProblem.tsx';

type Values = { digestHour: string; defaultLocale: string };
const valuesOf = (s: NotificationSettings): Values => ({ digestHour: String(s.digestHour), defaultLocale: s.defaultLocale });
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));

function NotificationSettingsForm({ settings, timeZone }: { settings: NotificationSettings; timeZone: string }) {
  const { t } = useTranslation('settings');
  const { t: tApp } = useTranslation();
  const [version, setVersion] = useState(settings.version);
  const form = useForm({
    initialValues: valuesOf(settings),
    ...schemaForm(UpdateNotificationSettingsInput, t, {
      toInput: (values: Values) => ({ digestHour: Number(values.digestHour), defaultLocale: values.defaultLocale, version }),
    }),
  });
  const save = useSaveNotificationSettings();
  const onSubmit = form.onSubmit(
    (input) =>
      save.mutate(input, {
        onSuccess: (saved) => {
          setVersion(saved.version);
          notifySuccess(t('notificationSettings.saved'));
        },
        onError: (error) => form.setErrors(serverFieldErrors(t, error)),
      }),
    focusFirstError,
  );
  const current = conflictCurrent<NotificationSettings>(save.error);
  const readOnly = !settings.abilities.update;
  return (
    <Paper withBorder p="md" maw={640}>
      <form onSubmit={onSubmit} noValidate aria-label={t('notificationSettings.title')}>
        <Stack>
          {readOnly ? <Text c="dimmed">{t('notificationSettings.readOnly')}</Text> : null}
          <SaveProblem
            error={save.error}
            onLoad={() => {
              if (!current) return;
              form.setValues(valuesOf(current));
              setVersion(current.version);
              save.reset();
            }}
          />
          <NativeSelect
            label={t('notificationSettings.digestHour')}
            description={t('notificationSettings.digestHourHelp', { zone: timeZone })}
            data={HOURS}
            disabled={readOnly}
            {...form.getInputProps('digestHour')}
          />
          <NativeSelect
            label={t('notificationSettings.defaultLocale')}
            description={t('notificationSettings.defaultLocaleHelp')}
            data={LOCALES.map((l) => ({ value: l, label: tApp(`language.${l}`) }))}
            disabled={readOnly}
            {...form.getInputProps('defaultLocale')}
          />
          {readOnly ? null : (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** District admins: the hour the school-day reminders and digest go out, and the district's e-mail language. */
export default function NotificationSettingsPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const settings = useNotificationSettings();
  if (!me.abilities.manageNotificationSettings) return <NotAllowed />;
  return (
    <>
      <PageHeader title={t('notificationSettings.title')} subtitle={t('notificationSettings.subtitle')} />
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
      {settings.data ? <NotificationSettingsForm settings={settings.data} timeZone={me.district.timeZone} /> : <Loading />}
    </>
  );
}

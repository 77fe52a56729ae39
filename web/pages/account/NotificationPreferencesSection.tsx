import { Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../common/observation.ts';
import { EMAIL_DELIVERIES, type EmailDelivery } from '../../../common/schemas/notification-preferences.ts';
import { isApiError } from '../../api/client.ts';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../../api/notification-preferences.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';

type Deliveries = Record<NotificationKind, EmailDelivery>;

/** "E-mail notifications": for each kind, at once, in the daily digest (school days), or not at all. */
export function NotificationPreferencesSection() {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  // The person's changes over the saved preferences (after a conflict, over the current ones).
  const [edits, setEdits] = useState<Partial<Deliveries>>({});
  const draft: Deliveries | null = prefs.data ? { ...prefs.data.deliveries, ...edits } : null;
  const stale = isApiError(save.error, 'conflict');
  const options = EMAIL_DELIVERIES.map((value) => ({ value, label: t(`notificationPrefs.delivery.${value}`) }));
  const onSave = () => {
    if (!draft || !prefs.data) return;
    save.mutate(
      { deliveries: draft, version: prefs.data.version },
      { onSuccess: () => setEdits({}), onError: (error) => isApiError(error, 'conflict') && setEdits({}) },
    );
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="notification-prefs-title">
      <Title order={2} size="h3" id="notification-prefs-title">
        {t('notificationPrefs.title')}
      </Title>
      <Text size="sm">{t('notificationPrefs.intro')}</Text>
      <ErrorAlert error={prefs.error} />
      {prefs.isPending ? <Loading /> : null}
      {draft ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {NOTIFICATION_KINDS.map((kind) => (
              <Select
                key={kind}
                label={t(`notificationPrefs.kind.${kind}`)}
                data={options}
                value={draft[kind]}
                allowDeselect={false}
                onChange={(value) => value && setEdits({ ...edits, [kind]: value as EmailDelivery })}
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button onClick={onSave} loading={save.isPending}>
              {t('notificationPrefs.save')}
            </Button>
          </Group>
          <div role="status">{save.isSuccess ? <Text size="sm">{t('notificationPrefs.saved')}</Text> : null}</div>
          {stale ? (
            <Text size="sm" c="orange.9">
              {t('notificationPrefs.stale')}
            </Text>
          ) : (
            <ErrorAlert error={save.error} />
          )}
        </>
      ) : null}
    </Stack>
  );
}

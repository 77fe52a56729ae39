import { Button, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarFeed, useRevokeCalendarFeed, useRotateCalendarFeed } from '../../api/calendar.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';

/** The caller's secret feed address: create or replace it (shown once, with a copy button), stop it, and how to add it to Google or Outlook. */
export function SubscribePanel() {
  const { t } = useTranslation('calendar');
  const status = useCalendarFeed();
  const rotate = useRotateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const active = status.data?.active ?? false;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('subscribe.intro')}</Text>
      {url ? (
        <>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('subscribe.url')}
              value={url}
              readOnly
              style={{ flex: 1, minWidth: 0 }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button onClick={copy} color={copied ? 'teal' : 'blue'} variant="light">
                  {copied ? t('subscribe.copied') : t('subscribe.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed" role="status">
            {t('subscribe.shownOnce')}
          </Text>
        </>
      ) : (
        <Text size="sm" role="status">
          {active
            ? t('subscribe.active', { date: formatDateTime(status.data?.createdAt) })
            : revoke.isSuccess
              ? t('subscribe.revoked')
              : t('subscribe.none')}
        </Text>
      )}
      <ErrorAlert error={rotate.error ?? revoke.error ?? status.error} />
      <Group gap="sm" wrap="wrap">
        <Button loading={rotate.isPending} onClick={() => rotate.mutate(undefined, { onSuccess: (created) => setUrl(created.url) })}>
          {active || url ? t('subscribe.rotate') : t('subscribe.create')}
        </Button>
        {active ? (
          <Button
            variant="default"
            color="red"
            loading={revoke.isPending}
            onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}
          >
            {t('subscribe.revoke')}
          </Button>
        ) : null}
      </Group>
      {active || url ? (
        <Text size="sm" c="dimmed">
          {t('subscribe.rotateNote')}
        </Text>
      ) : null}
      <Title order={3} size="h5" mt="sm">
        {t('subscribe.googleTitle')}
      </Title>
      <Text size="sm">{t('subscribe.google')}</Text>
      <Title order={3} size="h5">
        {t('subscribe.outlookTitle')}
      </Title>
      <Text size="sm">{t('subscribe.outlook')}</Text>
    </Stack>
  );
}

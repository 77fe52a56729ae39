import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useUnsubscribe } from '../../api/notification-preferences.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';

/**
 * The unsubscribe link of a notification e-mail (`/unsubscribe?token=...`), signed out: one click
 * turns that kind of e-mail (or the daily digest) off. The click, not the visit, changes anything
 * (mail scanners open links).
 */
export default function UnsubscribePage() {
  const { t } = useTranslation();
  usePageTitle(t('unsubscribe.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const stop = useUnsubscribe();
  const badLink = token.length < 10 || isApiError(stop.error, 'validation_failed');

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('unsubscribe.title')}
      </Title>
      {stop.isSuccess ? (
        <Alert color="green" role="status" title={t('unsubscribe.doneTitle')}>
          {stop.data.kind === 'digest'
            ? t('unsubscribe.doneDigest')
            : t('unsubscribe.done', { kind: t(`notificationPrefs.kind.${stop.data.kind}`) })}
        </Alert>
      ) : badLink ? (
        <Alert color="red" role="alert" title={t('unsubscribe.badLinkTitle')}>
          {t('unsubscribe.badLink')}
        </Alert>
      ) : (
        <Stack>
          <Text>{t('unsubscribe.intro')}</Text>
          <ErrorAlert error={stop.error} />
          <Button onClick={() => stop.mutate(token)} loading={stop.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('unsubscribe.confirm')}
          </Button>
        </Stack>
      )}
      <Text size="sm">
        {t('unsubscribe.settings')}{' '}
        <Anchor component={Link} to="/account">
          {t('unsubscribe.settingsLink')}
        </Anchor>
      </Text>
    </Stack>
  );
}

import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceSession } from '../../../common/schemas/sessions.ts';
import { useEndMyOtherSessions, useEndMySession, useMySessions } from '../../api/sessions.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { deviceLabel } from './deviceLabel.ts';

function DeviceName({ session }: { session: DeviceSession }) {
  const { t } = useTranslation();
  const label = deviceLabel(session.userAgent);
  if (!label) return <>{t('devices.unknown')}</>;
  const browser = label.browser ?? t('devices.unknownBrowser');
  return <>{label.system ? t('devices.browserOn', { browser, system: label.system }) : browser}</>;
}

/** The devices the person is signed in on, each of which they can sign out (ASVS V7.5.2). */
export function DevicesSection() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const endOne = useEndMySession();
  const endOthers = useEndMyOtherSessions();
  const items = sessions.data?.items ?? [];
  const others = items.filter((s) => !s.current).length;

  return (
    <Stack gap="sm" component="section" aria-labelledby="devices-title">
      <Title order={2} size="h3" id="devices-title">
        {t('devices.title')}
      </Title>
      <Text size="sm">{t('devices.intro')}</Text>
      {sessions.isPending ? <Loading /> : null}
      <ErrorAlert error={sessions.error ?? endOne.error ?? endOthers.error} />
      <Stack gap="xs" component="ul" aria-label={t('devices.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((session) => (
          <Paper component="li" key={session.id} withBorder p="sm">
            <Group justify="space-between" gap="sm">
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={600} title={session.userAgent ?? undefined}>
                    <DeviceName session={session} />
                  </Text>
                  {session.current ? (
                    <Badge variant="light" color="green">
                      {t('devices.thisDevice')}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="sm">
                  {t('devices.since', { date: formatDateTime(session.createdAt) })} ·{' '}
                  {t('devices.lastUsed', { date: formatDateTime(session.lastSeenAt) })}
                </Text>
              </Stack>
              {session.current ? null : (
                <Button
                  variant="default"
                  size="xs"
                  loading={endOne.isPending && endOne.variables === session.id}
                  onClick={() => endOne.mutate(session.id, { onSuccess: () => notifySuccess(t('devices.ended')) })}
                  aria-label={t('devices.signOutDevice', { date: formatDateTime(session.lastSeenAt) })}
                >
                  {t('devices.signOut')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {others > 0 ? (
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          loading={endOthers.isPending}
          onClick={() => endOthers.mutate(undefined, { onSuccess: (r) => notifySuccess(t('devices.endedOthers', { count: r.ended })) })}
        >
          {t('devices.signOutOthers')}
        </Button>
      ) : null}
    </Stack>
  );
}

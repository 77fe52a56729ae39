import { Alert, Anchor, Badge, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EMAIL_STATUSES, type OutboxEmail } from '../../common/schemas/outbox.ts';
import { useOutbox, type EmailStatus } from '../api/audit.ts';
import { useMe } from '../api/session.ts';
import { formatDateTime } from '../app/format.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { NotAllowed } from '../components/NotAllowed.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useUrlState } from '../components/useUrlState.ts';

const STATUS_COLOR: Record<EmailStatus, string> = { pending: 'yellow', sent: 'green', failed: 'red', printed: 'gray' };

/** The e-mail's text with its web addresses as links (e.g. a notification's link into Trellis). */
function BodyWithLinks({ body }: { body: string }) {
  return (
    <>
      {body.split(/(https?:\/\/[^\s]+)/g).map((part, index) =>
        index % 2 === 1 ? (
          <Anchor key={index} href={part}>
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Where an e-mail stands: status, attempts, when it went or goes next, and why it failed. */
function Delivery({ email }: { email: OutboxEmail }) {
  const { t } = useTranslation();
  const when =
    email.sentAt && email.status !== 'failed'
      ? t(email.status === 'printed' ? 'outbox.printedAt' : 'outbox.sentAt', { time: formatDateTime(email.sentAt) })
      : email.nextAttemptAt && email.attempts > 0
        ? t('outbox.nextAttempt', { time: formatDateTime(email.nextAttemptAt) })
        : null;
  return (
    <Stack gap={4} mt="sm">
      <Group gap="xs" wrap="wrap">
        <Badge
          variant="light"
          color={STATUS_COLOR[email.status]}
          style={{ overflow: 'visible' }}
          styles={{ label: { overflow: 'visible' } }}
        >
          {t(`outbox.status.${email.status}`)}
        </Badge>
        <Text size="sm" component="span">
          {[t('outbox.attempts', { count: email.attempts }), when].filter(Boolean).join(' · ')}
        </Text>
      </Group>
      {email.failureReason ? <Text size="sm">{t(`outbox.failure.${email.failureReason}`)}</Text> : null}
      {email.lastError ? (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('outbox.lastError', { error: email.lastError })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** E-mails Trellis sent, is sending or could not send: recipient, subject, delivery state; body on demand. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [filters, setFilters] = useUrlState({ status: 'all' });
  const status = (EMAIL_STATUSES as readonly string[]).includes(filters.status) ? (filters.status as EmailStatus) : undefined;
  const outbox = useOutbox(status);
  if (!me.abilities.viewOutbox) return <NotAllowed />;
  return (
    <>
      <PageHeader title={t('outbox.title')} subtitle={t('outbox.subtitle')} />
      <Stack gap="md">
        {outbox.data ? (
          <Alert color={outbox.data.delivery === 'none' ? 'orange' : 'blue'} role={outbox.data.delivery === 'none' ? 'alert' : undefined}>
            {t(`outbox.delivery.${outbox.data.delivery}`)} {t('outbox.timeZone', { zone: outbox.data.timeZone })}
          </Alert>
        ) : null}
        <NativeSelect
          label={t('outbox.filterLabel')}
          value={status ?? 'all'}
          onChange={(e) => setFilters({ status: e.currentTarget.value })}
          data={['all', ...EMAIL_STATUSES].map((value) => ({ value, label: t(`outbox.filter.${value}`) }))}
          maw={320}
        />
        {outbox.isPending ? <Loading /> : null}
        <ErrorAlert error={outbox.error} />
        {outbox.data?.items.length === 0 ? <Text>{t(status ? 'outbox.emptyFiltered' : 'outbox.empty')}</Text> : null}
        <Stack component="ul" gap="sm" aria-label={t('outbox.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {outbox.data?.items.map((email) => (
            <Paper component="li" key={email.id} withBorder p="md">
              <details>
                <summary>
                  <Text component="span" fw={600}>
                    {email.subject}
                  </Text>
                  <Text size="sm" component="span" display="block" ml="md">
                    {t('outbox.to', { address: email.toAddress })} · {formatDateTime(email.createdAt)}
                  </Text>
                </summary>
                {email.linkWithheld ? (
                  <Alert color="gray" mt="sm" p="xs">
                    {t('outbox.linkWithheld')}
                  </Alert>
                ) : null}
                <Text component="pre" mt="sm" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit' }}>
                  <BodyWithLinks body={email.body} />
                </Text>
              </details>
              <Delivery email={email} />
            </Paper>
          ))}
        </Stack>
      </Stack>
    </>
  );
}

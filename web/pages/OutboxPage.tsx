import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../api/audit.ts';
import { useMe } from '../api/session.ts';
import { formatDateTime } from '../app/format.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { NotAllowed } from '../components/NotAllowed.tsx';
import { PageHeader } from '../components/PageHeader.tsx';

/** The e-mail's text with its web addresses as links (e.g. a password-reset link). */
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

/** E-mails the app would have sent (development outbox): subject, recipient, date; body on demand. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const outbox = useOutbox();
  if (!me.abilities.viewOutbox) return <NotAllowed />;
  return (
    <>
      <PageHeader title={t('outbox.title')} subtitle={t('outbox.subtitle')} />
      {outbox.isPending ? <Loading /> : null}
      <ErrorAlert error={outbox.error} />
      {outbox.data?.items.length === 0 ? <Text>{t('outbox.empty')}</Text> : null}
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
              <Text component="pre" mt="sm" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit' }}>
                <BodyWithLinks body={email.body} />
              </Text>
            </details>
          </Paper>
        ))}
      </Stack>
    </>
  );
}

import { Badge, Button, Code, CopyButton, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateApiTokenInput } from '../../../common/schemas/api-tokens.ts';
import { useApiTokens, useCreateApiToken, useRevokeApiToken, type ApiToken } from '../../api/api-tokens.ts';
import { useMe } from '../../api/session.ts';
import { formatDateTime } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

function CopyValue({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('case');
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', flex: 1 }} aria-label={label}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant="default" size="xs" onClick={copy} aria-label={`${t('integrations.copy')}: ${label}`}>
            {copied ? t('integrations.copied') : t('integrations.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function TokenStatus({ token }: { token: ApiToken }) {
  const { t } = useTranslation('case');
  return token.revokedAt ? (
    <Badge color="gray" variant="light">
      {t('integrations.revoked')}
    </Badge>
  ) : (
    <Badge color="green" variant="light">
      {t('integrations.active')}
    </Badge>
  );
}

/** /integrations (district admins): the CASE REST address and the API tokens other systems use. */
export default function IntegrationsPage() {
  const { t } = useTranslation('case');
  const me = useMe();
  const isPhone = useIsPhone();
  const allowed = me.abilities.viewAudit;
  const tokens = useApiTokens(allowed);
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const form = useForm({
    initialValues: { name: '' },
    ...schemaForm(CreateApiTokenInput, t, {
      check: (values: { name: string }) => ({ name: values.name.trim() ? undefined : t('integrations.nameRequired') }),
    }),
  });
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  if (!allowed) return <NotAllowed />;

  const onCreate = form.onSubmit(
    (input) =>
      create.mutate(input.name, {
        onSuccess: (created) => {
          setSecret(created.secret);
          form.reset();
        },
      }),
    focusFirstError,
  );
  const lastUsed = (token: ApiToken) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('integrations.never'));
  const revokeButton = (token: ApiToken) =>
    token.abilities.revoke ? (
      <Button
        size="xs"
        variant="default"
        color="red"
        onClick={() => setRevoking(token)}
        aria-label={t('integrations.revokeNamed', { name: token.name })}
      >
        {t('integrations.revoke')}
      </Button>
    ) : null;

  return (
    <Stack maw={960}>
      <PageHeader title={t('integrations.title')} subtitle={t('integrations.subtitle')} />
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('integrations.caseTitle')}
        </Title>
        <Text>{t('integrations.caseHelp')}</Text>
        {tokens.data ? <CopyValue value={tokens.data.caseBaseUrl} label={t('integrations.baseUrl')} /> : null}
        <Text size="sm" c="dimmed">
          {t('integrations.endpoints')}
        </Text>
        <Code block>
          {['CFPackages/{id}', 'CFDocuments', 'CFDocuments/{id}', 'CFItems/{id}', 'CFItemTypes/{id}', 'CFRubrics/{id}']
            .map((p) => `GET ${p}`)
            .join('\n')}
        </Code>
      </Stack>
      <Stack gap="sm" mt="md">
        <Title order={2} size="h3">
          {t('integrations.tokensTitle')}
        </Title>
        <Text>{t('integrations.tokensHelp')}</Text>
        <form onSubmit={onCreate} noValidate>
          <Group align="flex-end">
            <TextInput
              label={t('integrations.tokenName')}
              description={t('integrations.tokenNameHelp')}
              {...form.getInputProps('name')}
              required
              maxLength={100}
              style={{ flex: '1 1 16rem' }}
            />
            <Button type="submit" loading={create.isPending}>
              {t('integrations.create')}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={create.error} />
        {tokens.isPending ? <Loading /> : null}
        <ErrorAlert error={tokens.error} />
        {tokens.data && tokens.data.items.length === 0 ? <Text c="dimmed">{t('integrations.none')}</Text> : null}
        {tokens.data && tokens.data.items.length > 0 && isPhone ? (
          <Stack component="ul" gap="xs" aria-label={t('integrations.tokensTitle')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {tokens.data.items.map((token) => (
              <Paper component="li" key={token.id} withBorder p="sm">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {token.name}
                  </Text>
                  <TokenStatus token={token} />
                </Group>
                <Text size="sm">
                  {t('integrations.createdBy', { date: formatDateTime(token.createdAt), name: token.createdByName ?? '—' })}
                </Text>
                <Text size="sm">{t('integrations.lastUsedOn', { date: lastUsed(token) })}</Text>
                <Group mt="xs">{revokeButton(token)}</Group>
              </Paper>
            ))}
          </Stack>
        ) : null}
        {tokens.data && tokens.data.items.length > 0 && !isPhone ? (
          <Table verticalSpacing="xs">
            <Table.Caption>{t('integrations.tokensCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('integrations.col.name')}</Table.Th>
                <Table.Th scope="col">{t('integrations.col.created')}</Table.Th>
                <Table.Th scope="col">{t('integrations.col.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('integrations.col.status')}</Table.Th>
                <Table.Th scope="col">{t('integrations.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.items.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>
                    {t('integrations.createdBy', { date: formatDateTime(token.createdAt), name: token.createdByName ?? '—' })}
                  </Table.Td>
                  <Table.Td>{lastUsed(token)}</Table.Td>
                  <Table.Td>
                    <TokenStatus token={token} />
                  </Table.Td>
                  <Table.Td>{revokeButton(token)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
      <AppModal opened={secret !== null} onClose={() => setSecret(null)} title={t('integrations.createdTitle')}>
        <Stack>
          <Text>{t('integrations.shownOnce')}</Text>
          {secret ? <CopyValue value={secret} label={t('integrations.tokenLabel')} /> : null}
          <Group justify="flex-end">
            <Button onClick={() => setSecret(null)}>{t('integrations.doneCopying')}</Button>
          </Group>
        </Stack>
      </AppModal>
      <ConfirmModal
        opened={revoking !== null}
        title={t('integrations.revokeTitle')}
        confirmLabel={t('integrations.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() =>
          revoke.mutate(revoking!.id, {
            onSuccess: () => {
              notifySuccess(t('integrations.revokedNotice', { name: revoking!.name }));
              setRevoking(null);
            },
          })
        }
      >
        {t('integrations.revokeBody', { name: revoking?.name ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}

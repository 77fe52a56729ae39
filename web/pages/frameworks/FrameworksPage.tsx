import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreateFrameworkInput } from '../../../common/schemas/frameworks.ts';
import { useCreateFramework, useFrameworks, type FrameworkSummary } from '../../api/frameworks.ts';
import { useScales } from '../../api/scales.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from './shared.tsx';

/** Names a new framework (and optionally its scale); it starts as an empty draft version 1. */
function NewFrameworkModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('frameworks');
  const navigate = useNavigate();
  const create = useCreateFramework();
  const scales = useScales();
  const form = useForm({
    initialValues: { title: '', description: '', scaleId: '' },
    ...schemaForm(CreateFrameworkInput, t, {
      toInput: (values: { title: string; description: string; scaleId: string }) => ({
        title: values.title,
        description: values.description.trim() || null,
        scaleId: values.scaleId || null,
      }),
    }),
  });

  const onSubmit = form.onSubmit(
    (input) =>
      create.mutate(input, {
        onSuccess: ({ version }) => {
          notifySuccess(t('list.created', { title: input.title }));
          void navigate(`/frameworks/versions/${version.id}`);
        },
      }),
    focusFirstError,
  );
  const scaleOptions = (scales.data?.items ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }));
  return (
    <AppModal opened onClose={onClose} title={t('list.newTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} />
          <TextInput label={t('field.title')} required {...form.getInputProps('title')} data-autofocus />
          <Textarea label={t('field.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <NativeSelect
            label={t('field.scale')}
            {...form.getInputProps('scaleId')}
            data={[{ value: '', label: t('list.defaultScale') }, ...scaleOptions]}
          />
          <FormModalFooter onCancel={onClose} saving={create.isPending} submitLabel={t('list.create')} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** One framework: its title and every version the reader may see, newest first. */
function FrameworkCard({ framework }: { framework: FrameworkSummary }) {
  const { t } = useTranslation('frameworks');
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="xs">
        <Anchor component={Link} to={`/frameworks/${framework.id}`} fw={600} size="lg">
          {framework.title}
        </Anchor>
        {framework.versions.length === 0 ? <Text size="sm">{t('list.noVersions')}</Text> : null}
        <Stack
          component="ul"
          gap={10}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={t('list.versionsOf', { title: framework.title })}
        >
          {framework.versions.map((v) => (
            <li key={v.id}>
              <Group gap="xs" wrap="nowrap">
                <Anchor component={Link} to={`/frameworks/versions/${v.id}`} py={2}>
                  {t('version.name', { number: v.versionNumber })}
                </Anchor>
                <StatusBadge status={v.status} />
              </Group>
              <Text size="sm" c="dimmed">
                {v.publishedAt ? `${t('list.publishedOn', { date: formatDate(v.publishedAt) })} · ` : ''}
                {t('list.itemCount', { count: v.itemCount, formatted: formatNumber(v.itemCount) })}
              </Text>
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** Every framework of the district with its versions; editors start new ones here. */
export default function FrameworksPage() {
  const { t } = useTranslation('frameworks');
  const me = useMe();
  const frameworks = useFrameworks();
  const [creating, setCreating] = useState(false);
  const items = frameworks.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        actions={
          <>
            <Button component={Link} to="/scales" variant="default">
              {t('scales.link')}
            </Button>
            {me.abilities.manageFrameworks ? <Button onClick={() => setCreating(true)}>{t('list.new')}</Button> : null}
          </>
        }
      />
      <ErrorAlert error={frameworks.error} />
      {frameworks.isPending ? <Loading /> : null}
      {frameworks.data && items.length === 0 ? (
        <Text role="status">{me.abilities.manageFrameworks ? t('list.emptyEditor') : t('list.empty')}</Text>
      ) : null}
      {items.length > 0 ? (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('list.caption')}>
          {items.map((framework) => (
            <FrameworkCard key={framework.id} framework={framework} />
          ))}
        </Stack>
      ) : null}
      {creating ? <NewFrameworkModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

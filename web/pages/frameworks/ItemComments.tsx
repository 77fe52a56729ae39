import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateCommentInput } from '../../../common/schemas/frameworks.ts';
import {
  useAddComment,
  useComments,
  useResolveComment,
  type CommentStatus,
  type FrameworkItem,
  type FrameworkVersion,
} from '../../api/frameworks.ts';
import { formatDateTime } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FrameworkError } from './shared.tsx';

/** The design team's comments on this item: add (commenters), resolve and reopen (editors). */
export function Comments({ version, item }: { version: FrameworkVersion; item: FrameworkItem }) {
  const { t } = useTranslation('frameworks');
  const [status, setStatus] = useState<CommentStatus>('open');
  const comments = useComments(version.id, item.id, status);
  const add = useAddComment(version.id);
  const resolve = useResolveComment(version.id);
  const form = useForm({
    initialValues: { body: '' },
    ...schemaForm(CreateCommentInput, t, { toInput: (values: { body: string }) => ({ itemId: item.id, body: values.body }) }),
  });
  const onAdd = form.onSubmit(
    (input) => add.mutate({ itemId: item.id, body: input.body }, { onSuccess: () => form.reset() }),
    focusFirstError,
  );
  const list = comments.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('comments.title')}
      </Title>
      <SegmentedControl
        size="xs"
        value={status}
        onChange={(v) => setStatus(v as CommentStatus)}
        data={[
          { value: 'open', label: t('comments.open') },
          { value: 'resolved', label: t('comments.resolved') },
          { value: 'all', label: t('comments.all') },
        ]}
        aria-label={t('comments.filter')}
      />
      <ErrorAlert error={comments.error} />
      <FrameworkError error={resolve.error} />
      {comments.data && list.length === 0 ? <Text size="sm">{t('comments.empty')}</Text> : null}
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('comments.title')}>
        {list.map((c) => (
          <Paper component="li" key={c.id} withBorder p="xs">
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                {c.author.name}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(c.createdAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
            <Group justify="space-between" mt={4}>
              {c.resolvedAt ? (
                <Badge size="sm" variant="light" color="green">
                  {t('comments.resolvedBy', { name: c.resolvedByName ?? '', date: formatDateTime(c.resolvedAt) })}
                </Badge>
              ) : (
                <span />
              )}
              {c.abilities.resolve ? (
                <Button size="compact-xs" variant="default" onClick={() => resolve.mutate({ id: c.id, resolve: !c.resolvedAt })}>
                  {c.resolvedAt ? t('comments.reopen') : t('comments.resolve')}
                </Button>
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
      {version.abilities.comment ? (
        <form onSubmit={onAdd} noValidate aria-label={t('comments.add')}>
          <Stack gap="xs">
            <Textarea label={t('comments.body')} autosize minRows={2} maxLength={4000} {...form.getInputProps('body')} />
            <FrameworkError error={add.error} />
            <Group>
              <Button type="submit" size="xs" loading={add.isPending}>
                {t('comments.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

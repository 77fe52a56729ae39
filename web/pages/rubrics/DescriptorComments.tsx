import { Badge, Blockquote, Button, Drawer, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateCommentInput, type FrameworkComment } from '../../../common/schemas/frameworks.ts';
import type { RubricDescriptor } from '../../../common/schemas/rubrics.ts';
import { useAddDescriptorComment, useResolveGridComment } from '../../api/rubrics.ts';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** The descriptor whose comments are open, and how the grid names its cell ("Developing: 1a ..."). */
export interface CommentTarget {
  descriptor: RubricDescriptor;
  cell: string;
}

/** Comments grouped by the descriptor they are about (the version's list holds item comments too). */
export function byDescriptor(comments: FrameworkComment[]): Map<string, FrameworkComment[]> {
  const map = new Map<string, FrameworkComment[]>();
  for (const c of comments) {
    if (!c.descriptorId) continue;
    map.set(c.descriptorId, [...(map.get(c.descriptorId) ?? []), c]);
  }
  return map;
}

/** "Comments (2)" under a descriptor: its open comments; the accessible name adds which cell. */
export function CommentsButton({ comments, cell, onOpen }: { comments: FrameworkComment[]; cell: string; onOpen: () => void }) {
  const { t } = useTranslation('pathways');
  const open = comments.filter((c) => !c.resolvedAt).length;
  const formatted = formatNumber(open);
  return (
    <Button
      size="compact-xs"
      variant={open > 0 ? 'light' : 'subtle'}
      className="no-print rubric-comments-button"
      onClick={onOpen}
      aria-label={t('comments.buttonNamed', { formatted, cell })}
      aria-haspopup="dialog"
      mt={4}
    >
      {t('comments.button', { formatted })}
    </Button>
  );
}

function CommentCard({ comment, versionId }: { comment: FrameworkComment; versionId: string }) {
  const { t } = useTranslation('pathways');
  const resolve = useResolveGridComment(versionId);
  const name = comment.author.name;
  return (
    <Paper component="li" withBorder p="xs" bg={comment.resolvedAt ? 'gray.0' : undefined}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {name}
        </Text>
        <Text size="xs" c="dimmed">
          <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        </Text>
      </Group>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {comment.body}
      </Text>
      <Group justify="space-between" gap="xs" mt={6} wrap="wrap">
        {comment.resolvedAt ? (
          <Badge
            size="sm"
            variant="light"
            color="green"
            style={{ textTransform: 'none', maxWidth: '100%', height: 'auto', whiteSpace: 'normal' }}
          >
            {t('comments.resolvedBy', { name: comment.resolvedByName ?? '', date: formatDateTime(comment.resolvedAt) })}
          </Badge>
        ) : (
          <Badge size="sm" variant="light" color="blue" style={{ textTransform: 'none' }}>
            {t('comments.open')}
          </Badge>
        )}
        {comment.abilities.resolve ? (
          <Button
            size="compact-xs"
            variant="default"
            loading={resolve.isPending}
            onClick={() => resolve.mutate({ id: comment.id, resolve: !comment.resolvedAt })}
            aria-label={comment.resolvedAt ? t('comments.reopenNamed', { name }) : t('comments.resolveNamed', { name })}
          >
            {comment.resolvedAt ? t('comments.reopen') : t('comments.resolve')}
          </Button>
        ) : null}
      </Group>
      {resolve.error ? <ErrorAlert error={resolve.error} /> : null}
    </Paper>
  );
}

function AddCommentForm({ versionId, descriptorId }: { versionId: string; descriptorId: string }) {
  const { t } = useTranslation('pathways');
  const add = useAddDescriptorComment(versionId);
  const [added, setAdded] = useState(false);
  const form = useForm({
    initialValues: { body: '' },
    ...schemaForm(CreateCommentInput, t, { toInput: (values: { body: string }) => ({ descriptorId, body: values.body }) }),
    onValuesChange: () => setAdded(false),
  });
  const onSubmit = form.onSubmit(
    (input) =>
      add.mutate(
        { descriptorId, body: input.body },
        {
          onSuccess: () => {
            form.reset();
            setAdded(true);
          },
        },
      ),
    focusFirstError,
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('comments.add')}>
      <Stack gap="xs">
        <Textarea label={t('comments.body')} autosize minRows={3} maxLength={4000} {...form.getInputProps('body')} />
        {add.error ? <ErrorAlert error={add.error} /> : null}
        <Group gap="sm">
          <Button type="submit" size="sm" loading={add.isPending}>
            {t('comments.add')}
          </Button>
          <Text size="sm" role="status" c="green.9">
            {added ? t('comments.added') : ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The design team's comments on one descriptor of a draft rubric, in a side panel (full screen on
 * phones): who wrote what and when, open or resolved; commenters add, editors resolve and reopen.
 */
export function DescriptorCommentsDrawer({
  versionId,
  target,
  comments,
  canComment,
  onClose,
}: {
  versionId: string;
  target: CommentTarget | null;
  comments: FrameworkComment[];
  canComment: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('pathways');
  const phone = useIsPhone();
  return (
    <Drawer.Root opened={target !== null} onClose={onClose} position="right" size={phone ? '100%' : 'md'}>
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header component="div">
          <Drawer.Title fw={600}>{t('comments.title')}</Drawer.Title>
          <Drawer.CloseButton aria-label={t('common.close')} />
        </Drawer.Header>
        <Drawer.Body>
          {target ? (
            <Stack gap="md">
              <div>
                <Text size="sm" fw={600}>
                  {target.cell}
                </Text>
                <Blockquote p="xs" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {target.descriptor.description || t('comments.noDescriptor')}
                </Blockquote>
              </div>
              {comments.length === 0 ? (
                <Text size="sm">{t('comments.empty')}</Text>
              ) : (
                <Stack
                  component="ul"
                  gap="xs"
                  style={{ listStyle: 'none', padding: 0, margin: 0 }}
                  aria-label={t('comments.listLabel', { cell: target.cell })}
                >
                  {comments.map((c) => (
                    <CommentCard key={c.id} comment={c} versionId={versionId} />
                  ))}
                </Stack>
              )}
              {canComment ? <AddCommentForm key={target.descriptor.id} versionId={versionId} descriptorId={target.descriptor.id} /> : null}
            </Stack>
          ) : null}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

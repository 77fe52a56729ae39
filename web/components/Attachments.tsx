import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileItem } from '../../common/schemas/files.ts';
import { ApiError } from '../api/client.ts';
import { fileDownloadUrl, useDeleteFile, useFiles, useUploadFile, type FileOwnerPath } from '../api/files.ts';
import { formatDateTime, formatFileSize } from '../app/format.ts';
import { ConfirmModal } from './ConfirmModal.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Loading } from './Loading.tsx';

/** Why an upload was refused, in the reader's language. */
function uploadError(t: (key: string, options?: Record<string, unknown>) => string, error: unknown, maxBytes: number): string {
  if (error instanceof ApiError) {
    if (error.code === 'payload_too_large') return t('attachments.tooLarge', { size: formatFileSize(maxBytes) });
    const code = (error.details as { code?: string } | null)?.code;
    if (code === 'type_not_allowed') return t('attachments.typeNotAllowed');
    if (code === 'empty_file') return t('attachments.emptyFile');
    if (code === 'no_file') return t('attachments.chooseFirst');
    return t(`error.${error.code}`, { defaultValue: t('error.internal') });
  }
  return t('error.unexpected');
}

/**
 * The attachments of an observation, a coaching session or an action step: a list to download
 * (name, size, date), an upload for those who may attach, and delete with confirmation. Files are
 * checked by the server from their content; photos lose their location data there.
 */
export function Attachments({ owner, headingOrder = 3 }: { owner: FileOwnerPath; headingOrder?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const id = useId();
  const files = useFiles(owner);
  const upload = useUploadFile(owner);
  const remove = useDeleteFile(owner);
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [deleting, setDeleting] = useState<FileItem | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);

  if (files.isPending) return <Loading />;
  if (files.isError) return <ErrorAlert error={files.error} />;
  const { items, canUpload, maxBytes } = files.data;
  const errorText = missing
    ? t('attachments.chooseFirst')
    : chosen && chosen.size > maxBytes
      ? t('attachments.tooLarge', { size: formatFileSize(maxBytes) })
      : upload.error
        ? uploadError(t, upload.error, maxBytes)
        : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setMissing(true);
    if (chosen.size > maxBytes) return;
    upload.mutate(chosen, {
      onSuccess: (file) => {
        setUploaded(file.name);
        setChosen(null);
        if (input.current) input.current.value = '';
      },
    });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby={`${id}-title`}>
      <Title order={headingOrder} size="h4" id={`${id}-title`}>
        {t('attachments.title')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('attachments.none')}</Text>
      ) : (
        <Stack gap={0} component="ul" aria-label={t('attachments.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((file) => (
            <Group
              key={file.id}
              component="li"
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              py="xs"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor href={fileDownloadUrl(file.id)} download={file.name} style={{ overflowWrap: 'anywhere' }}>
                  {file.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('attachments.meta', {
                    size: formatFileSize(file.sizeBytes),
                    date: formatDateTime(file.createdAt),
                    name: file.uploadedBy.name,
                  })}
                </Text>
              </Stack>
              {file.abilities.delete ? (
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  style={{ flexShrink: 0 }}
                  aria-label={t('attachments.deleteNamed', { name: file.name })}
                  onClick={() => setDeleting(file)}
                >
                  {t('attachments.delete')}
                </Button>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {canUpload ? (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="xs">
            <Text component="label" htmlFor={`${id}-file`} fw={600}>
              {t('attachments.choose')}
            </Text>
            <Text id={`${id}-help`} size="sm">
              {t('attachments.help', { size: formatFileSize(maxBytes) })}
            </Text>
            <input
              ref={input}
              id={`${id}-file`}
              type="file"
              name="file"
              accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.pptx,.txt,.csv"
              aria-describedby={`${id}-help${errorText ? ` ${id}-error` : ''}`}
              aria-invalid={errorText ? true : undefined}
              onChange={(event) => {
                setChosen(event.currentTarget.files?.[0] ?? null);
                setMissing(false);
                setUploaded(null);
                upload.reset();
              }}
            />
            {errorText ? (
              <Alert id={`${id}-error`} color="red" role="alert" title={t('attachments.uploadFailed')}>
                {errorText}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" variant="default" loading={upload.isPending}>
                {t('attachments.upload')}
              </Button>
              <Text role="status" size="sm">
                {uploaded ? t('attachments.uploaded', { name: uploaded }) : ''}
              </Text>
            </Group>
          </Stack>
        </form>
      ) : null}
      <ConfirmModal
        opened={deleting !== null}
        title={t('attachments.deleteTitle')}
        confirmLabel={t('attachments.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        {t('attachments.deleteConfirm', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}

/** A button that opens a record's attachments in place (lists of records load them only when asked). */
export function AttachmentsToggle({ owner }: { owner: FileOwnerPath }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="xs">
      <Group>
        <Button size="compact-sm" variant="subtle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t('attachments.hide') : t('attachments.show')}
        </Button>
      </Group>
      {open ? <Attachments owner={owner} headingOrder={4} /> : null}
    </Stack>
  );
}

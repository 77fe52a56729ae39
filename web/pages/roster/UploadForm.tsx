import { Alert, Box, Button, Group, List, Stack, Text } from '@mantine/core';
import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUploadRosterImport } from '../../api/roster.ts';
import { formatNumber } from '../../app/format.ts';
import { uploadErrorMessage } from './issues.ts';

const ACCEPT = '.zip,.csv,.xlsx';

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB` : `${formatNumber(Math.ceil(bytes / 1024))} KB`;
}

/**
 * Step 1: a real, focusable file input (several files allowed; dropping files on the box works
 * too), then the upload, which answers the dry-run report.
 */
export function UploadForm() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const upload = useUploadRosterImport();
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState(false);
  const [dragging, setDragging] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(files.length === 0);
    if (files.length === 0) return;
    upload.mutate(files, { onSuccess: (roster) => void navigate(`/import/${roster.id}`) });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    setFiles(Array.from(event.dataTransfer.files));
  };

  const errorText = missing ? t('import.chooseFirst') : upload.error ? uploadErrorMessage(t, upload.error) : null;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Box
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          p="lg"
          style={{
            border: `2px dashed var(--mantine-color-${dragging ? 'blue-8' : 'gray-5'})`,
            borderRadius: 'var(--mantine-radius-md)',
          }}
        >
          <Stack gap="xs">
            <Text component="label" htmlFor={`${id}-files`} fw={600}>
              {t('import.filesLabel')}
            </Text>
            <Text id={`${id}-help`} size="sm">
              {t('import.filesHelp')}
            </Text>
            <input
              id={`${id}-files`}
              type="file"
              name="file"
              multiple
              accept={ACCEPT}
              aria-describedby={`${id}-help${errorText ? ` ${id}-error` : ''}`}
              aria-invalid={errorText ? true : undefined}
              onChange={(event) => {
                setFiles(Array.from(event.currentTarget.files ?? []));
                setMissing(false);
                upload.reset();
              }}
            />
          </Stack>
        </Box>
        {files.length > 0 ? (
          <div>
            <Text fw={600} id={`${id}-chosen`}>
              {t('import.chosen', { count: files.length })}
            </Text>
            <List aria-labelledby={`${id}-chosen`}>
              {files.map((file) => (
                <List.Item key={`${file.name}-${file.size}`}>
                  {file.name} ({sizeLabel(file.size)})
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {errorText ? (
          <Alert id={`${id}-error`} color="red" role="alert" title={t('import.uploadFailed')}>
            {errorText}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={upload.isPending}>
            {t('import.upload')}
          </Button>
          {upload.isPending ? (
            <Text role="status" size="sm">
              {t('import.checking')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

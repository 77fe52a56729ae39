import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedTranslation, TranslationRow as Row } from '../../../common/schemas/translations.ts';
import { isApiError } from '../../api/client.ts';
import { useSaveTranslation, type TranslatableType } from '../../api/translations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';

/** One field of one record: the original on the left, its Spanish text to enter on the right. */
export function TranslationRow({ row, entityType, parentId }: { row: Row; entityType: TranslatableType; parentId?: string }) {
  const { t } = useTranslation('district');
  const save = useSaveTranslation(entityType, parentId);
  const [text, setText] = useState(row.text);
  const [version, setVersion] = useState(row.version);
  const [theirs, setTheirs] = useState<string | null>(null);
  const field = t(`translations.fields.${row.field}`);
  const dirty = text.trim() !== row.text || version !== row.version;
  const submit = () =>
    save.mutate(
      { entityId: row.entityId, field: row.field, locale: 'es', text, version },
      {
        onSuccess: (saved) => {
          setVersion(saved.version);
          setText(saved.text);
          setTheirs(null);
          notifySuccess(t('translations.saved'));
        },
        onError: (error) => {
          if (!isApiError(error, 'conflict')) return;
          // Someone saved first: show their text and take their version, keeping what was typed.
          const current = (error.details as { current?: SavedTranslation | null } | null)?.current ?? null;
          setVersion(current?.version ?? 0);
          setTheirs(current?.text ?? '');
        },
      },
    );
  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600}>
            {row.group ? `${row.group} · ${field}` : field}
          </Text>
          <Text size="sm" lang="en" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {row.original}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Textarea
            label={t('translations.spanishOf', { field })}
            lang="es"
            autosize
            minRows={1}
            maxRows={8}
            value={text}
            placeholder={t('translations.placeholder')}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          {theirs !== null ? (
            <Text size="sm" c="orange.9" role="status">
              {theirs ? t('translations.conflict', { text: theirs }) : t('translations.conflictRemoved')}
            </Text>
          ) : null}
          <ErrorAlert error={isApiError(save.error, 'conflict') ? null : save.error} />
          <Group justify="flex-end">
            <Button size="xs" onClick={submit} disabled={!dirty} loading={save.isPending} aria-label={t('translations.saveOf', { field })}>
              {t('translations.save')}
            </Button>
          </Group>
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

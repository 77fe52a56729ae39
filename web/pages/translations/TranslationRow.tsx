import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveTranslationInput, type SavedTranslation, type TranslationRow as Row } from '../../../common/schemas/translations.ts';
import { isApiError } from '../../api/client.ts';
import { useSaveTranslation, type TranslatableType } from '../../api/translations.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';

/** One field of one record: the original on the left, its Spanish text to enter on the right. */
export function TranslationRow({ row, entityType, parentId }: { row: Row; entityType: TranslatableType; parentId?: string }) {
  const { t } = useTranslation('district');
  const save = useSaveTranslation(entityType, parentId);
  const [version, setVersion] = useState(row.version);
  const form = useForm({
    initialValues: { text: row.text },
    ...schemaForm(SaveTranslationInput, t, {
      toInput: (values: { text: string }) => ({ entityId: row.entityId, field: row.field, locale: 'es', text: values.text, version }),
    }),
  });
  const text = form.values.text;
  const [theirs, setTheirs] = useState<string | null>(null);
  const field = t(`translations.fields.${row.field}`);
  const dirty = text.trim() !== row.text || version !== row.version;
  // The text as typed is sent (the server trims it), with the version last read.
  const submit = form.onSubmit(
    () =>
      save.mutate(
        { entityId: row.entityId, field: row.field, locale: 'es', text, version },
        {
          onSuccess: (saved) => {
            setVersion(saved.version);
            form.setValues({ text: saved.text });
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
      ),
    focusFirstError,
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
        <form onSubmit={submit} noValidate>
          <Stack gap={4}>
            <Textarea
              label={t('translations.spanishOf', { field })}
              lang="es"
              autosize
              minRows={1}
              maxRows={8}
              placeholder={t('translations.placeholder')}
              {...form.getInputProps('text')}
            />
            {theirs !== null ? (
              <Text size="sm" c="orange.9" role="status">
                {theirs ? t('translations.conflict', { text: theirs }) : t('translations.conflictRemoved')}
              </Text>
            ) : null}
            <ErrorAlert error={isApiError(save.error, 'conflict') ? null : save.error} />
            <Group justify="flex-end">
              <Button type="submit" size="xs" disabled={!dirty} loading={save.isPending} aria-label={t('translations.saveOf', { field })}>
                {t('translations.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </SimpleGrid>
    </Paper>
  );
}

import { Alert, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CreateScaleInput, UpdateScaleInput } from '../../../common/schemas/scales.ts';
import { isApiError } from '../../api/client.ts';
import { useCreateScale, useUpdateScale, type Scale } from '../../api/scales.ts';
import { focusFirstError, schemaForm, type FieldErrors } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { serverFieldErrors } from '../../components/validation.ts';
import { FrameworkError } from '../frameworks/shared.tsx';
import { ScaleLevelRows, type LevelDraft, type ScaleValues } from './ScaleLevelRows.tsx';

const blankLevels = (): LevelDraft[] => [
  { label: '', levelScore: 4, description: '', proficient: true },
  { label: '', levelScore: 3, description: '', proficient: true },
  { label: '', levelScore: 2, description: '', proficient: false },
  { label: '', levelScore: 1, description: '', proficient: false },
];

const valuesOf = (scale: Scale | null): ScaleValues => ({
  name: scale?.name ?? '',
  description: scale?.description ?? '',
  levels: scale
    ? scale.levels.map((l) => ({
        id: l.id,
        label: l.label,
        levelScore: l.levelScore,
        description: l.description ?? '',
        proficient: l.proficient,
      }))
    : blankLevels(),
});

const levelsInput = (levels: LevelDraft[]) =>
  levels.map((l) => ({
    id: l.id,
    label: l.label,
    levelScore: l.levelScore,
    description: l.description.trim() || null,
    proficient: l.proficient,
  }));

/** Creates a scale or edits one; a scale in use by a published version keeps its levels. */
export function ScaleModal({ scale, onClose }: { scale: Scale | null; onClose: () => void }) {
  const { t } = useTranslation('frameworks');
  const create = useCreateScale();
  const update = useUpdateScale(scale?.id ?? '');
  const write = scale ? update : create;
  const [version, setVersion] = useState(scale?.version ?? 1);
  const locked = !!scale?.inUse;

  /** The server's rules for levels, each said in the reader's words where it went wrong. */
  const levelMessages = (values: ScaleValues, errors: FieldErrors) => {
    const messages: Record<string, string | undefined> = {};
    if (locked) return messages;
    if (values.levels.length < 2) messages.levels = t('scales.tooFew');
    else if (!values.levels.some((l) => l.proficient)) messages.levels = t('scales.noProficient');
    const seen = new Set<number>();
    values.levels.forEach((level, i) => {
      const path = `levels.${i}.levelScore`;
      if (level.levelScore === '') messages[path] = t('scales.scoreRequired');
      else if (errors[path] && seen.has(level.levelScore)) messages[path] = t('scales.scoreDuplicate');
      else if (errors[path]) messages[path] = t('scales.scoreOrder');
      if (errors[`levels.${i}.label`] && !level.label.trim()) messages[`levels.${i}.label`] = t('scales.labelRequired');
      if (typeof level.levelScore === 'number') seen.add(level.levelScore);
    });
    return messages;
  };
  const form = useForm({
    initialValues: valuesOf(scale),
    ...schemaForm(scale ? UpdateScaleInput : CreateScaleInput, t, {
      toInput: (values: ScaleValues) => ({
        ...(scale ? { version } : {}),
        name: values.name,
        description: values.description.trim() || null,
        ...(locked ? {} : { levels: levelsInput(values.levels) }),
      }),
      check: levelMessages,
    }),
  });
  const current = isApiError(update.error, 'conflict') ? ((update.error.details as { current?: Scale } | null)?.current ?? null) : null;

  const onSubmit = form.onSubmit((input) => {
    const options = {
      onSuccess: (saved: Scale) => {
        notifySuccess(scale ? t('scales.saved', { name: saved.name }) : t('scales.created', { name: saved.name }));
        onClose();
      },
      onError: (error: unknown) => form.setErrors(serverFieldErrors(t, error)),
    };
    if (scale) update.mutate({ ...input, version }, options);
    else create.mutate(input as z.output<typeof CreateScaleInput>, options);
  }, focusFirstError);
  const loadCurrent = () => {
    if (!current) return;
    form.setValues(valuesOf(current));
    setVersion(current.version);
    update.reset();
  };

  return (
    <AppModal opened onClose={onClose} title={scale ? t('scales.editTitle', { name: scale.name }) : t('scales.newTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {current ? (
            <Alert color="orange" role="alert" title={t('conflict.title')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('scales.conflict', { name: current.name })}</Text>
                <Button size="xs" variant="default" onClick={loadCurrent}>
                  {t('conflict.loadCurrent')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <FrameworkError error={write.error} />
          )}
          <TextInput label={t('scales.name')} required {...form.getInputProps('name')} data-autofocus />
          <Textarea label={t('field.description')} autosize minRows={1} {...form.getInputProps('description')} />
          <Title order={3} size="h5">
            {t('scales.levels')}
          </Title>
          {locked ? (
            <Alert color="blue">{t('scales.inUseHelp')}</Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('scales.levelsHelp')}
            </Text>
          )}
          {form.errors.levels ? (
            <Text size="sm" c="red.8" role="alert">
              {form.errors.levels}
            </Text>
          ) : null}
          <ScaleLevelRows form={form} locked={locked} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending}>
              {scale ? t('common.save') : t('scales.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

import { Button, Group, Paper, Radio, Select, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OBSERVATION_LIMITS } from '../../../common/observation.ts';
import { CreateActionStepInput } from '../../../common/schemas/action-steps.ts';
import { useActionStepLibrary, useAddActionStep } from '../../api/action-steps.ts';
import { addDays, todayIso } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import type { CompetencyOption } from './NotesStream.tsx';

/** Two weeks from today, 'YYYY-MM-DD' (the due date offered first). */
const inTwoWeeks = (): string => addDays(todayIso(), 14);

function LibraryPicker({
  competencies,
  chosen,
  onChoose,
  error,
}: {
  competencies: CompetencyOption[];
  chosen: string;
  onChoose: (id: string) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation('observations');
  const [q, setQ] = useState('');
  const [itemId, setItemId] = useState<string | null>(null);
  const [query] = useDebouncedValue(q.trim(), 300);
  const library = useActionStepLibrary(query, itemId ?? undefined);
  const items = library.data?.items ?? [];
  return (
    <Stack gap="xs">
      <TextInput type="search" label={t('steps.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {competencies.length ? (
        <Select
          label={t('steps.competency')}
          placeholder={t('steps.anyCompetency')}
          data={competencies}
          value={itemId}
          onChange={setItemId}
          clearable
          searchable
        />
      ) : null}
      <ErrorAlert error={library.error} />
      {library.data && !items.length ? (
        <Text c="dimmed" size="sm">
          {t('steps.noneFound')}
        </Text>
      ) : null}
      <Radio.Group
        value={chosen || null}
        onChange={onChoose}
        label={t('steps.results')}
        aria-busy={library.isFetching}
        error={error}
        data-path="libraryStepId"
      >
        <Stack gap="xs" mt={4} mah={320} className="obs-scroll">
          {items.map((step) => (
            <Radio.Card key={step.id} value={step.id} p="sm" radius="sm">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {step.title}
                  </Text>
                  {step.item ? (
                    <Text size="xs" c="dimmed">
                      {[step.item.humanCode, step.item.statement].filter(Boolean).join(' ')}
                    </Text>
                  ) : null}
                  {step.practicePrompt ? (
                    <Text size="xs" mt={2}>
                      {t('steps.practice', { prompt: step.practicePrompt })}
                    </Text>
                  ) : null}
                </div>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}

type Values = { tab: string; libraryStepId: string; title: string; practicePrompt: string; itemId: string | null; dueOn: string };

/** Agree an action step in this observation: from the district library, or written fresh; each with a due date. */
export function AddActionStepModal({
  observationId,
  competencies,
  opened,
  onClose,
}: {
  observationId: string;
  competencies: CompetencyOption[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('observations');
  const add = useAddActionStep(observationId);
  const form = useForm({
    initialValues: { tab: 'library', libraryStepId: '', title: '', practicePrompt: '', itemId: null as string | null, dueOn: inTwoWeeks() },
    ...schemaForm(CreateActionStepInput, t, {
      toInput: (v: Values) =>
        v.tab === 'library'
          ? { libraryStepId: v.libraryStepId, dueOn: v.dueOn || null }
          : { title: v.title.trim(), practicePrompt: v.practicePrompt.trim() || null, itemId: v.itemId, dueOn: v.dueOn || null },
      check: (v, errors) => ({ libraryStepId: errors.libraryStepId ? t('steps.pickOne') : undefined }),
    }),
  });
  const tab = form.values.tab;

  const close = () => {
    add.reset();
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(
    (input) =>
      add.mutate(input, {
        onSuccess: () => {
          notifySuccess(t('steps.added'));
          close();
        },
      }),
    focusFirstError,
  );

  return (
    <AppModal opened={opened} onClose={close} title={t('steps.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Tabs value={tab} onChange={(v) => form.setFieldValue('tab', v ?? 'library')}>
            <Tabs.List grow>
              <Tabs.Tab value="library">{t('steps.fromLibrary')}</Tabs.Tab>
              <Tabs.Tab value="fresh">{t('steps.writeOwn')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="library" pt="sm">
              {opened ? (
                <LibraryPicker
                  competencies={competencies}
                  chosen={form.values.libraryStepId}
                  onChoose={(id) => form.setFieldValue('libraryStepId', id)}
                  error={form.errors.libraryStepId}
                />
              ) : null}
            </Tabs.Panel>
            <Tabs.Panel value="fresh" pt="sm">
              <Stack gap="xs">
                <Textarea
                  label={t('steps.title')}
                  description={t('steps.titleHelp')}
                  required
                  autosize
                  minRows={2}
                  maxLength={OBSERVATION_LIMITS.actionStepChars}
                  {...form.getInputProps('title')}
                />
                <Textarea
                  label={t('steps.prompt')}
                  autosize
                  minRows={2}
                  maxLength={OBSERVATION_LIMITS.actionStepChars}
                  {...form.getInputProps('practicePrompt')}
                />
                {competencies.length ? (
                  <Select
                    label={t('steps.competency')}
                    placeholder={t('steps.noCompetency')}
                    data={competencies}
                    {...form.getInputProps('itemId')}
                    clearable
                    searchable
                  />
                ) : null}
              </Stack>
            </Tabs.Panel>
          </Tabs>
          <Paper p={0}>
            <TextInput type="date" label={t('steps.due')} {...form.getInputProps('dueOn')} />
          </Paper>
          <ErrorAlert error={add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('steps.addButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

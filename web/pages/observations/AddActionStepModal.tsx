import { Button, Group, Paper, Radio, Select, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBSERVATION_LIMITS } from '../../../common/observation.ts';
import { useActionStepLibrary, useAddActionStep } from '../../api/action-steps.ts';
import { addDays, todayIso } from '../../app/format.ts';
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
}: {
  competencies: CompetencyOption[];
  chosen: string | null;
  onChoose: (id: string) => void;
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
      <Radio.Group value={chosen} onChange={onChoose} label={t('steps.results')} aria-busy={library.isFetching}>
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
  const [tab, setTab] = useState<string>('library');
  const [chosen, setChosen] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [prompt, setPrompt] = useState('');
  const [itemId, setItemId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState(inTwoWeeks);

  const close = () => {
    add.reset();
    setChosen(null);
    setTitle('');
    setPrompt('');
    setItemId(null);
    onClose();
  };
  const ready = tab === 'library' ? !!chosen : !!title.trim();
  const submit = () => {
    if (!ready) return;
    const input =
      tab === 'library'
        ? { libraryStepId: chosen!, dueOn: dueOn || null }
        : { title: title.trim(), practicePrompt: prompt.trim() || null, itemId, dueOn: dueOn || null };
    add.mutate(input, {
      onSuccess: () => {
        notifySuccess(t('steps.added'));
        close();
      },
    });
  };

  return (
    <AppModal opened={opened} onClose={close} title={t('steps.addTitle')}>
      <Stack gap="sm">
        <Tabs value={tab} onChange={(v) => setTab(v ?? 'library')}>
          <Tabs.List grow>
            <Tabs.Tab value="library">{t('steps.fromLibrary')}</Tabs.Tab>
            <Tabs.Tab value="fresh">{t('steps.writeOwn')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="library" pt="sm">
            {opened ? <LibraryPicker competencies={competencies} chosen={chosen} onChoose={setChosen} /> : null}
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
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
              />
              <Textarea
                label={t('steps.prompt')}
                autosize
                minRows={2}
                maxLength={OBSERVATION_LIMITS.actionStepChars}
                value={prompt}
                onChange={(e) => setPrompt(e.currentTarget.value)}
              />
              {competencies.length ? (
                <Select
                  label={t('steps.competency')}
                  placeholder={t('steps.noCompetency')}
                  data={competencies}
                  value={itemId}
                  onChange={setItemId}
                  clearable
                  searchable
                />
              ) : null}
            </Stack>
          </Tabs.Panel>
        </Tabs>
        <Paper p={0}>
          <TextInput type="date" label={t('steps.due')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
        </Paper>
        <ErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} disabled={!ready} loading={add.isPending}>
            {t('steps.addButton')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

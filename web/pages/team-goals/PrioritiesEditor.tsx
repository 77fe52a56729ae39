import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PRIORITIES, type SchoolGoals } from '../../../common/schemas/team-goals.ts';
import { useSetPriorities } from '../../api/team-goals.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';

interface Item {
  id?: string;
  title: string;
}

/** The school improvement plan's priorities for the year: a short ordered list its leaders edit (keyed by version by its page). */
export function PrioritiesEditor({ view }: { view: SchoolGoals }) {
  const { t } = useTranslation('performance');
  const save = useSetPriorities(view.school.id);
  const [items, setItems] = useState<Item[]>(() => view.priorities.map((p) => ({ id: p.id, title: p.title })));
  const [missing, setMissing] = useState(false);
  const change = (i: number, patch: Partial<Item>) => setItems((list) => list.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  const move = (i: number, by: number) =>
    setItems((list) => {
      const next = [...list];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  const submit = () => {
    if (items.some((it) => !it.title.trim())) return setMissing(true);
    setMissing(false);
    save.mutate(
      { schoolYear: view.schoolYear, version: view.prioritiesVersion, items: items.map((it) => ({ id: it.id, title: it.title.trim() })) },
      { onSuccess: () => notifySuccess(t('teamGoals.priorities.saved')) },
    );
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('teamGoals.priorities.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('teamGoals.priorities.help', { max: MAX_PRIORITIES })}
        </Text>
        {items.map((it, i) => (
          <Group key={it.id ?? `new-${i}`} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('teamGoals.priorities.item', { n: i + 1 })}
              value={it.title}
              maxLength={300}
              error={missing && !it.title.trim() ? t('validation.required', { ns: 'app' }) : undefined}
              onChange={(e) => change(i, { title: e.currentTarget.value })}
            />
            <ActionIcon
              variant="default"
              size="lg"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={t('teamGoals.priorities.up', { n: i + 1 })}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              disabled={i === items.length - 1}
              onClick={() => move(i, 1)}
              aria-label={t('teamGoals.priorities.down', { n: i + 1 })}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => setItems((l) => l.filter((_, j) => j !== i))}
              aria-label={t('teamGoals.priorities.remove', { n: i + 1 })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <ErrorAlert error={save.error} />
        <Group>
          <Button variant="default" disabled={items.length >= MAX_PRIORITIES} onClick={() => setItems((l) => [...l, { title: '' }])}>
            {t('teamGoals.priorities.add')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('teamGoals.priorities.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

import { Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRESS_STATUSES } from '../../../../common/performance.ts';
import type { CheckIn, CheckInList } from '../../../../common/schemas/performance-review.ts';
import { reviewKeys, saveCheckIn } from '../../../api/performance-review.ts';
import { formatDate } from '../../../app/format.ts';
import { ConflictAlert, SaveError, SaveStatus } from './PlanChrome.tsx';
import { useAutosave } from './useAutosave.ts';

type Draft = Pick<CheckIn, 'heldOn' | 'progress' | 'personNotes' | 'evaluatorNotes'>;
const draftOf = (c: CheckIn): Draft => ({
  heldOn: c.heldOn,
  progress: c.progress,
  personNotes: c.personNotes,
  evaluatorNotes: c.evaluatorNotes,
});

/** One check-in: progress per goal and focus area, notes from both sides, held on; saved as you type. */
export function CheckInCard({ planId, list, checkIn }: { planId: string; list: CheckInList; checkIn: CheckIn }) {
  const { t } = useTranslation('performance');
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(checkIn));
  const { abilities } = list;
  const save = useAutosave<Draft>(async (d, version) => {
    const saved = await saveCheckIn(planId, checkIn.id, {
      version,
      heldOn: d.heldOn || null,
      progress: d.progress,
      ...(abilities.personNotes && { personNotes: d.personNotes }),
      ...(abilities.evaluatorNotes && { evaluatorNotes: d.evaluatorNotes }),
    });
    void queryClient.invalidateQueries({ queryKey: reviewKeys.checkIns(planId), refetchType: 'none' });
    return saved.version;
  }, checkIn.version);
  const change = (next: Partial<Draft>) => {
    const merged = { ...draft, ...next };
    setDraft(merged);
    save.schedule(merged);
  };
  const theirs = save.state.kind === 'conflict' ? (save.state.theirs as CheckIn | null) : null;
  const edit = abilities.checkIn;
  const rows = [
    ...list.goals.map((g) => ({ key: { goalId: g.id }, id: g.id, title: g.title, kind: t('checkIns.goal') })),
    ...list.focusAreas.map((f) => ({ key: { focusAreaId: f.id }, id: f.id, title: f.title, kind: t('checkIns.focusArea') })),
  ];
  const entryOf = (id: string) => draft.progress.find((p) => p.goalId === id || p.focusAreaId === id);
  const setEntry = (row: (typeof rows)[number], patch: { status?: string; note?: string }) => {
    const current = entryOf(row.id);
    const others = draft.progress.filter((p) => p !== current);
    const status = (patch.status ?? current?.status ?? '') as CheckIn['progress'][number]['status'] | '';
    const note = patch.note ?? current?.note ?? '';
    change({ progress: status ? [...others, { ...row.key, status, note }] : others });
  };
  const headingId = `check-in-${checkIn.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={headingId}>
            {t('checkIns.dueOn', { date: formatDate(checkIn.dueOn) })}
          </Title>
          {draft.heldOn ? (
            <Badge color="teal">{t('checkIns.heldBadge', { date: formatDate(draft.heldOn) })}</Badge>
          ) : checkIn.overdue ? (
            <Badge color="red">{t('checkIns.overdue')}</Badge>
          ) : (
            <Badge variant="light">{t('checkIns.upcoming')}</Badge>
          )}
        </Group>
        {save.state.kind === 'conflict' ? (
          <ConflictAlert
            onTheirs={() => {
              if (theirs) setDraft(draftOf(theirs));
              save.resolve(theirs?.version ?? save.version.current, null);
            }}
            onMine={() => save.resolve(theirs?.version ?? save.version.current, draft)}
          />
        ) : null}
        <SaveError state={save.state} />
        {rows.length === 0 ? <Text c="dimmed">{t('checkIns.noItems')}</Text> : null}
        {rows.map((row) => {
          const entry = entryOf(row.id);
          return (
            <SimpleGrid key={row.id} cols={{ base: 1, sm: 2 }} spacing="xs">
              <NativeSelect
                label={`${row.kind}: ${row.title}`}
                value={entry?.status ?? ''}
                disabled={!edit}
                data={[
                  { value: '', label: t('checkIns.noStatus') },
                  ...PROGRESS_STATUSES.map((s) => ({ value: s, label: t(`checkIns.progress.${s}`) })),
                ]}
                onChange={(e) => setEntry(row, { status: e.currentTarget.value })}
              />
              <TextInput
                label={t('checkIns.progressNote', { title: row.title })}
                value={entry?.note ?? ''}
                disabled={!edit || !entry}
                maxLength={5000}
                onChange={(e) => setEntry(row, { note: e.currentTarget.value })}
              />
            </SimpleGrid>
          );
        })}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Textarea
            label={t('checkIns.personNotes', { name: list.plan.personName })}
            autosize
            minRows={3}
            value={draft.personNotes}
            readOnly={!abilities.personNotes}
            onChange={(e) => change({ personNotes: e.currentTarget.value })}
          />
          <Textarea
            label={t('checkIns.evaluatorNotes')}
            autosize
            minRows={3}
            value={draft.evaluatorNotes}
            readOnly={!abilities.evaluatorNotes}
            onChange={(e) => change({ evaluatorNotes: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label={t('checkIns.heldOn')}
            description={t('checkIns.heldOnHelp')}
            value={draft.heldOn ?? ''}
            disabled={!edit}
            onChange={(e) => change({ heldOn: e.currentTarget.value || null })}
          />
          <SaveStatus state={save.state} onRetry={() => void save.flush()} />
        </Group>
      </Stack>
    </Paper>
  );
}

import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdministrationDetail } from '../../../common/schemas/assessments.ts';
import { useRecordScore } from '../../api/assessments.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';

type Item = AdministrationDetail['content']['sections'][number]['items'][number];

/**
 * One item at a time, as a team reads it around a table or on a phone: the item and its guidance,
 * the scale's points as large buttons with their anchors, and the note; saving records the
 * consensus score and moves to the next item.
 */
export function ItemScorer({
  administration,
  item,
  section,
  position,
  onNext,
}: {
  administration: AdministrationDetail;
  item: Item;
  section: string;
  position: { n: number; of: number };
  onNext: () => void;
}) {
  const { t } = useTranslation('assessments');
  const existing = administration.scores.find((s) => s.itemId === item.id);
  const [value, setValue] = useState<number | null>(existing?.value ?? null);
  const [note, setNote] = useState(existing?.note ?? '');
  const record = useRecordScore(administration.id);
  const canScore = administration.abilities.score;
  const save = () =>
    value !== null &&
    record.mutate(
      { itemId: item.id, value, note, version: existing?.version },
      { onSuccess: () => (notifySuccess(t('record.saved')), onNext()) },
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('record.position', { section, n: position.n, of: position.of })}
        </Text>
        <Title order={2} size="h3">
          {item.text}
        </Title>
        {item.guidance ? <Text c="dimmed">{item.guidance}</Text> : null}
        {canScore ? null : <Text size="sm">{administration.status === 'open' ? t('record.readOnly') : t('record.closedNote')}</Text>}
        {canScore ? null : <ReadOnlyScore administration={administration} value={existing?.value ?? null} note={existing?.note ?? ''} />}
        <div role="radiogroup" aria-label={t('record.consensus')} hidden={!canScore}>
          <SimpleGrid cols={{ base: 1, sm: Math.min(administration.content.scale.length, 5) }} spacing="xs">
            {administration.content.scale.map((p) => (
              <Button
                key={p.value}
                role="radio"
                aria-checked={value === p.value}
                variant={value === p.value ? 'filled' : 'default'}
                disabled={!canScore}
                onClick={() => setValue(p.value)}
                h="auto"
                py="xs"
                styles={{
                  inner: { justifyContent: 'flex-start' },
                  label: { whiteSpace: 'normal', flexDirection: 'column', alignItems: 'flex-start', textAlign: 'left' },
                }}
              >
                <span>
                  <strong>
                    {p.value} · {p.label}
                  </strong>
                </span>
                {p.anchor ? <span style={{ fontSize: 'var(--mantine-font-size-xs)', fontWeight: 400 }}>{p.anchor}</span> : null}
              </Button>
            ))}
          </SimpleGrid>
        </div>
        {canScore ? (
          <Textarea
            label={t('record.note')}
            autosize
            minRows={2}
            maxLength={5000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        ) : null}
        <ErrorAlert error={record.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onNext}>
            {t('record.skip')}
          </Button>
          {canScore ? (
            <Button disabled={value === null} loading={record.isPending} onClick={save}>
              {t('record.saveNext')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}

/** A closed administration's (or a non-scorer's) view of an item: the consensus reached and its note, as text. */
export function ReadOnlyScore({
  administration,
  value,
  note,
}: {
  administration: AdministrationDetail;
  value: number | null;
  note: string;
}) {
  const { t } = useTranslation('assessments');
  const point = administration.content.scale.find((p) => p.value === value);
  return (
    <Stack gap={4}>
      <Text fw={600}>{point ? t('record.agreed', { score: `${point.value} · ${point.label}` }) : t('record.notAgreed')}</Text>
      {point?.anchor ? <Text size="sm">{point.anchor}</Text> : null}
      {note ? <Text style={{ whiteSpace: 'pre-wrap' }}>{t('record.agreedNote', { note })}</Text> : null}
    </Stack>
  );
}

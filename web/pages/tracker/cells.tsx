import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SchoolTracker, TrackerLevel, TrackerRow } from '../../../common/schemas/tracker.ts';
import { formatDate, formatNumber } from '../../app/format.ts';

/** A latest level: its label and score in words, coloured as well (never colour alone). */
export function LevelCell({ level }: { level: TrackerLevel | undefined }) {
  const { t } = useTranslation('tracker');
  if (!level) {
    return (
      <Text size="sm" c="dimmed">
        {t('level.none')}
      </Text>
    );
  }
  const text = `${level.label ?? ''}${level.levelScore === null ? '' : ` (${formatNumber(level.levelScore)})`}`;
  return (
    <Text
      span
      size="sm"
      px={6}
      py={2}
      bg={level.proficient ? 'teal.0' : 'orange.0'}
      c={level.proficient ? 'teal.9' : 'orange.9'}
      style={{ borderRadius: 4, whiteSpace: 'nowrap', display: 'inline-block' }}
      title={formatDate(level.observedOn)}
    >
      {level.proficient ? text : `${text} · ${t('level.below')}`}
    </Text>
  );
}

/** Days since feedback, in words. */
export function FeedbackText({ row }: { row: TrackerRow }) {
  const { t } = useTranslation('tracker');
  const { state, schoolDays } = row.feedback;
  if (state === 'none') return <Text size="sm" c="dimmed">{t('feedback.none')}</Text>;
  return <Text size="sm">{state === 'pending' ? t('feedback.pending', { count: schoolDays ?? 0 }) : t('feedback.held', { count: schoolDays ?? 0 })}</Text>;
}

/** The row's flags as badges with text. */
export function Flags({ row }: { row: TrackerRow }) {
  const { t } = useTranslation('tracker');
  if (!row.feedback.overdue && !row.missingObservations) return null;
  return (
    <Group gap={4} wrap="wrap">
      {row.feedback.overdue ? (
        <Badge color="red" variant="light" c="red.9" size="sm">
          {t('flag.overdue')}
        </Badge>
      ) : null}
      {row.missingObservations ? (
        <Badge color="yellow" variant="light" c="dark.8" size="sm">
          {t('flag.missing')}
        </Badge>
      ) : null}
    </Group>
  );
}

export function ScoredText({ row, tracker }: { row: TrackerRow; tracker: SchoolTracker }) {
  const { t } = useTranslation('tracker');
  return <Text size="sm">{t('scored', { count: row.scoredThisTerm, required: tracker.requiredPerTerm })}</Text>;
}

export const lastObserved = (row: TrackerRow) => (row.lastObservedOn ? formatDate(row.lastObservedOn) : '—');

import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SchoolTracker, TrackerColumn, TrackerLevel, TrackerRow } from '../../../common/schemas/tracker.ts';
import { formatDate, formatNumber } from '../../app/format.ts';

/** A competency's name for a header: its short name, else the start of its statement (the whole one is in the tooltip). */
export function columnName(column: TrackerColumn): string {
  if (column.title) return column.title;
  const words = column.statement.split(/\s+/);
  return words.length > 5 ? `${words.slice(0, 5).join(' ')}…` : column.statement;
}

/** A competency's header text: its code and short name, wrapping over two or three lines. */
export function CompetencyLabel({ column }: { column: TrackerColumn }) {
  return (
    <span style={{ display: 'inline-block', whiteSpace: 'normal', minWidth: '6.5rem', textAlign: 'left' }}>
      {column.humanCode ? <strong>{column.humanCode} </strong> : null}
      <span style={{ fontWeight: 500 }}>{columnName(column)}</span>
    </span>
  );
}

/** A latest level: its label and score, coloured, and marked below proficient in words too (never colour alone). */
export function LevelCell({ level }: { level: TrackerLevel | undefined }) {
  const { t } = useTranslation('tracker');
  if (!level) {
    return (
      <Text size="sm" c="dimmed" pos="relative">
        <span aria-hidden="true">—</span>
        <VisuallyHidden>{t('level.none')}</VisuallyHidden>
      </Text>
    );
  }
  const text = `${level.label ?? ''}${level.levelScore === null ? '' : ` (${formatNumber(level.levelScore)})`}`.trim();
  return (
    <Text
      span
      size="sm"
      px={6}
      py={2}
      bg={level.proficient ? 'teal.0' : 'orange.0'}
      c={level.proficient ? 'teal.9' : 'orange.9'}
      // Positioned, so the hidden words stay inside a scrolling table instead of widening the page.
      style={{ borderRadius: 4, whiteSpace: 'nowrap', display: 'inline-block', position: 'relative' }}
      title={`${level.proficient ? '' : `${t('level.below')} · `}${formatDate(level.observedOn)}`}
    >
      {level.proficient ? null : <span aria-hidden="true">▼ </span>}
      {text}
      {level.proficient ? null : <VisuallyHidden>, {t('level.below')}</VisuallyHidden>}
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

/** The row's flags as badges with text; long words wrap inside the badge instead of being cut off. */
export function Flags({ row }: { row: TrackerRow }) {
  const { t } = useTranslation('tracker');
  if (!row.feedback.overdue && !row.missingObservations) return null;
  const wrap = { root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3, paddingBlock: 2 } } as const;
  return (
    <Group gap={4} wrap="wrap">
      {row.feedback.overdue ? (
        <Badge color="red" variant="light" c="red.9" size="sm" tt="none" styles={wrap}>
          {t('flag.overdue')}
        </Badge>
      ) : null}
      {row.missingObservations ? (
        <Badge color="yellow" variant="light" c="dark.8" size="sm" tt="none" styles={wrap}>
          {t('flag.missing')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** Scored observations this term: "1 of 2" in the full view; a coach (development view) sees their count only. */
export function ScoredText({ row, tracker }: { row: TrackerRow; tracker: SchoolTracker }) {
  const { t } = useTranslation('tracker');
  if (tracker.view === 'development') return <Text size="sm">{formatNumber(row.scoredThisTerm)}</Text>;
  return <Text size="sm">{t('scored', { scored: formatNumber(row.scoredThisTerm), required: formatNumber(tracker.requiredPerTerm) })}</Text>;
}

export const lastObserved = (row: TrackerRow) => (row.lastObservedOn ? formatDate(row.lastObservedOn) : '—');

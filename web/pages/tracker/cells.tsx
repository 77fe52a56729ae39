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

/** A competency's code and short name in one line of text ("1a Knowing content"), for tooltips and lists. */
export const columnLabel = (column: TrackerColumn) => `${column.humanCode ?? ''} ${columnName(column)}`.trim();

/**
 * A competency's header text in the table: its code, so nine fit beside the names at 1280 px; the
 * short name follows for screen readers (and is the tooltip). Without a code, the short name wraps.
 */
export function CompetencyLabel({ column }: { column: TrackerColumn }) {
  if (!column.humanCode) {
    return (
      <span style={{ display: 'inline-block', whiteSpace: 'normal', maxWidth: '5rem', overflowWrap: 'anywhere', fontWeight: 500 }}>
        {columnName(column)}
      </span>
    );
  }
  return (
    <>
      <strong style={{ whiteSpace: 'nowrap' }}>{column.humanCode}</strong>
      <VisuallyHidden> {columnName(column)}</VisuallyHidden>
    </>
  );
}

/** A level in words: "Proficient (3)", and ", below proficient" when it is. */
function levelWords(t: (key: string) => string, level: TrackerLevel) {
  const text = `${level.label ?? ''}${level.levelScore === null ? '' : ` (${formatNumber(level.levelScore)})`}`.trim();
  return level.proficient ? text : `${text}, ${t('level.below')}`;
}

/**
 * A latest level as a compact chip for the table: its score (or the start of its label), coloured,
 * with a marker when below proficient (never colour alone); the label in words for screen readers
 * and on hover, with the date it was observed.
 */
export function LevelChip({ level }: { level: TrackerLevel | undefined }) {
  const { t } = useTranslation('tracker');
  if (!level) {
    return (
      <Text size="sm" c="dimmed" pos="relative">
        <span aria-hidden="true">—</span>
        <VisuallyHidden>{t('level.none')}</VisuallyHidden>
      </Text>
    );
  }
  const shown = level.levelScore === null ? (level.label ?? '').slice(0, 3) : formatNumber(level.levelScore);
  return (
    <Text
      span
      size="sm"
      fw={600}
      px={4}
      py={1}
      bg={level.proficient ? 'teal.0' : 'orange.0'}
      c={level.proficient ? 'teal.9' : 'orange.9'}
      style={{
        borderRadius: 4,
        whiteSpace: 'nowrap',
        display: 'inline-block',
        position: 'relative',
        minWidth: '2rem',
        textAlign: 'center',
      }}
      title={`${levelWords(t, level)} · ${formatDate(level.observedOn)}`}
    >
      <span aria-hidden="true">
        {level.proficient ? null : '▼'}
        {shown}
      </span>
      <VisuallyHidden>{levelWords(t, level)}</VisuallyHidden>
    </Text>
  );
}

/** What the chips' numbers mean: each level seen in the table, highest first ("4 Distinguished"). */
export function LevelLegend({ tracker }: { tracker: SchoolTracker }) {
  const { t } = useTranslation('tracker');
  const levels = new Map<number, string>();
  for (const row of tracker.rows) {
    for (const level of Object.values(row.levels)) {
      if (level.levelScore !== null && level.label && !levels.has(level.levelScore)) levels.set(level.levelScore, level.label);
    }
  }
  if (levels.size === 0) return null;
  const entries = [...levels.entries()].sort((a, b) => b[0] - a[0]).map(([score, label]) => `${formatNumber(score)} ${label}`);
  return (
    <Text size="sm" c="dimmed">
      {t('level.legend', { levels: entries.join(' · ') })}
    </Text>
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
  if (state === 'none')
    return (
      <Text size="sm" c="dimmed">
        {t('feedback.none')}
      </Text>
    );
  return (
    <Text size="sm">
      {state === 'pending' ? t('feedback.pending', { count: schoolDays ?? 0 }) : t('feedback.held', { count: schoolDays ?? 0 })}
    </Text>
  );
}

/** The row's flags as badges with text; long words wrap inside the badge instead of being cut off. */
export function Flags({ row }: { row: TrackerRow }) {
  const { t } = useTranslation('tracker');
  if (!row.feedback.overdue && !row.missingObservations) return null;
  const wrap = {
    root: { height: 'auto', maxWidth: '100%' },
    label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3, paddingBlock: 2 },
  } as const;
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
  return (
    <Text size="sm">{t('scored', { scored: formatNumber(row.scoredThisTerm), required: formatNumber(tracker.requiredPerTerm) })}</Text>
  );
}

export const lastObserved = (row: TrackerRow) => (row.lastObservedOn ? formatDate(row.lastObservedOn) : '—');

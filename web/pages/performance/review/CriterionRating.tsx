import { Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReviewCriterion } from '../../../../common/schemas/performance-review.ts';
import { formatDate, formatNumber } from '../../../app/format.ts';

export interface RatingDraft {
  scaleLevelId: string | null;
  comment: string;
}

/** The evidence at hand for one competency: scored observations, walkthroughs, the self-assessment. */
function EvidencePanel({ criterion }: { criterion: ReviewCriterion }) {
  const { t } = useTranslation('performance');
  const { observations, walkthroughs, selfRating } = criterion.evidence;
  return (
    <Paper bg="gray.0" p="xs" radius="sm">
      <Title order={4} size="h6" mb={4}>
        {t('review.evidence.title')}
      </Title>
      <Stack gap={2}>
        <Text size="sm">
          {observations.length === 0
            ? t('review.evidence.noObservations')
            : t('review.evidence.observations', {
                list: observations
                  .map((o) => `${formatDate(o.observedAt)}: ${o.label ?? (o.levelScore === null ? '—' : formatNumber(o.levelScore))}`)
                  .join('; '),
              })}
        </Text>
        <Text size="sm">{t('review.evidence.walkthroughs', { count: walkthroughs })}</Text>
        <Text size="sm">
          {selfRating
            ? t('review.evidence.self', { level: selfRating.label ?? '—', comment: selfRating.comment || t('review.evidence.noComment') })
            : t('review.evidence.noSelf')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** One criterion of the rubric snapshot: the evidence, the level (a radio group) and a comment. */
export function CriterionRating({
  criterion,
  value,
  readOnly,
  onChange,
}: {
  criterion: ReviewCriterion;
  value: RatingDraft;
  readOnly: boolean;
  onChange: (next: RatingDraft) => void;
}) {
  const { t } = useTranslation('performance');
  const title = criterion.code ? `${criterion.code} ${criterion.title}` : criterion.title;
  const headingId = `criterion-${criterion.itemId}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={headingId}>
            {title}
          </Title>
          {criterion.weight !== null ? <Text size="sm">{t('review.weight', { weight: criterion.weight })}</Text> : null}
        </Group>
        <EvidencePanel criterion={criterion} />
        <Radio.Group
          label={t('review.levelLabel', { title })}
          value={value.scaleLevelId ?? ''}
          onChange={(v) => onChange({ ...value, scaleLevelId: v || null })}
        >
          <Group gap="md" mt={4} wrap="wrap">
            {criterion.levels.map((l) => (
              <Radio key={l.scaleLevelId} value={l.scaleLevelId} label={l.label} disabled={readOnly} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('review.comment')}
          autosize
          minRows={2}
          value={value.comment}
          readOnly={readOnly}
          onChange={(e) => onChange({ ...value, comment: e.currentTarget.value })}
        />
      </Stack>
    </Paper>
  );
}

import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoachingPlan } from '../../../common/schemas/coaching.ts';
import type { CoachingPlanReview } from '../../../common/schemas/coaching-reviews.ts';
import { usePlanReviews } from '../../api/coaching-reviews.ts';
import { formatDate, formatDateTime, formatNumber } from '../../app/format.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { personName } from '../../components/personName.ts';
import { AcknowledgeReviewModal } from './AcknowledgeReviewModal.tsx';
import { ReviewFormModal } from './ReviewFormModal.tsx';

const DECISION_COLOR = { continue: 'blue', change_focus: 'grape', fade: 'teal', end: 'gray' } as const;

/**
 * A plan's reviews, date by date: recorded ones (planned vs delivered, followed, decision; the data
 * notes and next steps for coach and coachee only), overdue ones flagged, upcoming ones. The coach
 * records and corrects; the coachee acknowledges.
 */
export function ReviewsSection({ plan }: { plan: CoachingPlan }) {
  const { t } = useTranslation('coaching');
  const reviews = usePlanReviews(plan.id);
  const [dialog, setDialog] = useState<{ kind: 'record' } | { kind: 'edit' | 'ack'; review: CoachingPlanReview } | null>(null);
  if (reviews.error) return <ErrorAlert error={reviews.error} />;
  if (!reviews.data) return <Loading />;
  const { items, overdueDates, canRecord } = reviews.data;
  const byDate = new Map(items.map((r) => [r.reviewDate, r]));
  const open = plan.reviewDates.filter((d) => !byDate.has(d));
  const close = () => setDialog(null);

  return (
    <Stack gap="xs" component="section" aria-labelledby="reviews-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="reviews-title">
          {t('review.title')}
        </Title>
        {canRecord && open.length ? <Button onClick={() => setDialog({ kind: 'record' })}>{t('review.recordButton')}</Button> : null}
      </Group>
      {overdueDates.length ? (
        <Text c="red.8" fw={600} role="status">
          {t('review.overdueCount', { count: overdueDates.length })}
        </Text>
      ) : null}
      {plan.reviewDates.map((d) => {
        const review = byDate.get(d);
        if (review)
          return (
            <ReviewCard
              key={d}
              review={review}
              onEdit={() => setDialog({ kind: 'edit', review })}
              onAck={() => setDialog({ kind: 'ack', review })}
            />
          );
        return (
          <Group key={d} gap="xs">
            <Text>{formatDate(d)}</Text>
            {overdueDates.includes(d) ? (
              <Badge color="red" variant="light">
                {t('review.overdue')}
              </Badge>
            ) : (
              <Badge variant="light">{d === reviews.data.nextDue ? t('review.nextDue') : t('plan.upcoming')}</Badge>
            )}
          </Group>
        );
      })}
      {dialog?.kind === 'record' || dialog?.kind === 'edit' ? (
        <ReviewFormModal
          planId={plan.id}
          dates={open}
          review={dialog.kind === 'edit' ? dialog.review : undefined}
          onClose={close}
          onSaved={() => {
            close();
            notifySuccess(t('review.saved'));
          }}
        />
      ) : null}
      {dialog?.kind === 'ack' ? (
        <AcknowledgeReviewModal
          planId={plan.id}
          review={dialog.review}
          onClose={close}
          onSaved={() => {
            close();
            notifySuccess(t('review.acknowledged'));
          }}
        />
      ) : null}
    </Stack>
  );
}

function ReviewCard({ review: r, onEdit, onAck }: { review: CoachingPlanReview; onEdit: () => void; onAck: () => void }) {
  const { t } = useTranslation('coaching');
  const full = r.view === 'full';
  return (
    <Paper withBorder p="sm" component="article" aria-label={t('review.cardLabel', { date: formatDate(r.reviewDate) })}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Text fw={600}>{formatDate(r.reviewDate)}</Text>
            <Badge color={DECISION_COLOR[r.decision]} variant="light">
              {t(`review.decisionValue.${r.decision}`)}
            </Badge>
            {r.acknowledgedAt ? (
              <Badge color="green" variant="light">
                {t('review.acknowledgedBadge')}
              </Badge>
            ) : (
              <Badge color="yellow" variant="light">
                {t('review.awaitingAck')}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            {r.abilities.edit ? (
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('common.edit')}
              </Button>
            ) : null}
            {r.abilities.acknowledge ? (
              <Button size="xs" variant={r.acknowledgedAt ? 'default' : 'filled'} onClick={onAck}>
                {r.acknowledgedAt ? t('review.updateNote') : t('review.acknowledge')}
              </Button>
            ) : null}
          </Group>
        </Group>
        <DetailList
          rows={[
            [
              t('review.plannedDelivered'),
              t('review.plannedDeliveredValue', { planned: formatNumber(r.plannedSessions), delivered: formatNumber(r.deliveredSessions) }),
            ],
            [t('review.followed'), t(`review.followedValue.${r.followed}`)],
            ...(full
              ? ([
                  [t('review.dataNotes'), r.dataNotes || '—'],
                  [t('review.nextSteps'), r.nextSteps || '—'],
                  [t('review.coacheeNote'), r.coacheeNote || '—'],
                ] as [string, string][])
              : []),
            [t('review.recordedBy'), t('review.recordedByValue', { name: personName(r.recordedBy), at: formatDateTime(r.recordedAt) })],
            ...(r.acknowledgedBy && r.acknowledgedAt
              ? ([
                  [
                    t('review.acknowledgedBy'),
                    t('review.recordedByValue', { name: personName(r.acknowledgedBy), at: formatDateTime(r.acknowledgedAt) }),
                  ],
                ] as [string, string][])
              : []),
          ]}
        />
        {full ? null : (
          <Text size="sm" c="dimmed">
            {t('review.summaryOnly')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

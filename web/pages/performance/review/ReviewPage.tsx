import { Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Review } from '../../../../common/schemas/performance-review.ts';
import { reviewKeys, useReview } from '../../../api/performance-review.ts';
import { formatDate } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PlanSubtitle, PlanTabs } from './PlanChrome.tsx';
import { PersonSide, StatusBanner, SupervisorActions } from './ReviewActions.tsx';
import { ReviewEditor } from './ReviewEditor.tsx';

/**
 * The end-of-year review of a plan: the evaluator rates each competency with the evidence at hand,
 * rates the goals and writes a summary (saved as they type); the person reflects and acknowledges.
 * Nothing is final: a supervisor may reopen a completed review.
 */
export default function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('performance');
  const queryClient = useQueryClient();
  const query = useReview(id);
  const [generation, setGeneration] = useState(0);
  const [version, setVersion] = useState<number | null>(null);
  const review = query.data;
  const saved = (r: Review) => setVersion(r.plan.version);
  const done = (r: Review) => {
    queryClient.setQueryData(reviewKeys.review(id), r);
    setVersion(r.plan.version);
    setGeneration((g) => g + 1);
  };
  const person = review?.plan.viewer === 'person';
  const showRatings = review && (!person || review.plan.status === 'reviewed' || review.plan.status === 'acknowledged');
  return (
    <>
      <PageHeader title={t('review.title')} subtitle={review ? <PlanSubtitle plan={review.plan} /> : undefined} />
      <PlanTabs planId={id} current="review" />
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {!review ? (
        query.error ? null : (
          <Loading />
        )
      ) : (
        <Stack gap="md" key={generation}>
          <StatusBanner review={review} />
          {review.from && review.to ? (
            <Text size="sm" c="dimmed">
              {t('review.evidenceDates', { from: formatDate(review.from), to: formatDate(review.to) })}
            </Text>
          ) : null}
          {showRatings ? <ReviewEditor review={review} onSaved={saved} /> : <Text>{t('review.beingWritten')}</Text>}
          {person ? <PersonSide review={review} onSaved={saved} onDone={done} /> : null}
          {!person ? <SupervisorActions review={review} version={version ?? review.plan.version} onDone={done} /> : null}
          {!person && review.personReflection ? (
            <Text style={{ whiteSpace: 'pre-wrap' }}>{t('review.theirReflection', { text: review.personReflection })}</Text>
          ) : null}
          {!person && review.acknowledgedAt ? (
            <Text>
              {review.acknowledgmentResponse
                ? t('review.theirResponse', { response: review.acknowledgmentResponse })
                : t('review.noResponse')}
            </Text>
          ) : null}
        </Stack>
      )}
    </>
  );
}

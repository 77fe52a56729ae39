import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFitReviews } from '../../api/fit-reviews.ts';
import { useMe } from '../../api/session.ts';

/** On an initiative's page: the fit review it was adopted from, when the reader may read that review. */
export function ChosenInFitReview({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation('assessments');
  const me = useMe();
  const reviews = useFitReviews({ initiativeId }, me.guest === null);
  const review = reviews.data?.items[0];
  if (!review) return null;
  return (
    <Text size="sm">
      {t('fit.chosenIn')}{' '}
      <Anchor component={Link} to={`/assessments/fit-reviews/${review.id}`}>
        {review.title}
      </Anchor>
    </Text>
  );
}

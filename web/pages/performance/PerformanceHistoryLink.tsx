import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The small link from a person's page to their performance history. */
export function PerformanceHistoryLink({ personId }: { personId: string }) {
  const { t } = useTranslation('performance');
  return (
    <Anchor component={Link} to={`/people/${personId}/performance`}>
      {t('views.history.link')}
    </Anchor>
  );
}

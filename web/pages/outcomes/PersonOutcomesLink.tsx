import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The small link from a person's page to their own outcome values (the page says who may read them). */
export function PersonOutcomesLink({ personId }: { personId: string }) {
  const { t } = useTranslation('outcomes');
  return (
    <Anchor component={Link} to={`/people/${personId}/outcomes`}>
      {t('person.link')}
    </Anchor>
  );
}

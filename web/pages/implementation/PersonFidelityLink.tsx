import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The small link from a person's page to their fidelity (the page answers not found to whom the fidelity policy keeps out). */
export function PersonFidelityLink({ personId }: { personId: string }) {
  const { t } = useTranslation('implementation');
  return (
    <Anchor component={Link} to={`/people/${personId}/fidelity`}>
      {t('fidelity.person.link')}
    </Anchor>
  );
}

import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

const PAGES = ['drivers', 'training', 'coaching'] as const;

/** Links between an initiative's driver pages (plans, training, coaching); the current one is marked. */
export function DriverPagesNav({ initiativeId, current }: { initiativeId: string; current: (typeof PAGES)[number] }) {
  const { t } = useTranslation('implementation');
  return (
    <Group component="nav" aria-label={t('driverPlans.nav.label')} gap="md" mb="md">
      {PAGES.map((page) => (
        <Anchor
          key={page}
          component={Link}
          to={`/initiatives/${initiativeId}/${page}`}
          aria-current={page === current ? 'page' : undefined}
          fw={page === current ? 700 : 400}
          size="sm"
        >
          {t(`driverPlans.nav.${page}`)}
        </Anchor>
      ))}
    </Group>
  );
}
